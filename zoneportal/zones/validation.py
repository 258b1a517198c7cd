"""Checks that keep a zone profile from breaking the site, with localized messages.

Pure functions of the values, so the form, the demo loader and the tests share them.
"""

import re
import zoneinfo

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

# WCAG 2.x AA for normal text.
AA_CONTRAST = 4.5
HEX_COLOUR = re.compile(r"^#[0-9a-fA-F]{6}$")
REFERENCE_PREFIX = re.compile(r"^[A-Z0-9]{2,8}$")

# What each brand token is drawn with in static/css/site.css: links and headings in the
# colour on the page background, white text on buttons and bars of the colour.
PAGE_BACKGROUND = "#ffffff"
TEXT_ON_COLOUR = "#ffffff"


def relative_luminance(colour: str) -> float:
    """WCAG 2.x relative luminance of a #rrggbb colour."""
    channels = []
    for index in (1, 3, 5):
        value = int(colour[index : index + 2], 16) / 255
        channels.append(value / 12.92 if value <= 0.04045 else ((value + 0.055) / 1.055) ** 2.4)
    red, green, blue = channels
    return 0.2126 * red + 0.7152 * green + 0.0722 * blue


def contrast_ratio(first: str, second: str) -> float:
    lighter, darker = sorted((relative_luminance(first), relative_luminance(second)), reverse=True)
    return (lighter + 0.05) / (darker + 0.05)


def validate_hex_colour(value: str) -> None:
    if not HEX_COLOUR.match(value or ""):
        raise ValidationError(
            _("Enter a colour as # and six hexadecimal digits, for example #0b4f8a."),
            code="colour",
        )


def check_brand_colour(value: str) -> None:
    """A brand colour must reach AA contrast as text on the page and behind white text."""
    validate_hex_colour(value)
    for other in {PAGE_BACKGROUND, TEXT_ON_COLOUR}:
        ratio = contrast_ratio(value, other)
        if ratio < AA_CONTRAST:
            raise ValidationError(
                _(
                    "%(colour)s on %(other)s has a contrast of %(ratio).1f:1; text needs at "
                    "least %(minimum).1f:1 (WCAG AA). Choose a darker colour."
                ),
                code="contrast",
                params={
                    "colour": value,
                    "other": other,
                    "ratio": ratio,
                    "minimum": AA_CONTRAST,
                },
            )


def validate_reference_prefix(value: str) -> None:
    if not REFERENCE_PREFIX.match(value or ""):
        raise ValidationError(
            _("Use 2 to 8 capital letters or digits, for example INQ."), code="prefix"
        )


def validate_time_zone(value: str) -> None:
    try:
        zoneinfo.ZoneInfo(value)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        raise ValidationError(
            _("%(value)s is not a known time zone; use a name such as Europe/Berlin."),
            code="time_zone",
            params={"value": value},
        ) from None


def validate_languages(codes) -> None:
    codes = list(codes or [])
    if not codes:
        raise ValidationError(_("Choose at least one language."), code="no_languages")
    known = {code for code, _name in settings.LANGUAGES}
    unknown = [code for code in codes if code not in known]
    if unknown:
        raise ValidationError(
            _("Unknown language: %(codes)s."),
            code="unknown_language",
            params={"codes": ", ".join(unknown)},
        )
