"""Empty every configured cache, e.g. after the database was restored.

Caches hold rows of the database they were filled from: Wagtail's site root paths
(site ids), renditions (image ids), rendered fragments, rate counters. After a restore
or behind a re-created database they describe rows that no longer exist (or other
rows under the same ids), so `manage.py restore` empties them, and
`manage.py clear_caches` does the same by hand.

Redis is emptied key by key under each alias's own KEY_PREFIX (SCAN + DEL), never with
FLUSHDB: the Redis database may hold other things. Unlike normal cache use, a Redis
that cannot be reached here is an error (the fail-open backend would otherwise
report success and leave the stale keys in place).
"""

from __future__ import annotations

from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.locmem import LocMemCache
from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted
from redis.exceptions import RedisError

from .layered_cache import LayeredCache


class CacheNotCleared(Exception):
    """A cache could not be emptied; the message names the alias and the cause."""


def _clear_redis(cache: RedisCache) -> int:
    client = cache.client.get_client(write=True)
    prefix = cache.key_prefix
    # Keys read "<prefix>:<version>:<key>" (django-redis' default key function).
    pattern = f"{_glob_escape(prefix)}:*" if prefix else "*"
    removed = 0
    batch = []
    for key in client.scan_iter(match=pattern, count=1000):
        batch.append(key)
        if len(batch) >= 1000:
            removed += client.delete(*batch)
            batch = []
    if batch:
        removed += client.delete(*batch)
    return removed


def _glob_escape(text: str) -> str:
    return "".join(f"[{char}]" if char in "*?[]" else char for char in text)


def _clear_redis_or_plain(cache) -> int | None:
    if isinstance(cache, RedisCache):
        return _clear_redis(cache)
    cache.clear()
    return None


def clear_all() -> dict[str, int | None]:
    """Empty every alias in CACHES; {alias: keys removed (None: not counted)}."""
    result = {}
    for alias in settings.CACHES:
        cache = caches[alias]
        try:
            if isinstance(cache, RedisCache):
                result[alias] = _clear_redis(cache)
            elif isinstance(cache, LayeredCache):
                # Its own clear() would FLUSHDB the shared Redis; the shared alias is
                # in CACHES and emptied by prefix on its own turn.
                LocMemCache.clear(cache)
                result[alias] = _clear_redis_or_plain(cache.shared)
            else:
                cache.clear()
                result[alias] = None
        except (RedisError, ConnectionInterrupted, OSError) as exc:
            raise CacheNotCleared(f"cache {alias!r}: {type(exc).__name__}: {exc}") from exc
    return result
