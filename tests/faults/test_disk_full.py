"""Fault: the media disk fills up while an editor uploads an image or a document.

Simulated where it really happens: Django's FileSystemStorage writes the first
bytes of the upload, then the next write fails with ENOSPC. The editor gets the
form again with a plain message (the multiple uploader: its JSON error), not the
500 page; no Image or Document row exists and no partial file is left in
MEDIA_ROOT; once space is free the same upload works.
"""

import errno
import io
import os
from contextlib import contextmanager
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Collection

from tests.security.conftest import admin_user  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db
MESSAGE = "the server has no disk space left"


class _FillingFile:
    """A file object that takes 100 bytes, then reports the disk full."""

    def __init__(self, real):
        self.real = real

    def write(self, data):
        self.real.write(data[:100])
        self.real.flush()
        raise OSError(errno.ENOSPC, "No space left on device")

    def __getattr__(self, name):
        return getattr(self.real, name)


@contextmanager
def disk_full():
    real_fdopen = os.fdopen

    def fdopen(fd, *args, **kwargs):
        return _FillingFile(real_fdopen(fd, *args, **kwargs))

    with mock.patch("django.core.files.storage.filesystem.os.fdopen", fdopen):
        yield


def _png() -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (64, 64), (11, 79, 138)).save(buffer, format="PNG")
    return buffer.getvalue()


def _pdf() -> bytes:
    return b"%PDF-1.4\n" + b"% filler\n" * 200 + b"%%EOF\n"


def _media_files(settings) -> list[str]:
    root = str(settings.MEDIA_ROOT)
    return [os.path.join(d, f) for d, _dirs, files in os.walk(root) for f in files]


UPLOADS = {
    "image": (
        "/admin/images/add/",
        lambda: {
            "title": "Plant",
            "description": "A plant",
            "credit": "wnd.gov.cn",
            "file": SimpleUploadedFile("plant.png", _png(), "image/png"),
        },
        get_image_model,
    ),
    "document": (
        "/admin/documents/add/",
        lambda: {"title": "Guide", "file": SimpleUploadedFile("guide.pdf", _pdf())},
        get_document_model,
    ),
}


@pytest.mark.parametrize("kind", sorted(UPLOADS))
def test_an_upload_on_a_full_disk_is_refused_cleanly(admin_user, settings, kind):  # noqa: F811
    url, data, model = UPLOADS[kind]
    editor = Client(raise_request_exception=False)
    editor.force_login(admin_user)
    collection = Collection.get_first_root_node().pk
    with disk_full():
        response = editor.post(url, {**data(), "collection": collection})
    assert response.status_code == 303 and response["Location"] == url
    page = editor.get(url)
    assert page.status_code == 200
    assert MESSAGE in page.content.decode()
    assert model().objects.count() == 0
    assert _media_files(settings) == []

    # Space is freed: the same upload goes through.
    response = editor.post(url, {**data(), "collection": collection})
    assert response.status_code == 302, response.content[:500]
    assert model().objects.count() == 1
    assert len(_media_files(settings)) >= 1


# The multiple uploader saves inside atomic(savepoint=False): in a test's transaction
# the failure breaks it, so this test runs with real commits (as in production), and
# puts back the rows the migrations created (locales, root page, groups) afterwards.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_multiple_uploader_gets_its_json_error_in_the_editors_language(
    admin_user,  # noqa: F811
    settings,
):
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ja"
    profile.save()
    editor = Client(raise_request_exception=False)
    editor.force_login(admin_user)
    with disk_full():
        response = editor.post(
            "/admin/images/multiple/add/",
            {
                "collection": Collection.get_first_root_node().pk,
                "files[]": SimpleUploadedFile("plant.png", _png(), "image/png"),
            },
            HTTP_X_REQUESTED_WITH="XMLHttpRequest",
        )
    assert response.status_code == 507
    body = response.json()
    assert body["success"] is False
    assert "ディスク" in body["error_message"]
    assert get_image_model().objects.count() == 0
    assert _media_files(settings) == []
