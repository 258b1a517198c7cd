"""The read side of the zone profile: one cached snapshot per Site.

Readers (templates through the `zone` context variable, SEO, feeds, emails, the
inquiry pipeline, calendars) call `zone_profile(request_or_site)` and
`zone_text(zone, language)`; none of them imports the model. The snapshot is a
frozen dataclass built once from the profile row, its texts and its image
renditions, stored in the default cache under the Site's id and deleted when the
profile or one of its texts is saved (signals.py). A warm request thus costs no
query for the profile; the Site itself is the one Wagtail already looked up for
the request.

A Site without a profile gets the installation defaults from settings
(WAGTAIL_SITE_NAME, ZONEPORTAL_INQUIRY_REFERENCE_PREFIX, TIME_ZONE,
ZONEPORTAL_HOLIDAY_CALENDAR, ZONEPORTAL_INQUIRY_SERVICE_LEVELS), which name no zone.
"""

import dataclasses
import hashlib
import zoneinfo
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.utils import translation

CACHE_PREFIX = "zones:profile:v1:"
CACHE_SECONDS = 24 * 3600
MESSENGERS = ("wechat", "line", "kakaotalk", "whatsapp")
MESSENGER_LABELS = {
    "wechat": "WeChat",
    "line": "LINE",
    "kakaotalk": "KakaoTalk",
    "whatsapp": "WhatsApp",
}


@dataclasses.dataclass(frozen=True)
class ZoneText:
    official_name: str
    short_name: str
    alternate_names: tuple = ()
    tagline: str = ""
    street_address: str = ""
    locality: str = ""
    office_hours: str = ""
    time_zone_name: str = ""


@dataclasses.dataclass(frozen=True)
class Messenger:
    kind: str  # one of MESSENGERS
    value: str  # the ID or link as entered
    link: str  # what the QR code encodes, "" when there is no link for an ID

    @property
    def label(self) -> str:
        # Brand names, the same in every language.
        return MESSENGER_LABELS[self.kind]


@dataclasses.dataclass(frozen=True)
class Zone:
    site_id: int | None
    configured: bool
    texts: dict
    languages: tuple
    time_zone: str
    holiday_calendar: str
    reference_prefix: str
    first_reply_working_days: int
    colours: dict = dataclasses.field(default_factory=dict)
    logo_url: str = ""
    favicon_url: str = ""
    latitude: float | None = None
    longitude: float | None = None
    address_region: str = ""
    postal_code: str = ""
    address_country: str = ""
    phone: str = ""
    email: str = ""
    messengers: tuple = ()
    icp_number: str = ""
    icp_url: str = ""
    public_security_number: str = ""
    public_security_url: str = ""
    site_identification_code: str = ""
    copyright_holder: str = ""

    @cached_property
    def version(self) -> str:
        """Changes whenever a visible value changes: CSS URL and fragment cache keys."""
        return hashlib.sha1(repr(self._values()).encode(), usedforsecurity=False).hexdigest()[:10]

    def _values(self):
        return tuple(getattr(self, field.name) for field in dataclasses.fields(self))

    @cached_property
    def tzinfo(self) -> zoneinfo.ZoneInfo:
        return zoneinfo.ZoneInfo(self.time_zone)

    @property
    def text(self) -> ZoneText:
        """The texts in the active language (templates: {{ zone.text.official_name }})."""
        return zone_text(self, translation.get_language())

    @property
    def has_legal_lines(self) -> bool:
        return bool(self.icp_number or self.public_security_number or self.site_identification_code)


def time_zone_label(zone: Zone, language: str | None = None) -> str:
    """How event times are labelled: the zone's name for its time zone, else its IANA name."""
    return zone_text(zone, language or translation.get_language()).time_zone_name or zone.time_zone


def zone_text(zone: Zone, language: str | None) -> ZoneText:
    """The texts in `language`, else in the zone's first language, else any."""
    texts = zone.texts
    for code in (language, *(zone.languages[:1])):
        if code and code in texts:
            return texts[code]
    return next(iter(texts.values()))


def default_zone(site_id=None) -> Zone:
    """The installation defaults, for a Site that has no profile yet."""
    name = getattr(settings, "WAGTAIL_SITE_NAME", "ZonePortal")
    levels = getattr(settings, "ZONEPORTAL_INQUIRY_SERVICE_LEVELS", {})
    return Zone(
        site_id=site_id,
        configured=False,
        texts={settings.LANGUAGE_CODE: ZoneText(official_name=name, short_name=name)},
        languages=tuple(code for code, _name in settings.LANGUAGES),
        time_zone=settings.TIME_ZONE,
        holiday_calendar=getattr(settings, "ZONEPORTAL_HOLIDAY_CALENDAR", "CN"),
        reference_prefix=getattr(settings, "ZONEPORTAL_INQUIRY_REFERENCE_PREFIX", "INQ"),
        first_reply_working_days=int(levels.get("first_answer_within_working_days", 2)),
    )


def _site_for(request_or_site):
    from wagtail.models import Site

    if isinstance(request_or_site, Site):
        return request_or_site
    if request_or_site is not None and hasattr(request_or_site, "META"):
        site = Site.find_for_request(request_or_site)
        if site is not None:
            return site
    return Site.objects.filter(is_default_site=True).first()


def cache_key(site_id) -> str:
    return f"{CACHE_PREFIX}{site_id}"


def zone_profile(request_or_site=None) -> Zone:
    """The zone of a request, a Site, or (None) the default Site."""
    if request_or_site is not None and hasattr(request_or_site, "META"):
        cached = getattr(request_or_site, "_zone_profile", None)
        if cached is not None:
            return cached
    site = _site_for(request_or_site)
    if site is None:
        return default_zone()
    key = cache_key(site.pk)
    zone = cache.get(key)
    if zone is None:
        zone = build_zone(site)
        cache.set(key, zone, CACHE_SECONDS)
    if request_or_site is not None and hasattr(request_or_site, "META"):
        request_or_site._zone_profile = zone
    return zone


def forget(site_id) -> None:
    cache.delete(cache_key(site_id))


def _rendition_url(image, spec) -> str:
    if image is None:
        return ""
    try:
        return image.get_rendition(spec).url
    except Exception:  # a missing or broken file: the default image, not a 500
        return ""


def messenger_link(kind: str, value: str) -> str:
    """What a QR code for this channel encodes: the link as entered, or one built
    from an ID where the service documents such a link (WhatsApp numbers, LINE IDs)."""
    value = value.strip()
    if value.startswith(("https://", "http://", "weixin://")):
        return value
    if kind == "whatsapp":
        digits = "".join(character for character in value if character.isdigit())
        return f"https://wa.me/{digits}" if digits else ""
    if kind == "line":
        return f"https://line.me/R/ti/p/~{value.lstrip('@')}" if value else ""
    return ""


def build_zone(site) -> Zone:
    from .models import ZoneProfile

    profile = (
        ZoneProfile.objects.filter(site=site)
        .select_related("logo", "favicon")
        .prefetch_related("texts")
        .first()
    )
    if profile is None:
        return default_zone(site.pk)
    texts = {
        text.language: ZoneText(
            official_name=text.official_name,
            short_name=text.short_name,
            alternate_names=tuple(
                name.strip() for name in text.alternate_names.split(",") if name.strip()
            ),
            tagline=text.tagline,
            street_address=text.street_address,
            locality=text.locality,
            office_hours=text.office_hours,
            time_zone_name=text.time_zone_name,
        )
        for text in profile.texts.all()
    }
    if not texts:
        texts = default_zone().texts
    messengers = tuple(
        Messenger(
            kind=kind,
            value=getattr(profile, kind),
            link=messenger_link(kind, getattr(profile, kind)),
        )
        for kind in MESSENGERS
        if getattr(profile, kind).strip()
    )
    languages = tuple(profile.languages or ()) or tuple(texts)
    return Zone(
        site_id=site.pk,
        configured=True,
        texts=texts,
        languages=languages,
        time_zone=profile.time_zone,
        holiday_calendar=profile.holiday_calendar,
        reference_prefix=profile.reference_prefix,
        first_reply_working_days=profile.first_reply_working_days,
        colours={
            "primary": profile.colour_primary,
            "primary_dark": profile.colour_primary_dark,
            "accent": profile.colour_accent,
        },
        logo_url=_rendition_url(profile.logo, "fill-88x88|format-png"),
        favicon_url=_rendition_url(profile.favicon, "fill-64x64|format-png"),
        latitude=float(profile.latitude) if profile.latitude is not None else None,
        longitude=float(profile.longitude) if profile.longitude is not None else None,
        address_region=profile.address_region,
        postal_code=profile.postal_code,
        address_country=profile.address_country.upper(),
        phone=profile.phone,
        email=profile.email,
        messengers=messengers,
        icp_number=profile.icp_number,
        icp_url=profile.icp_url,
        public_security_number=profile.public_security_number,
        public_security_url=profile.public_security_url,
        site_identification_code=profile.site_identification_code,
        copyright_holder=profile.copyright_holder,
    )


def zone_words() -> set[str]:
    """Words of every zone's names (official, short, other), casefolded, 3+ letters:
    what a password must not be built on (security/password_validation.py)."""
    import re

    from .models import ZoneProfileText

    words = set()
    rows = ZoneProfileText.objects.values_list("official_name", "short_name", "alternate_names")
    for row in rows:
        for value in row:
            words.update(word for word in re.split(r"[\s,·]+", value.casefold()) if len(word) >= 3)
    return words
