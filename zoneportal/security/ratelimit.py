"""Per-IP rate limit on the public search, counted in the shared cache.

`SearchRateLimitMiddleware.process_view` runs before the search view (identified by
its URL name, so the search app needs no change) and answers with a localized 429
page once an address has sent more than ZONEPORTAL_SEARCH_RATE (default 30) searches
in ZONEPORTAL_SEARCH_RATE_SECONDS (default 60). Counters live in fixed windows keyed
by address and window number, so they expire by themselves.
"""

import time

from django.conf import settings
from django.core.cache import cache
from django.template.response import TemplateResponse

from .lockout import client_ip

RATE_LIMITED_URL_NAMES = {"search"}


def _limits(name: str) -> tuple[int, int]:
    if name == "search":
        return (
            getattr(settings, "ZONEPORTAL_SEARCH_RATE", 30),
            getattr(settings, "ZONEPORTAL_SEARCH_RATE_SECONDS", 60),
        )
    raise KeyError(name)


def hit(bucket: str, identity: str, limit: int, seconds: int, now: float | None = None) -> bool:
    """Count one request; False once `identity` has exceeded `limit` in this window."""
    window = int((time.time() if now is None else now) // seconds)
    key = f"zp:rate:{bucket}:{identity}:{window}"
    cache.add(key, 0, timeout=seconds + 1)
    try:
        count = cache.incr(key)
    except ValueError:
        cache.set(key, 1, timeout=seconds + 1)
        count = 1
    # None: the cache is down (FailOpenRedisCache); nothing is counted, fail open.
    return count is None or count <= limit


def too_many_requests(request, retry_after: int):
    response = TemplateResponse(
        request, "security/429.html", {"retry_after": retry_after}, status=429
    )
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


class SearchRateLimitMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        name = match.url_name if match is not None else None
        if name not in RATE_LIMITED_URL_NAMES:
            return None
        limit, seconds = _limits(name)
        if hit(name, client_ip(request), limit, seconds):
            return None
        return too_many_requests(request, seconds)
