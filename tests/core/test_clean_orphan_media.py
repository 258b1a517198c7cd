"""`manage.py clean_orphan_media`: media files no row refers to (zoneportal/core/orphan_media.py).

A file written before its row, whose process was killed or whose transaction rolled
back, stays on disk. The command lists such files, deletes them only with --delete,
and never touches a file a row refers to, nor a recent one (an upload in flight).
"""

import io
import os
import time

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import CommandError, call_command
from wagtail.documents import get_document_model

pytestmark = pytest.mark.django_db

TWO_DAYS = 2 * 24 * 3600


def write(name, age_seconds=0, content=b"x"):
    name = default_storage.save(name, ContentFile(content))
    when = time.time() - age_seconds
    os.utime(default_storage.path(name), (when, when))
    return name


def run(*args):
    out = io.StringIO()
    call_command("clean_orphan_media", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def media(make_image):
    """Referenced files (an image, its rendition, a document), all two days old, plus
    orphans two days old in each folder and one orphan written just now."""
    image = make_image(title="Harbour")
    rendition = image.get_rendition("fill-100x100")
    document = get_document_model()(title="Brochure")
    document.file.save("brochure.txt", ContentFile(b"WND"), save=False)
    document.save()
    referenced = [image.file.name, rendition.file.name, document.file.name]
    for name in referenced:
        os.utime(default_storage.path(name), (time.time() - TWO_DAYS,) * 2)
    old_orphans = [
        write("original_images/killed-mid-load.jpg", TWO_DAYS),
        write("images/killed-mid-load.fill-100x100.jpg", TWO_DAYS),
        write("documents/rolled-back.txt", TWO_DAYS),
        write("videos/captions/rolled-back.vtt", TWO_DAYS),
    ]
    fresh = write("original_images/uploading-right-now.jpg")
    return {"referenced": referenced, "old_orphans": old_orphans, "fresh": fresh}


def on_disk(names):
    return {name for name in names if default_storage.exists(name)}


def test_by_default_it_lists_old_orphans_and_deletes_nothing(media):
    output = run()
    for name in media["old_orphans"]:
        assert f"orphan: {name}" in output
    assert media["fresh"] not in output
    assert not any(name in output for name in media["referenced"])
    assert "Found 4 orphan media file(s)." in output
    assert "Nothing deleted (dry run)" in output
    everything = media["old_orphans"] + media["referenced"] + [media["fresh"]]
    assert on_disk(everything) == set(everything)
    assert run("--dry-run") == output  # the same, explicitly


def test_delete_removes_only_old_orphans(media):
    output = run("--delete")
    assert "Deleted 4 orphan media file(s)." in output
    assert on_disk(media["old_orphans"]) == set()
    assert on_disk(media["referenced"]) == set(media["referenced"])
    assert on_disk([media["fresh"]]) == {media["fresh"]}
    assert "Found 0 orphan media file(s)." in run()


def test_the_age_threshold_is_an_option(media):
    run("--delete", "--older-than", "0")
    assert on_disk([media["fresh"]]) == set()  # not young enough to be kept any more
    assert on_disk(media["referenced"]) == set(media["referenced"])


def test_dry_run_and_delete_together_are_refused(media):
    with pytest.raises(CommandError, match="not allowed"):
        call_command("clean_orphan_media", "--dry-run", "--delete")
    assert on_disk(media["old_orphans"]) == set(media["old_orphans"])
