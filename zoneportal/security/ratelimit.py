"""The one rate counter of the portal, and the limits on public views that use it.

Every limit (sign-in lockout, page passwords, search, the inquiry form) counts here,
in the shared cache (Redis in production, so all app servers share the counters);
decision docs/decisions/0012-one-rate-counter.md says why it is not django-ratelimit.

A `Limit` names a bucket, a budget and a window. `Limit.hit(identity)` adds one
atomically (`cache.add` starts the window, `cache.incr` adds one; both atomic on
Redis and in local memory) and returns the count; `reached` reads it without
counting; `give_back` and `clear` undo. Identities (addresses, email addresses,
user names) appear in cache keys only as keyed hashes.

What a limit does while the shared cache is down is chosen per limit, on purpose
(`when_cache_down`):

- OPEN: nothing is counted and nothing is refused. For the public search and the
  inquiry form: turning investors away because a cache is down would be worse than
  a few extra searches or spam posts (the form's other spam checks still apply).
- LOCAL: counted in this process's memory instead. For guessing defences (sign-in,
  page passwords): they must not silently stop. The budget is then per process
  (at most processes x limit), still bounded; locks taken locally are honoured even
  after the shared cache is back, until they expire.

Either way the first counter that meets the outage logs one WARNING for that limit
(logger zoneportal.security.ratelimit), and one more when the shared cache counts
again; /readyz reports the cache outage itself (zoneportal.ops.health).
"""

import contextlib
import hashlib
import hmac
import logging
import threading
import time
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.core.cache.backends.locmem import LocMemCache
from django.template.response import TemplateResponse

from zoneportal.core.client_ip import client_ip

logger = logging.getLogger(__name__)

OPEN = "open"
LOCAL = "local"

try:  # errors of a django-redis cache that does not ignore them (fail_open=False)
    from redis.exceptions import RedisError

    CACHE_ERRORS: tuple[type[BaseException], ...] = (OSError, RedisError)
except ImportError:  # pragma: no cover - redis comes with django-redis
    CACHE_ERRORS = (OSError,)

# Counters of LOCAL limits while the shared cache is down: per process, thread-safe.
_local = LocMemCache("zoneportal-ratelimit-fallback", {"OPTIONS": {"MAX_ENTRIES": 20_000}})
_degraded: set[str] = set()  # limits that are counting without the shared cache
_degraded_lock = threading.Lock()


@dataclass(frozen=True)
class Limit:
    """`limit` hits per `seconds` for each identity in bucket `name`.

    fixed_windows: counters per clock-aligned window (they expire by themselves);
        otherwise the window starts at the first hit.
    hold: reaching the limit keeps it reached for a full `seconds` from then (a
        lockout), however late in its window the last hit came.
    """

    name: str
    limit: int
    seconds: int
    when_cache_down: str = OPEN
    fixed_windows: bool = False
    hold: bool = False

    def key(self, identity: str, now: float | None = None) -> str:
        secret = settings.SECRET_KEY.encode()
        digest = hmac.new(secret, f"{self.name}:{identity}".encode(), hashlib.sha256)
        key = f"zp:rate:{self.name}:{digest.hexdigest()[:32]}"
        if self.fixed_windows:
            key += f":{int((time.time() if now is None else now) // self.seconds)}"
        return key

    def hit(self, identity: str, now: float | None = None) -> int | None:
        """Count one; the count now, or None when nothing can be counted (OPEN, cache down)."""
        key = self.key(identity, now)
        count = _add_one(cache, key, self.seconds)
        store = cache
        if count is None:
            self._cache_down()
            if self.when_cache_down != LOCAL:
                return None
            store = _local
            count = _add_one(_local, key, self.seconds)
        else:
            self._cache_back()
        if self.hold and count == self.limit:
            with contextlib.suppress(*CACHE_ERRORS):
                store.touch(key, self.seconds)
        return count

    def over(self, identity: str, now: float | None = None) -> bool:
        """Count one; True when this hit is beyond the limit (never when OPEN and down)."""
        count = self.hit(identity, now)
        return count is not None and count > self.limit

    def reached(self, identity: str) -> bool:
        """Whether the limit is used up, without counting."""
        key = self.key(identity)
        try:
            shared = cache.get(key)
        except CACHE_ERRORS:
            shared = None
        if shared is None and not _available(cache):
            self._cache_down()
        local = _local.get(key) if self.when_cache_down == LOCAL else None
        return max(shared or 0, local or 0) >= self.limit

    def give_back(self, identity: str) -> None:
        """Undo one hit (a submission that was refused or not stored)."""
        key = self.key(identity)
        for store in (cache, _local):
            with contextlib.suppress(ValueError, *CACHE_ERRORS):  # ended, or cache down
                store.decr(key)

    def clear(self, identity: str) -> None:
        key = self.key(identity)
        for store in (cache, _local):
            with contextlib.suppress(*CACHE_ERRORS):
                store.delete(key)

    def _cache_down(self) -> None:
        with _degraded_lock:
            if self.name in _degraded:
                return
            _degraded.add(self.name)
        if self.when_cache_down == LOCAL:
            logger.warning(
                "Shared cache unavailable: the %s limit counts in this process only "
                "(%d per %d s per process) until it is back",
                self.name,
                self.limit,
                self.seconds,
            )
        else:
            logger.warning(
                "Shared cache unavailable: the %s limit is not counted (fails open) "
                "until it is back",
                self.name,
            )

    def _cache_back(self) -> None:
        if self.name not in _degraded:
            return
        with _degraded_lock:
            if self.name not in _degraded:
                return
            _degraded.discard(self.name)
        logger.warning("Shared cache counts the %s limit again", self.name)


def _available(store) -> bool:
    """False while a FailOpenRedisCache skips Redis (zoneportal.ops.redis_cache)."""
    return getattr(store, "is_available", True)


def _add_one(store, key: str, seconds: int) -> int | None:
    """The counter after adding one, or None when `store` cannot count."""
    for _attempt in range(2):
        try:
            if store.add(key, 1, seconds):
                return 1
            count = store.incr(key)
        except ValueError:  # expired between add and incr: start the new window
            continue
        except CACHE_ERRORS:
            return None
        return count  # None from FailOpenRedisCache while Redis is away
    return None


def reset_local_counters() -> None:
    """Forget the per-process fallback counters (tests; `lockout.reset` clears keys)."""
    _local.clear()
    with _degraded_lock:
        _degraded.clear()


# -- limits on public views --------------------------------------------------------------

SEARCH = "search"
PAGE_PASSWORD = "wagtailcore_authenticate_with_password"  # noqa: S105 - a URL name
RATE_LIMITED_URL_NAMES = {SEARCH, PAGE_PASSWORD}


def search_limit() -> Limit:
    return Limit(
        "search",
        getattr(settings, "ZONEPORTAL_SEARCH_RATE", 30),
        getattr(settings, "ZONEPORTAL_SEARCH_RATE_SECONDS", 60),
        when_cache_down=OPEN,
        fixed_windows=True,
    )


def hit(bucket: str, identity: str, limit: int, seconds: int, now: float | None = None) -> bool:
    """Count one request in clock-aligned windows; False once `identity` is over `limit`."""
    window = Limit(bucket, limit, seconds, when_cache_down=OPEN, fixed_windows=True)
    return not window.over(identity, now)


def page_password_limits(request, restriction_id) -> list[tuple[Limit, str]]:
    """Wrong page passwords, per address and protected page, and per page overall.

    Counted per PageViewRestriction (the password being guessed), not per page id:
    any page id under the restriction reaches the same form.
    """
    seconds = getattr(settings, "ZONEPORTAL_PAGE_PASSWORD_SECONDS", 15 * 60)
    pair = getattr(settings, "ZONEPORTAL_PAGE_PASSWORD_FAILURES", 10)
    per_page = getattr(settings, "ZONEPORTAL_PAGE_PASSWORD_PAGE_FAILURES", 100)
    return [
        (
            Limit("page-password", pair, seconds, when_cache_down=LOCAL, hold=True),
            f"{restriction_id}:{client_ip(request)}",
        ),
        (
            Limit("page-password-all", per_page, seconds, when_cache_down=LOCAL, hold=True),
            str(restriction_id),
        ),
    ]


def second_factor_limit() -> Limit:
    """Wrong two-step codes per user across sessions and sign-ins.

    The five-per-session limit alone lets someone who knows the password sign in
    again and go on guessing; this budget holds whatever session the guesses use.
    """
    return Limit(
        "two-factor",
        getattr(settings, "ZONEPORTAL_TWO_FACTOR_FAILURES", 10),
        getattr(settings, "ZONEPORTAL_TWO_FACTOR_SECONDS", 15 * 60),
        when_cache_down=LOCAL,
        hold=True,
    )


def too_many_requests(request, retry_after: int, reason: str = SEARCH):
    context = {"retry_after": retry_after, "retry_minutes": max(1, round(retry_after / 60))}
    context["reason"] = reason
    response = TemplateResponse(request, "security/429.html", context, status=429)
    response["Retry-After"] = str(retry_after)
    response["Cache-Control"] = "no-store"
    return response


def _passed(request, restriction_id: int) -> bool:
    from wagtail.models import PageViewRestriction

    session = getattr(request, "session", None)
    if session is None:
        return False
    return restriction_id in session.get(
        PageViewRestriction.passed_view_restrictions_session_key, []
    )


class RateLimitMiddleware:
    """Limits on views identified by URL name, so their apps need no change.

    - search: ZONEPORTAL_SEARCH_RATE searches per address per window, then 429.
    - Wagtail's page password form: each POST that does not pass the restriction
      counts as a wrong password (page_password_limits); once a limit is reached every
      attempt, the right password included, gets the 429 page until it expires. The
      right password clears the address's counter for that page.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        restriction_id = getattr(request, "zoneportal_password_restriction", None)
        if restriction_id is not None and request.method == "POST":
            limits = page_password_limits(request, restriction_id)
            if _passed(request, restriction_id):
                limits[0][0].clear(limits[0][1])
            else:
                for limit, identity in limits:
                    limit.hit(identity)
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = getattr(request, "resolver_match", None)
        name = match.url_name if match is not None else None
        if name == SEARCH:
            limit = search_limit()
            if limit.over(client_ip(request)):
                return too_many_requests(request, limit.seconds)
        elif name == PAGE_PASSWORD:
            restriction_id = view_kwargs.get("page_view_restriction_id")
            limits = page_password_limits(request, restriction_id)
            if any(limit.reached(identity) for limit, identity in limits):
                return too_many_requests(request, limits[0][0].seconds, reason=PAGE_PASSWORD)
            request.zoneportal_password_restriction = restriction_id
        return None
