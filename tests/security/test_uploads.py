"""Uploads: decompression bombs, polyglots, SVG/HTML, content checks, file names."""

import io
import os
import struct
import tracemalloc
import zipfile
import zlib

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image
from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.images import get_image_model
from wagtail.images.forms import get_image_form
from wagtail.models import Collection

from zoneportal.security.uploads import sanitise_filename


def png_chunk(kind: bytes, data: bytes) -> bytes:
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))


def bomb_png(side=30000) -> bytes:
    """A 1-bit greyscale PNG of side x side pixels: ~110 KB on disk, 900 MB decoded."""
    row = b"\x00" + b"\x00" * (side // 8)
    compressor = zlib.compressobj(9)
    body = b"".join(compressor.compress(row) for _ in range(side)) + compressor.flush()
    header = struct.pack(">IIBBBBB", side, side, 1, 0, 0, 0, 0)
    return (
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", header)
        + png_chunk(b"IDAT", body)
        + png_chunk(b"IEND", b"")
    )


def small_png(extra_chunk: bytes = b"") -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, format="PNG")
    data = buffer.getvalue()
    if extra_chunk:  # insert before IEND
        data = data[:-12] + png_chunk(b"tEXt", extra_chunk) + data[-12:]
    return data


def image_form(name, content, **extra):
    SiteImage = get_image_model()
    Form = get_image_form(SiteImage)
    data = {
        "title": "Upload",
        "description": "An image",
        "collection": Collection.get_first_root_node().pk,
    }
    data.update(extra)
    return Form(data=data, files={"file": SimpleUploadedFile(name, content)}, user=None)


def document_form(name, content):
    Form = get_document_form(get_document_model())
    data = {"title": "Upload", "collection": Collection.get_first_root_node().pk}
    return Form(data=data, files={"file": SimpleUploadedFile(name, content)}, user=None)


def ooxml(main_part="word/document.xml", content_types=b"<Types/>") -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", content_types)
        archive.writestr(main_part, b"<document/>")
    return buffer.getvalue()


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused_from_its_header_without_using_memory():
    data = bomb_png()
    assert len(data) < 200_000
    tracemalloc.start()
    form = image_form("bomb.png", data)
    valid = form.is_valid()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert not valid
    assert "pixels" in str(form.errors["file"])
    assert peak < 20 * 1024 * 1024  # decoding would need 900 MB


def test_pillow_refuses_to_decode_a_bomb_anywhere_else():
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(bomb_png())).load()


@pytest.mark.django_db
def test_an_ordinary_png_is_accepted():
    form = image_form("photo.png", small_png())
    assert form.is_valid(), form.errors


@pytest.mark.django_db
def test_oversized_images_are_refused(settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 1000
    form = image_form("big.png", small_png(b"Comment\x00" + b"x" * 5000))
    assert not form.is_valid()


@pytest.mark.parametrize(
    "payload",
    [
        b"Comment\x00<script>alert(1)</script>",
        b"Comment\x00<html><body onload=alert(1)>",
        b"Comment\x00<!DOCTYPE html><p>",
        b"Comment\x00<svg onload=alert(1)>",
    ],
)
@pytest.mark.django_db
def test_png_html_polyglots_are_refused(payload):
    form = image_form("poly.png", small_png(payload))
    assert not form.is_valid()
    assert "HTML" in str(form.errors["file"])


@pytest.mark.parametrize("name", ["logo.svg", "page.html"])
@pytest.mark.django_db
def test_svg_and_html_are_refused_as_images(name):
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    assert not image_form(name, svg).is_valid()


@pytest.mark.django_db
def test_image_with_a_lying_extension_is_refused():
    assert not image_form("photo.jpg", small_png()).is_valid()


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"%PDF-1.7\n1 0 obj\n%%EOF\n"),
        ("form.docx", ooxml()),
        ("table.xlsx", ooxml("xl/workbook.xml")),
        ("slides.pptx", ooxml("ppt/presentation.xml")),
        ("data.csv", "园区,企业数\n新吴,120\n".encode("gb18030")),
        ("notes.txt", "Plain notes — 说明\n".encode()),
    ],
)
@pytest.mark.django_db
def test_genuine_documents_are_accepted(name, content):
    form = document_form(name, content)
    assert form.is_valid(), form.errors


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("report.pdf", b"<html><script>alert(1)</script></html>"),  # HTML named .pdf
        ("report.pdf", b"MZ\x90\x00 executable"),
        ("form.docx", b"PK\x03\x04 not really a zip"),
        ("form.docx", ooxml(main_part="other.xml")),  # a zip, but no Word document
        ("form.docx", ooxml(content_types=b"<Types>macroEnabled</Types>")),
        ("data.csv", b"name\n<script>alert(1)</script>\n"),
        ("notes.txt", b"binary\x00\x01\x02"),
        ("page.html", b"<p>hi</p>"),
        ("logo.svg", b"<svg/>"),
        ("archive.zip", b"PK\x03\x04"),
    ],
)
@pytest.mark.django_db
def test_documents_whose_content_does_not_match_are_refused(name, content):
    assert not document_form(name, content).is_valid()


@pytest.mark.django_db
def test_zip_bombs_are_refused_from_the_directory():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("[Content_Types].xml", b"<Types/>")
        archive.writestr("word/document.xml", b"<document/>")
        with archive.open("word/media/zeros.bin", "w", force_zip64=True) as handle:
            chunk = b"\x00" * (1024 * 1024)
            for _ in range(210):
                handle.write(chunk)
    assert len(buffer.getvalue()) < 1_000_000
    form = document_form("bomb.docx", buffer.getvalue())
    assert not form.is_valid()
    assert "expands" in str(form.errors["file"])


@pytest.mark.django_db
def test_oversized_documents_are_refused(settings):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 100
    assert not document_form("big.pdf", b"%PDF-1.4\n" + b"0" * 500).is_valid()


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("../../etc/passwd.pdf", "passwd.pdf"),
        ("..\\..\\windows\\win.ini.txt", "win.ini.txt"),
        ("report\x00.exe.pdf", "report.exe.pdf"),
        ("invoice\u202egpj.exe.pdf", "invoicegpj.exe.pdf"),  # right-to-left override
        ("zero\u200bwidth.pdf", "zerowidth.pdf"),
        ('a<b>c:"d|e?f*.pdf', "a-b-c--d-e-f.pdf"),
        ("...", "file"),
        ("", "file"),
        ("REPORT.PDF", "REPORT.pdf"),
        ("名单 2024.csv", "名单 2024.csv"),
    ],
)
def test_file_names_are_sanitised(raw, expected):
    assert sanitise_filename(raw) == expected


def test_very_long_names_are_cut_keeping_the_extension():
    name = sanitise_filename("x" * 5000 + ".pdf")
    assert name.endswith(".pdf")
    assert len(name) <= 90


@pytest.mark.django_db
def test_a_traversal_file_name_is_stored_inside_the_documents_folder(settings):
    form = document_form("../../../etc/cron.d/evil.pdf", b"%PDF-1.4\n%%EOF\n")
    assert form.is_valid(), form.errors
    document = form.save()
    assert document.file.name.startswith("documents/")
    assert ".." not in document.file.name
    assert document.file.path.startswith(str(settings.MEDIA_ROOT))


@pytest.mark.django_db
def test_document_upload_in_the_admin_uses_the_checks(client, admin_user):
    client.force_login(admin_user)
    response = client.post(
        "/admin/documents/add/",
        {
            "title": "Fake",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("fake.pdf", b"<script>alert(1)</script>"),
        },
    )
    assert response.status_code == 200  # the form again, with the error
    assert get_document_model().objects.count() == 0


# -- Files Pillow cannot read (issue 13 item 7) ----------------------------------------
# They crashed the add, multiple-upload and replace views with a 500. Now the editor
# gets the form (or the uploader's JSON error) with Django's localized "not an image
# or a corrupted image" message; no Image row, no file left in MEDIA_ROOT, and a
# replaced image keeps its file.


def _jpeg(size=(320, 240)) -> bytes:
    buffer = io.BytesIO()
    Image.effect_noise(size, 64).convert("RGB").save(buffer, format="JPEG", quality=90)
    return buffer.getvalue()


UNREADABLE = {
    # GIF header, then JavaScript: a browser would run it as a script.
    "gif_js_polyglot": (
        "poly.gif",
        b"GIF89a/*\x01\x00\x01\x00\x00\x00\x00*/=alert(document.domain);//" + b"\x00" * 40,
    ),
    # A correct PNG signature and header over image data that is not zlib.
    "png_forged_header": (
        "forged.png",
        b"\x89PNG\r\n\x1a\n"
        + png_chunk(b"IHDR", struct.pack(">IIBBBBB", 64, 48, 8, 2, 0, 0, 0))
        + png_chunk(b"IDAT", b"not zlib at all" * 10)
        + png_chunk(b"IEND", b""),
    ),
    # Cut before its frame header, and cut half-way through the image data.
    "jpeg_truncated_header": ("cut.jpg", _jpeg()[:200]),
    "jpeg_truncated_data": ("half.jpg", _jpeg()[: len(_jpeg()) // 2]),
    "text_renamed_png": ("notes.png", b"Just some notes, not an image.\n" * 20),
}


def _stored_files(settings, folder="") -> dict[str, bytes]:
    """{path: bytes} of the files under MEDIA_ROOT (or one folder of it)."""
    root = settings.MEDIA_ROOT
    return {
        os.path.relpath(os.path.join(directory, name), root): open(
            os.path.join(directory, name), "rb"
        ).read()
        for directory, _dirs, names in os.walk(os.path.join(root, folder))
        for name in names
    }


def _japanese_invalid_image_message() -> str:
    from django.utils import translation
    from wagtail.images.fields import WagtailImageField

    with translation.override("ja"):
        message = str(WagtailImageField().error_messages["invalid_image"])
    assert "画像" in message  # Django's own Japanese catalogue
    return message


@pytest.fixture
def japanese_editor(admin_user):
    from django.test import Client
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "ja"
    profile.save()
    editor = Client(raise_request_exception=False)
    editor.force_login(admin_user)
    return editor


def _image_fields(**extra):
    return {
        "title": "Plant",
        "description": "A plant",
        "credit": "wnd.gov.cn",
        "collection": Collection.get_first_root_node().pk,
        **extra,
    }


@pytest.mark.parametrize("kind", sorted(UNREADABLE))
@pytest.mark.django_db
def test_an_unreadable_image_gets_the_add_form_back(japanese_editor, settings, kind):
    name, content = UNREADABLE[kind]
    response = japanese_editor.post(
        "/admin/images/add/", _image_fields(file=SimpleUploadedFile(name, content))
    )
    assert response.status_code == 200
    assert _japanese_invalid_image_message() in response.content.decode()
    assert 'name="title"' in response.content.decode()  # the form, with what was typed
    assert get_image_model().objects.count() == 0
    assert _stored_files(settings) == {}


@pytest.mark.parametrize("kind", sorted(UNREADABLE))
@pytest.mark.django_db
def test_an_unreadable_image_gets_the_multiple_uploaders_json_error(
    japanese_editor, settings, kind
):
    name, content = UNREADABLE[kind]
    response = japanese_editor.post(
        "/admin/images/multiple/add/",
        {
            "files[]": SimpleUploadedFile(name, content),
            "collection": Collection.get_first_root_node().pk,
        },
        HTTP_X_REQUESTED_WITH="XMLHttpRequest",
    )
    assert response.status_code == 200
    assert response.json() == {
        "success": False,
        "error_message": _japanese_invalid_image_message(),
    }
    assert get_image_model().objects.count() == 0
    assert _stored_files(settings) == {}


@pytest.mark.parametrize("kind", sorted(UNREADABLE))
@pytest.mark.django_db
def test_replacing_an_image_with_an_unreadable_file_keeps_the_old_one(
    japanese_editor, settings, make_image, kind
):
    image = make_image()
    # Re-showing the form makes thumbnails (renditions) of the kept image: only the
    # originals are compared.
    before = _stored_files(settings, "original_images")
    name, content = UNREADABLE[kind]
    response = japanese_editor.post(
        f"/admin/images/{image.pk}/",
        _image_fields(title="Renamed", file=SimpleUploadedFile(name, content)),
    )
    assert response.status_code == 200
    assert _japanese_invalid_image_message() in response.content.decode()
    image.refresh_from_db()
    assert image.title != "Renamed"
    assert _stored_files(settings, "original_images") == before
    assert Image.open(image.file.path).size == (640, 360)  # still the original picture
