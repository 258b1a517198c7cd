"""Structured data (schema.org JSON-LD) shared by several page types."""

import html
import re

from django.conf import settings
from django.utils.html import strip_tags

# Where one block of rich text ends and the next starts: strip_tags alone would glue
# "<p>a</p><p>b</p>" into "ab".
_BLOCK_BOUNDARY = re.compile(
    r"<br\s*/?>|</?(?:p|div|li|ul|ol|h[1-6]|blockquote|figure|figcaption|tr|td|th|table)\b[^>]*>",
    re.IGNORECASE,
)


def plain_text(rich_text: str) -> str:
    """Rich text as one line of plain text, with a space wherever a block ended."""
    text = html.unescape(strip_tags(_BLOCK_BOUNDARY.sub(" ", rich_text or "")))
    return " ".join(text.split())


def site_root_url(request) -> str:
    """Scheme, host and port of the request's Wagtail Site, e.g. https://invest.example.org.

    This is the configured Site (Settings > Sites), never the Host header: a page
    reached as 127.0.0.1:8000 or through a proxy still names the public address, and
    a forged `Host: <site>:65535` cannot end up in a page that nginx caches without
    the port (issue 13). With no Site for the request at all (no default Site), the
    configured WAGTAILADMIN_BASE_URL, still not the request.
    """
    from wagtail.models import Site

    site = Site.find_for_request(request) if request is not None else None
    if site is None:
        site = Site.objects.filter(is_default_site=True).first()
    if site is not None:
        return site.root_url
    return (getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "http://localhost").rstrip("/")


def absolute(request, url: str) -> str:
    """`url` made absolute on the Site's root URL: the one base for canonical links,
    og:url, hreflang alternates, JSON-LD and robots.txt (the sitemap's <loc> come from
    Wagtail's Page.get_full_url, which is the same Site.root_url + path)."""
    if request is None or url.startswith(("http://", "https://")):
        return url
    return site_root_url(request) + "/" + url.lstrip("/")


def organization_json_ld(home, request) -> dict:
    """The zone as a GovernmentOrganization, from its zone profile in the page's language."""
    from zoneportal.zones.profile import zone_profile

    zone = zone_profile(request)
    text = zone.text
    data = {
        "@context": "https://schema.org",
        "@type": "GovernmentOrganization",
        "name": text.official_name,
        "url": absolute(request, home.get_url(request) or "/"),
    }
    names = [
        name for name in (text.short_name, *text.alternate_names) if name != text.official_name
    ]
    if names:
        data["alternateName"] = list(dict.fromkeys(names))
    address = postal_address(
        street=text.street_address,
        locality=text.locality,
        region=zone.address_region,
        postal_code=zone.postal_code,
        country=zone.address_country,
    )
    if address:
        data["address"] = address
    if zone.latitude is not None and zone.longitude is not None:
        data["geo"] = {
            "@type": "GeoCoordinates",
            "latitude": zone.latitude,
            "longitude": zone.longitude,
        }
    if zone.email:
        data["email"] = zone.email
    if zone.phone:
        data["telephone"] = zone.phone
    if zone.logo_url:
        data["logo"] = absolute(request, zone.logo_url)
    return data


def postal_address(*, street="", locality="", region="", postal_code="", country=""):
    """A schema.org PostalAddress with the parts that are filled in, or None if none is."""
    parts = {
        "streetAddress": " ".join(street.split()),
        "addressLocality": locality.strip(),
        "addressRegion": region.strip(),
        "postalCode": postal_code.strip(),
        "addressCountry": country.strip().upper(),
    }
    parts = {key: value for key, value in parts.items() if value}
    return {"@type": "PostalAddress", **parts} if parts else None


def breadcrumb_json_ld(pages, request) -> dict:
    return {
        "@context": "https://schema.org",
        "@type": "BreadcrumbList",
        "itemListElement": [
            {
                "@type": "ListItem",
                "position": position,
                "name": page.title,
                "item": absolute(request, page.get_url(request) or ""),
            }
            for position, page in enumerate(pages, start=1)
        ],
    }
