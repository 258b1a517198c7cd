"""Security response headers: CSP (strict on the public site, looser in /admin/) and friends.

Django's SecurityMiddleware already sends X-Content-Type-Options, Referrer-Policy,
Cross-Origin-Opener-Policy and (in production) Strict-Transport-Security from
settings; XFrameOptionsMiddleware sends X-Frame-Options. This middleware adds the
rest and, as a backstop, any of those that a response lacks. A header a view set
itself (Wagtail's document and image serve views send `default-src 'none'`) is kept.
"""

import functools
import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import storages
from django.core.signals import setting_changed
from django.dispatch import receiver

logger = logging.getLogger(__name__)

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "font-src": ["'self'"],
    "media-src": ["'self'"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
"""The public site: no inline script or style, nothing from another host.

JSON-LD `<script type="application/ld+json">` blocks are data blocks: browsers do not
execute them, so `script-src` does not apply (see docs/security.md)."""

ADMIN_POLICY = {
    "default-src": ["'self'"],
    # Wagtail 8's admin templates still contain inline <script> (panels, date
    # widgets) and style="" attributes; everything else is same-origin.
    "script-src": ["'self'", "'unsafe-inline'"],
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "font-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "connect-src": ["'self'"],
    "frame-src": ["'self'"],
    "worker-src": ["'self'", "blob:"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    # The page editor shows its live preview in a same-origin iframe.
    "frame-ancestors": ["'self'"],
}

PERMISSIONS_POLICY = (
    "accelerometer=(), autoplay=(), camera=(), display-capture=(), encrypted-media=(), "
    "fullscreen=(self), geolocation=(), gyroscope=(), hid=(), identity-credentials-get=(), "
    "idle-detection=(), interest-cohort=(), magnetometer=(), microphone=(), midi=(), "
    "payment=(), picture-in-picture=(self), publickey-credentials-get=(), "
    "screen-wake-lock=(), serial=(), usb=(), xr-spatial-tracking=()"
)


def _admin_prefix() -> str:
    return getattr(settings, "ZONEPORTAL_ADMIN_PATH_PREFIX", "/admin/")


@functools.cache
def upload_origin() -> str | None:
    """The origin uploads are served from, when it is not the site's own.

    With uploads in a bucket (MEDIA_BUCKET) served from the provider's endpoint or a
    domain of their own, pages' <img>, <video> and <track> point there, and the CSP
    must allow exactly that origin. Asked of the storage itself (building a URL needs
    no network), so the policy follows whatever STORAGES says. None for local storage,
    whose URLs are relative (/media/...).
    """
    try:
        url = storages["default"].url("zoneportal-csp-probe")
    except Exception:  # a broken storage must not take every page's headers with it
        logger.exception("Cannot build an upload URL; the CSP allows uploads from 'self' only")
        return None
    parts = urlsplit(url)
    if parts.scheme in ("http", "https") and parts.netloc:
        return f"{parts.scheme}://{parts.netloc}"
    return None


@receiver(setting_changed)
def _forget_upload_origin(setting, **kwargs):
    if setting in ("STORAGES", "MEDIA_URL"):
        upload_origin.cache_clear()


def build_policy(policy: dict[str, list[str]], extra_frame_hosts=(), upload_source=None) -> str:
    directives = {name: list(values) for name, values in policy.items()}
    for host in extra_frame_hosts:
        directives["frame-src"].append(f"https://{host}")
    if upload_source:
        for name in ("img-src", "media-src"):
            directives[name].append(upload_source)
    return "; ".join(f"{name} {' '.join(values)}" for name, values in directives.items())


def content_security_policy(path: str) -> str:
    if path.startswith(_admin_prefix()):
        return build_policy(ADMIN_POLICY, upload_source=upload_origin())
    # Operators who allow an external video player (ZONEPORTAL_VIDEO_EMBED_HOSTS)
    # get exactly those hosts in frame-src, nothing else.
    hosts = getattr(settings, "ZONEPORTAL_VIDEO_EMBED_HOSTS", ())
    return build_policy(PUBLIC_POLICY, extra_frame_hosts=hosts, upload_source=upload_origin())


class SecurityHeadersMiddleware:
    """Add CSP, Permissions-Policy, CORP and the other security headers to every response."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        headers = {
            "Content-Security-Policy": content_security_policy(request.path),
            "Permissions-Policy": PERMISSIONS_POLICY,
            "Cross-Origin-Opener-Policy": "same-origin",
            "Cross-Origin-Resource-Policy": "same-origin",
            "X-Content-Type-Options": "nosniff",
            "Referrer-Policy": "strict-origin-when-cross-origin",
            "X-Frame-Options": "DENY",
        }
        for name, value in headers.items():
            if name not in response:
                response[name] = value
        return response
