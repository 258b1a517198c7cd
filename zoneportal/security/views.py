"""Public security views: /.well-known/security.txt (RFC 9116)."""

import datetime as dt

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_safe


def _zone_contact(request) -> str:
    """Without ZONEPORTAL_SECURITY_CONTACT: the zone's email, else the server's sender."""
    from zoneportal.zones.profile import zone_profile

    email = zone_profile(request).email or settings.SERVER_EMAIL
    return f"mailto:{email}"


@require_safe
@cache_control(max_age=86400, public=True)
def security_txt(request):
    contact = getattr(settings, "ZONEPORTAL_SECURITY_CONTACT", "") or _zone_contact(request)
    expires = (timezone.now() + dt.timedelta(days=180)).replace(microsecond=0)
    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.astimezone(dt.UTC).strftime('%Y-%m-%dT%H:%M:%SZ')}",
        "Preferred-Languages: en, zh",
        f"Canonical: {base}/.well-known/security.txt",
        f"Policy: {getattr(settings, 'ZONEPORTAL_SECURITY_POLICY_URL', base + '/en/security-policy/')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")
