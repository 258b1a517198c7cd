"""QR codes drawn by the site itself (segno), as inline SVG: no outside service."""

import segno
from django.utils.safestring import mark_safe


def qr_svg(data: str, *, title: str = "") -> str:
    """An inline <svg> of `data`, sized by CSS; `title` names it for screen readers."""
    code = segno.make(data, error="m")
    svg = code.svg_inline(
        scale=4, dark="#000", light="#fff", title=title or None, svgclass="zone-qr", lineclass=None
    )
    return mark_safe(svg)  # noqa: S308 - segno escapes the title; the rest is its own markup
