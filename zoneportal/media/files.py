"""Validation and helpers for self-hosted video and caption files.

Nothing here needs ffmpeg or any other external tool: files are checked by their
extension and their first bytes, which is enough to refuse the common mistakes
(a .mov renamed .mp4, an .srt instead of a .vtt) without decoding video.
"""

import datetime as dt
import html
import mimetypes
import os
import re

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext_lazy as _

VIDEO_MIME_TYPES = {"mp4": "video/mp4", "webm": "video/webm"}
CAPTIONS_MIME_TYPE = "text/vtt"
DEFAULT_MAX_VIDEO_SIZE = 200 * 1024 * 1024


def register_mime_types() -> None:
    """Teach `mimetypes` the types we serve, whatever /etc/mime.types says.

    Django's static and media serving (DEBUG) and FileResponse guess the content
    type from the extension; Chromium ignores a <track> not served as text/vtt.
    """
    mimetypes.add_type(CAPTIONS_MIME_TYPE, ".vtt")
    for extension, mime_type in VIDEO_MIME_TYPES.items():
        mimetypes.add_type(mime_type, f".{extension}")


def extension_of(name: str) -> str:
    return os.path.splitext(name or "")[1].lower().lstrip(".")


def video_mime_type(name: str) -> str:
    """The MIME type of a video file name, derived from its extension ("" if unknown)."""
    return VIDEO_MIME_TYPES.get(extension_of(name), "")


def _head(value, size: int = 32) -> bytes | None:
    """The first bytes of a newly uploaded file, or None for a file already stored.

    Stored files were checked when they were uploaded; re-reading them on every save
    would make editing fail when storage is briefly unavailable.
    """
    if getattr(value, "_committed", False):
        return None
    handle = getattr(value, "file", value)
    try:
        handle.seek(0)
        head = handle.read(size)
        handle.seek(0)
    except (AttributeError, OSError, ValueError):
        return None
    if isinstance(head, str):
        head = head.encode("utf-8")
    return head


def validate_video_file(value) -> None:
    extension = extension_of(value.name)
    if extension not in VIDEO_MIME_TYPES:
        raise ValidationError(
            _("Upload an MP4 or WebM video (.mp4 or .webm)."), code="invalid_extension"
        )
    limit = getattr(settings, "ZONEPORTAL_VIDEO_MAX_UPLOAD_SIZE", DEFAULT_MAX_VIDEO_SIZE)
    size = getattr(value, "size", 0) if not getattr(value, "_committed", False) else 0
    if size and size > limit:
        raise ValidationError(
            _("This video is %(size)s; the limit is %(limit)s."),
            code="file_too_large",
            params={"size": filesizeformat(size), "limit": filesizeformat(limit)},
        )
    head = _head(value)
    if head is None:
        return
    is_mp4 = head[4:8] == b"ftyp"
    is_webm = head[:4] == b"\x1a\x45\xdf\xa3"
    if (extension == "mp4" and not is_mp4) or (extension == "webm" and not is_webm):
        raise ValidationError(
            _("This file is not a valid %(format)s video."),
            code="invalid_video",
            params={"format": extension.upper()},
        )


def is_webvtt(head: bytes) -> bool:
    """True if `head` (the first bytes of a file) starts like a WebVTT file."""
    head = head.removeprefix(b"\xef\xbb\xbf")
    return head.startswith(b"WEBVTT") and head[6:7] in (b"", b" ", b"\t", b"\n", b"\r")


def validate_captions_file(value) -> None:
    if extension_of(value.name) != "vtt":
        raise ValidationError(
            _("Captions must be a WebVTT file (.vtt). Convert .srt files to WebVTT first."),
            code="invalid_extension",
        )
    head = _head(value)
    if head is not None and not is_webvtt(head):
        raise ValidationError(
            _('This is not a WebVTT file: its first line must be "WEBVTT".'),
            code="invalid_captions",
        )


# -- durations ---------------------------------------------------------------------


def format_duration(duration: dt.timedelta | None) -> str:
    """A duration as a player shows it: 0:08, 4:05, 1:02:03."""
    if duration is None:
        return ""
    total = max(0, int(duration.total_seconds()))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{seconds:02d}"
    return f"{minutes}:{seconds:02d}"


def iso_duration(duration: dt.timedelta | None) -> str:
    """A duration in ISO 8601, as schema.org and <time datetime> expect: PT1H2M3S."""
    if duration is None:
        return ""
    total = max(0, int(duration.total_seconds()))
    hours, rest = divmod(total, 3600)
    minutes, seconds = divmod(rest, 60)
    text = "PT"
    if hours:
        text += f"{hours}H"
    if minutes:
        text += f"{minutes}M"
    if seconds or text == "PT":
        text += f"{seconds}S"
    return text


# -- captions as text ----------------------------------------------------------------

_TIMING = re.compile(r"^\s*(?:\d+:)?\d{2}:\d{2}\.\d{3}\s+-->\s+")
_TAG = re.compile(r"<[^>]+>")


def caption_lines(text: str) -> list[str]:
    """The cue texts of a WebVTT file, in order, without timings, tags or notes.

    Used for the transcript under the player: for a video without sound the
    captions describe what is shown, so they double as its text alternative.
    """
    lines: list[str] = []
    blocks = re.split(r"\r?\n\s*\r?\n", text.replace("\r\n", "\n").lstrip("\ufeff"))
    for block in blocks:
        rows = block.split("\n")
        timing_at = next((i for i, row in enumerate(rows) if _TIMING.match(row)), None)
        if timing_at is None:
            continue  # header, NOTE, STYLE or REGION block
        cue = " ".join(
            html.unescape(_TAG.sub("", row)).strip() for row in rows[timing_at + 1 :] if row.strip()
        )
        if cue:
            lines.append(cue)
    return lines
