"""Documents leave only through Wagtail's view, which checks the collection's privacy
(issue 13, item 1): never as a plain file under MEDIA_URL, and with nginx sending the
bytes (X-Accel-Redirect to an internal location) only after that check passed.
The nginx side is tested in tests/cluster (local cluster) and tests/ops/test_media_bucket_proxy.py."""

import pytest
from django.core.files.base import ContentFile
from django.http import Http404
from django.test import RequestFactory
from wagtail.documents import get_document_model
from wagtail.models import Collection, CollectionViewRestriction
from wagtail.utils.sendfile import _get_sendfile

from zoneportal.media.views import serve_media


@pytest.fixture
def documents(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    root = Collection.get_first_root_node()
    private = root.add_child(name="Internal")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    Document = get_document_model()  # noqa: N806
    made = {}
    for name, collection in (("memo", private), ("brochure", root)):
        document = Document(title=name, collection=collection)
        document.file.save(f"{name}.pdf", ContentFile(b"%PDF-1.4 " + name.encode()), save=True)
        made[name] = document
    return made


@pytest.mark.django_db
@pytest.mark.parametrize(
    "prefix", ["documents/", "./documents/", "Documents/", "images/../documents/"]
)
def test_development_media_serving_never_serves_a_document(documents, settings, prefix):
    """`make run` serves MEDIA_URL with Django (DEBUG): documents are not among it."""
    name = documents["memo"].file.name.split("/", 1)[1]
    request = RequestFactory().get(f"/media/{prefix}{name}")
    with pytest.raises(Http404):
        serve_media(request, prefix + name, document_root=settings.MEDIA_ROOT)


@pytest.mark.django_db
def test_development_media_serving_still_serves_other_uploads(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    (tmp_path / "original_images").mkdir()
    (tmp_path / "original_images" / "plant.png").write_bytes(b"\x89PNG\r\n")
    request = RequestFactory().get("/media/original_images/plant.png")
    response = serve_media(request, "original_images/plant.png", document_root=tmp_path)
    assert b"".join(response.streaming_content) == b"\x89PNG\r\n"


@pytest.fixture
def x_accel(settings, tmp_path):
    """The production settings of documents (settings/production.py)."""
    settings.SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    settings.SENDFILE_ROOT = str(tmp_path / "documents")
    settings.SENDFILE_URL = "/internal-documents"
    _get_sendfile.clear()
    yield
    _get_sendfile.clear()


@pytest.mark.django_db
def test_production_hands_a_public_document_to_nginx_with_its_safety_headers(
    client, site_home, documents, x_accel
):
    response = client.get(documents["brochure"].url)
    assert response.status_code == 200
    assert response["X-Accel-Redirect"] == "/internal-documents/brochure.pdf"
    assert response.content == b""  # nginx sends the bytes
    assert response["Content-Disposition"].startswith("inline")
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "no-store" in response["Cache-Control"] or "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_production_never_hands_a_private_document_to_an_anonymous_visitor(
    client, site_home, documents, x_accel
):
    response = client.get(documents["memo"].url)
    assert response.status_code == 302 and "login" in response["Location"]
    assert "X-Accel-Redirect" not in response
