"""A site-structure version number used in fragment-cache keys.

Menus, footer and sidebar are cached as rendered HTML keyed by this version. Any
change that can alter them (publishing, unpublishing, moving or deleting a page,
saving navigation settings or footer text) bumps the version, so every app server
sharing the cache sees fresh fragments at once, without tracking individual keys.

A request reads the version once (`pinned_structure_version`, entered by
CachedSiteMiddleware): a page uses it in up to a dozen keys, and in production each
read is a round trip to Redis. A bump inside the request unpins it, so the rest of
that request sees the new number.
"""

import time
from contextlib import contextmanager
from contextvars import ContextVar

from django.core.cache import cache

VERSION_KEY = "zoneportal:structure-version"
_pinned: ContextVar[int | None] = ContextVar("zoneportal_structure_version", default=None)


def _now_version() -> int:
    return time.time_ns() // 1_000_000


def _read_version() -> int:
    """The shared version; a new one if the cache has none.

    A new version starts at the current time in milliseconds rather than 1, so that
    after Redis is restarted (it keeps nothing on disk) the numbers never repeat ones
    used before, whose fragments a process may still hold (ops/layered_cache.py).
    While the cache is unreachable every call gets a number of its own: nothing is
    reused from fragments rendered meanwhile.
    """
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, _now_version(), timeout=None)
        version = cache.get(VERSION_KEY)
    return version if version is not None else _now_version()


def structure_version() -> int:
    pinned = _pinned.get()
    return pinned if pinned is not None else _read_version()


@contextmanager
def pinned_structure_version():
    """Read the version once for everything inside (one request)."""
    token = _pinned.set(_read_version())
    try:
        yield
    finally:
        _pinned.reset(token)


def bump_structure_version(**_kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:  # no version yet (or the cache is unreachable)
        cache.set(VERSION_KEY, _now_version(), timeout=None)
    _pinned.set(None)  # the rest of this request reads the new version
