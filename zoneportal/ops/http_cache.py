"""The app's Cache-Control policy, for browsers and the shared page cache (nginx).

One middleware decides, for every response, between three answers:

- public: `public, max-age=ZONEPORTAL_CACHE_MAX_AGE, s-maxage=ZONEPORTAL_CACHE_S_MAXAGE`
  for anonymous GET/HEAD responses with status 200, 301 or 404 (pages, listings).
  Publishing purges the shared copies (zoneportal/ops/purge.py), so s-maxage can be
  long; max-age stays short because browsers cannot be purged. A URL with a query
  (a listing's `?page=2`, `?tag=...`, `?industry=...`) is not purged one by one, so
  its shared copy lives only ZONEPORTAL_CACHE_QUERY_S_MAXAGE (60 s); tracking
  parameters (utm_*, gclid ...) do not count as a query. `Vary: Cookie` is
  dropped (the response did not depend on a cookie, see below), and `Vary:
  Accept-Language` is kept only where the language was not in the URL.
- personal, `private, no-store`: the admin and previews, non-GET requests, requests
  with a session cookie or an Authorization header (editors, signed-in users),
  responses that set a cookie or render a CSRF token (every form), and page types
  listed in ZONEPORTAL_UNCACHED_PAGE_TYPES (the inquiry form page).
- not shared, `private, no-cache`: search results, downloads, other statuses (302,
  403, 429, 5xx ...).

A view that sets its own Cache-Control (feeds, sitemap, robots.txt, the "/" language
redirect) keeps it unless the response is personal.

Image renditions (MEDIA_URL + "images/", served by the app only in development; nginx
does the same in production, see deploy/nginx) are `public, max-age=31536000,
immutable`: Wagtail names each rendition after its image file, focal point and filter,
so changed content gets a new URL and a browser never needs to ask again.
"""

import re

from django.conf import settings
from django.utils.cache import cc_delim_re

NO_STORE = "private, no-store"
NO_CACHE = "private, no-cache"
IMMUTABLE = "public, max-age=31536000, immutable"
PUBLIC_STATUSES = {200, 301, 404}
# Non-prefixed URLs whose content does not depend on Accept-Language.
LANGUAGE_INDEPENDENT_PATHS = {"/sitemap.xml", "/robots.txt"}
NOT_SHARED_PREFIXES = ("/documents/",)  # downloads may be privacy-restricted
NOT_SHARED_URL_NAMES = {"search"}


def _setting(name, default):
    return getattr(settings, name, default)


TRACKING_PARAMETER = re.compile(r"^(utm_[a-z]+|gclid|fbclid|mc_[a-z]+)$")


def has_query(request) -> bool:
    """Whether the URL has parameters that select content (not only tracking ones)."""
    return any(not TRACKING_PARAMETER.match(name) for name in request.GET)


def public_value(request=None) -> str:
    max_age = _setting("ZONEPORTAL_CACHE_MAX_AGE", 60)
    s_maxage = _setting("ZONEPORTAL_CACHE_S_MAXAGE", 3600)
    if request is not None and has_query(request):
        s_maxage = min(s_maxage, _setting("ZONEPORTAL_CACHE_QUERY_S_MAXAGE", 60))
    return f"public, max-age={max_age}, s-maxage={s_maxage}"


def personal_reason(request, response) -> str | None:
    """Why this response must not be stored anywhere, or None."""
    path = request.path_info
    if any(path.startswith(prefix) for prefix in _setting("ZONEPORTAL_PRIVATE_PATHS", ["/admin/"])):
        return "admin"
    if getattr(request, "is_preview", False):
        return "preview"
    if request.method not in ("GET", "HEAD"):
        return "method"
    if settings.SESSION_COOKIE_NAME in request.COOKIES or "HTTP_AUTHORIZATION" in request.META:
        return "session"
    if response.cookies:
        return "sets-cookie"
    if request.META.get("CSRF_COOKIE_NEEDS_UPDATE"):
        return "csrf"
    page = getattr(request, "zoneportal_page", None)
    if page is not None and page._meta.label in _setting(
        "ZONEPORTAL_UNCACHED_PAGE_TYPES", ["inquiries.InquiryPage"]
    ):
        return "page-type"
    return None


def shareable(request, response) -> bool:
    if response.status_code not in PUBLIC_STATUSES:
        return False
    if request.path_info.startswith(NOT_SHARED_PREFIXES):
        return False
    match = getattr(request, "resolver_match", None)
    return not (match and match.url_name in NOT_SHARED_URL_NAMES)


def _drop_vary(response, names: set[str]) -> None:
    if not response.has_header("Vary"):
        return
    kept = [v for v in cc_delim_re.split(response["Vary"]) if v and v.lower() not in names]
    if kept:
        response["Vary"] = ", ".join(kept)
    else:
        del response["Vary"]


def is_rendition(request, response) -> bool:
    """A found image rendition: nothing personal in it, and its URL never changes meaning."""
    prefix = settings.MEDIA_URL.rstrip("/") + "/images/"
    return response.status_code == 200 and request.path_info.startswith(prefix)


def apply_cache_policy(request, response):
    if is_rendition(request, response):
        response["Cache-Control"] = IMMUTABLE
        _drop_vary(response, {"cookie"})
        return response
    if personal_reason(request, response):
        response["Cache-Control"] = NO_STORE
        return response
    existing = response.get("Cache-Control", "")
    if not existing:
        response["Cache-Control"] = (
            public_value(request) if shareable(request, response) else NO_CACHE
        )
    if "public" in existing or response["Cache-Control"].startswith("public"):
        # Nothing personal went into it (no session, no cookie, no CSRF token), so a
        # visitor's cookies must not split the shared cache.
        drop = {"cookie"}
        if request.path_info in LANGUAGE_INDEPENDENT_PATHS:
            drop.add("accept-language")
        _drop_vary(response, drop)
    return response


class CacheControlMiddleware:
    """Sets Cache-Control on every response. Place it outside (above) the session,
    CSRF, locale and auth middleware so that it sees their cookies and Vary headers,
    and below SecurityMiddleware so the HTTP-to-HTTPS redirect is never shared."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return apply_cache_policy(request, self.get_response(request))
