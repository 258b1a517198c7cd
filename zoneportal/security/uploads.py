"""Upload checks for Wagtail images and documents.

Hooked in through WAGTAILIMAGES_IMAGE_FORM_BASE and WAGTAILDOCS_DOCUMENT_FORM_BASE, so
they apply to the single and the multiple uploader and to the choosers alike.

- File names: only the last path component is kept; control and format characters
  (NUL, right-to-left override, zero-width ...) and characters reserved on common file
  systems are removed; the stem is cut to 80 characters; the extension is lower-cased.
- Images: Wagtail already caps bytes (WAGTAILIMAGES_MAX_UPLOAD_SIZE) and pixels
  (WAGTAILIMAGES_MAX_IMAGE_PIXELS, read from the header before any decoding, so a
  decompression bomb is refused without being decompressed) and checks that the
  extension matches the detected format. Here: files carrying HTML or script markup
  (PNG/HTML polyglots) are refused. SVG is not in WAGTAILIMAGES_EXTENSIONS.
  Files Pillow cannot decode (a GIF header over JavaScript, a PNG with a forged
  header, a truncated JPEG) get the field's "not an image or a corrupted image"
  error: Wagtail let the decoder's exception through (500) or stored an image no
  rendition could be made of. The check decodes the image once, after the pixel cap,
  so it never decodes a bomb (`ReadableImageField`).
- Documents: size cap (WAGTAILDOCS_MAX_UPLOAD_SIZE), the extension must be allowed and
  the content must match it (magic bytes, OOXML/ODF container structure, zip-bomb
  limits, text that is really text without HTML). HTML, SVG, XML and executables are
  never accepted.
"""

import codecs
import os
import re
import unicodedata
import zipfile

from django import forms
from django.conf import settings
from django.core.files.uploadedfile import UploadedFile
from django.template.defaultfilters import filesizeformat
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from PIL import ImageSequence
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images.fields import WagtailImageField

MAX_STEM_LENGTH = 80
RESERVED = re.compile(r'[<>:"|?*\\/\x00-\x1f\x7f]')
MARKUP = re.compile(
    rb"<\s*(script|html|iframe|object|embed|body|svg[\s>]|!doctype\s+html|meta\s+http-equiv)"
    rb"|javascript\s*:",
    re.IGNORECASE,
)
# Zip containers (docx, xlsx, pptx, odt) must not expand beyond this: a zip bomb is
# refused from its directory, before anything is decompressed.
MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024
MAX_ZIP_ENTRIES = 5000
TEXT_SAMPLE_BYTES = 1024 * 1024

OOXML_MAIN_PART = {
    "docx": "word/document.xml",
    "xlsx": "xl/workbook.xml",
    "pptx": "ppt/presentation.xml",
}
ODF_MIMETYPES = {"odt": b"application/vnd.oasis.opendocument.text"}
FORBIDDEN_EXTENSIONS = {"svg", "svgz", "html", "htm", "xhtml", "xml", "js", "mjs", "exe", "php"}


def sanitise_filename(name: str, fallback: str = "file") -> str:
    """A safe base name for storage: no path, no invisible or reserved characters."""
    name = unicodedata.normalize("NFC", str(name or ""))
    name = re.split(r"[\\/]", name)[-1]
    name = "".join(ch for ch in name if unicodedata.category(ch) not in {"Cc", "Cf", "Cs", "Co"})
    name = RESERVED.sub("-", name)
    name = re.sub(r"\s+", " ", name).strip(" .-")
    stem, dot, extension = name.rpartition(".")
    if not dot:
        stem, extension = name, ""
    stem = stem.strip(" .-")[:MAX_STEM_LENGTH].strip(" .-") or fallback
    extension = re.sub(r"[^a-z0-9]", "", extension.lower())[:10]
    return f"{stem}.{extension}" if extension else stem


def extension_of(name: str) -> str:
    return os.path.splitext(name)[1].lower().lstrip(".")


def _read_all(uploaded) -> bytes:
    uploaded.seek(0)
    data = uploaded.read()
    uploaded.seek(0)
    return data


def contains_markup(data: bytes) -> bool:
    return MARKUP.search(data) is not None


def _check_zip(uploaded, extension):
    invalid = forms.ValidationError(
        _("This file is not a valid %(format)s document.") % {"format": extension.upper()},
        code="invalid_content",
    )
    try:
        with zipfile.ZipFile(uploaded) as archive:
            entries = archive.infolist()
            if len(entries) > MAX_ZIP_ENTRIES or (
                sum(entry.file_size for entry in entries) > MAX_UNCOMPRESSED_BYTES
            ):
                raise forms.ValidationError(
                    _("This document expands to too much data to be accepted."),
                    code="zip_bomb",
                )
            names = {entry.filename for entry in entries}
            if extension in OOXML_MAIN_PART:
                if "[Content_Types].xml" not in names or OOXML_MAIN_PART[extension] not in names:
                    raise invalid
                content_types = archive.read("[Content_Types].xml")
                if b"macroEnabled" in content_types:
                    raise forms.ValidationError(
                        _("Documents with macros are not accepted."), code="macros"
                    )
            else:
                if entries[0].filename != "mimetype" or (
                    archive.read("mimetype").strip() != ODF_MIMETYPES[extension]
                ):
                    raise invalid
    except (zipfile.BadZipFile, KeyError, IndexError, EOFError) as exc:
        raise invalid from exc
    finally:
        uploaded.seek(0)


def _decode_text(data: bytes) -> str | None:
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encodings = ["utf-16"]
    else:
        # Chinese government spreadsheets are often saved as GB18030 (GBK).
        encodings = ["utf-8-sig", "gb18030"]
    for encoding in encodings:
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            # A multi-byte character may be cut at the end of the sample.
            try:
                return data[:-4].decode(encoding)
            except UnicodeDecodeError:
                continue
    return None


def check_document_content(uploaded, extension: str) -> None:
    """Raise ValidationError unless the file's bytes are what its extension says."""
    uploaded.seek(0)
    head = uploaded.read(8)
    uploaded.seek(0)
    invalid = forms.ValidationError(
        _("The content of this file does not match its extension (.%(extension)s).")
        % {"extension": extension},
        code="invalid_content",
    )
    if extension == "pdf":
        if not head.startswith(b"%PDF-"):
            raise invalid
    elif extension in OOXML_MAIN_PART or extension in ODF_MIMETYPES:
        if not head.startswith(b"PK\x03\x04"):
            raise invalid
        _check_zip(uploaded, extension)
    elif extension in {"csv", "txt"}:
        sample = uploaded.read(TEXT_SAMPLE_BYTES)
        uploaded.seek(0)
        text = _decode_text(sample)
        if text is None or "\x00" in text:
            raise forms.ValidationError(
                _("This file is not plain text (UTF-8 or GB18030)."), code="not_text"
            )
        if contains_markup(sample) or contains_markup(text.encode("utf-8", "ignore")):
            raise forms.ValidationError(
                _("Text files that contain HTML or scripts are not accepted."), code="markup"
            )
    else:
        raise invalid


class SafeDocumentForm(BaseDocumentForm):
    """WAGTAILDOCS_DOCUMENT_FORM_BASE: sanitised name, size cap, content matches extension."""

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return uploaded
        uploaded.name = sanitise_filename(uploaded.name, fallback="document")
        extension = extension_of(uploaded.name)
        allowed = set(getattr(settings, "WAGTAILDOCS_EXTENSIONS", []) or []) - FORBIDDEN_EXTENSIONS
        if extension not in allowed:
            raise forms.ValidationError(
                _("Files of this type are not accepted. Allowed: %(extensions)s.")
                % {"extensions": ", ".join(sorted(allowed))},
                code="invalid_extension",
            )
        limit = getattr(settings, "WAGTAILDOCS_MAX_UPLOAD_SIZE", None)
        if limit is not None and uploaded.size > limit:
            raise forms.ValidationError(
                _("This file is too big (%(size)s). The maximum is %(limit)s.")
                % {"size": filesizeformat(uploaded.size), "limit": filesizeformat(limit)},
                code="file_too_large",
            )
        check_document_content(uploaded, extension)
        return uploaded


def check_image_decodes(uploaded) -> None:
    """Decode every frame with Pillow, as renditions will; raise if it cannot.

    Runs after Wagtail's pixel cap (header only), so the work is bounded by
    WAGTAILIMAGES_MAX_IMAGE_PIXELS. Any exception means the same to the editor:
    Pillow raises OSError, SyntaxError, ValueError, EOFError, struct.error ... for
    damaged files.
    """
    uploaded.seek(0)
    try:
        with PILImage.open(uploaded) as image:
            for frame in ImageSequence.Iterator(image):
                frame.load()
    except Exception as exc:  # noqa: BLE001 - whatever the decoder raises
        raise ValueError("unreadable image") from exc
    finally:
        uploaded.seek(0)


class ReadableImageField(WagtailImageField):
    """Wagtail's image field, plus: a file Pillow cannot read is a validation error."""

    def to_python(self, data):
        try:
            uploaded = super().to_python(data)
            if uploaded is not None:
                check_image_decodes(uploaded)
        except forms.ValidationError:
            raise
        except Exception as exc:  # noqa: BLE001 - e.g. get_size() on a forged header
            raise forms.ValidationError(
                self.error_messages["invalid_image"], code="invalid_image"
            ) from exc
        return uploaded


class SafeImageFileMixin:
    """Sanitised file name, no SVG/HTML, no HTML/script polyglots, decodable files."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields.get("file")
        # Wagtail builds this field in its own formfield callback (get_image_form), so
        # the class is swapped here rather than declared: same options and widget.
        if type(field) is WagtailImageField:
            field.__class__ = ReadableImageField

    def clean_file(self):
        uploaded = self.cleaned_data.get("file")
        if not isinstance(uploaded, UploadedFile):
            return uploaded
        uploaded.name = sanitise_filename(uploaded.name, fallback="image")
        if extension_of(uploaded.name) in FORBIDDEN_EXTENSIONS:
            raise forms.ValidationError(
                _("SVG and HTML files are not accepted as images."), code="invalid_extension"
            )
        if contains_markup(_read_all(uploaded)):
            raise forms.ValidationError(
                _("This image contains HTML or script code and is not accepted."),
                code="markup",
            )
        return uploaded


def _inner_image_form():
    path = getattr(
        settings, "ZONEPORTAL_IMAGE_FORM_INNER_BASE", "wagtail.images.forms.BaseImageForm"
    )
    if path.endswith(".SafeImageForm"):  # never wrap ourselves
        path = "wagtail.images.forms.BaseImageForm"
    return import_string(path)


class SafeImageForm(SafeImageFileMixin, _inner_image_form()):
    """WAGTAILIMAGES_IMAGE_FORM_BASE: the project's image form plus the checks above."""
