"""Rendered fragments kept in each process in front of the shared cache.

Django's `{% cache %}` tag uses the `template_fragments` alias when it exists. Every
fragment key in ZonePortal's templates carries the site structure version (and an
article's render version), so a stored fragment never changes under its key: a new
version means new keys. That makes a small per-process copy safe, and it saves a
round trip to Redis per fragment (five on an article page).

`LayeredCache` looks in its own local memory first, then in the shared alias
(OPTIONS["SHARED_ALIAS"], default "default") and keeps what it found locally for at
most LOCAL_TIMEOUT seconds (default 300). Writes go to both. Only for keys that are
immutable in this sense: not for counters, locks or anything deleted to invalidate.
"""

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache

_MISSING = object()


class LayeredCache(LocMemCache):
    def __init__(self, name, params):
        options = dict(params.get("OPTIONS", {}))
        self.shared_alias = options.pop("SHARED_ALIAS", "default")
        self.local_timeout = options.pop("LOCAL_TIMEOUT", 300)
        super().__init__(name, {**params, "OPTIONS": options})

    @property
    def shared(self):
        return caches[self.shared_alias]

    def _local_timeout(self, timeout):
        if timeout is DEFAULT_TIMEOUT or timeout is None:
            return self.local_timeout
        return min(timeout, self.local_timeout)

    def get(self, key, default=None, version=None):
        value = super().get(key, _MISSING, version)
        if value is not _MISSING:
            return value
        value = self.shared.get(key, _MISSING, version)
        if value is _MISSING:
            return default
        super().set(key, value, self.local_timeout, version)
        return value

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        self.shared.set(key, value, timeout, version)
        super().set(key, value, self._local_timeout(timeout), version)

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        added = self.shared.add(key, value, timeout, version)
        if added:
            super().set(key, value, self._local_timeout(timeout), version)
        return added

    def delete(self, key, version=None):
        super().delete(key, version)
        return self.shared.delete(key, version)

    def clear(self):
        super().clear()
        self.shared.clear()
