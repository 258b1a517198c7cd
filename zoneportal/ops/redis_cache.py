"""A django-redis cache that keeps the site serving while Redis is away.

django-redis with IGNORE_EXCEPTIONS turns connection errors and timeouts into cache
misses. On its own it would still try Redis on every cache call (a page makes several)
and, with a hung or unreachable server, wait for the socket timeout each time; and it
would log every single error. This backend adds a small circuit breaker:

- the first error of an outage is logged once (WARNING), then Redis is skipped for
  `retry_after` seconds: cache reads miss, writes are dropped, pages render from
  PostgreSQL;
- after that one call tries Redis again; if it fails the pause starts over (a
  reminder is logged at most every `remind_every` seconds), and if it succeeds the
  recovery is logged and Redis is used as before.

State is per process (each gunicorn worker finds out on its own).
"""

import logging
import sys
import threading
import time
from urllib.parse import urlsplit

from django_redis.cache import RedisCache
from django_redis.exceptions import ConnectionInterrupted

logger = logging.getLogger("zoneportal.ops.redis")


class RedisSkipped(ConnectionInterrupted):
    """Raised instead of contacting Redis while the breaker is open."""

    def __init__(self):
        super().__init__(connection=None)


class _FailureHook:
    """Takes the place of django-redis's logger, which it calls from inside the
    `except` block of every ignored error: the error is in sys.exc_info()."""

    def __init__(self, cache: "FailOpenRedisCache"):
        self.cache = cache

    def exception(self, *_args, **_kwargs):
        self.cache._record_failure(sys.exc_info()[1])


def _describe(server) -> str:
    """LOCATION without credentials, for log messages."""
    locations = server if isinstance(server, list | tuple) else str(server).split(",")
    described = []
    for location in locations:
        parts = urlsplit(location.strip())
        host = parts.hostname or parts.path or "?"
        port = f":{parts.port}" if parts.port else ""
        described.append(f"{parts.scheme}://{host}{port}{parts.path if parts.hostname else ''}")
    return ", ".join(described)


class FailOpenRedisCache(RedisCache):
    retry_after = 5.0  # seconds without trying Redis after an error
    remind_every = 60.0  # seconds between "still unavailable" log lines

    def __init__(self, server, params):
        super().__init__(server, params)
        self._ignore_exceptions = True
        self._log_ignored_exceptions = True
        self.logger = _FailureHook(self)
        self._where = _describe(server)
        self._lock = threading.Lock()
        self._down_since = None  # monotonic time of the first error of this outage
        self._skip_until = 0.0
        self._errors = 0
        self._skipped = 0
        self._last_log = 0.0
        self._probe_errors = None  # error count when the last probe was let through

    @property
    def is_available(self) -> bool:
        """False while the breaker is open (Redis is being skipped)."""
        return self._down_since is None

    @property
    def client(self):
        if self._down_since is not None:
            with self._lock:
                if self._down_since is not None:
                    now = time.monotonic()
                    if now < self._skip_until:
                        self._skipped += 1
                        raise RedisSkipped()
                    if self._probe_errors is not None and self._probe_errors == self._errors:
                        # The previous probe went through without an error.
                        self._recovered(now)
                    else:
                        self._probe_errors = self._errors
        return super().client

    def close(self, **kwargs):
        # Django closes caches after every request; that touches no socket, so it
        # must not count as a successful probe while Redis is being skipped.
        if self._down_since is not None:
            return None
        return super().close(**kwargs)

    def _record_failure(self, error) -> None:
        if isinstance(error, RedisSkipped):
            return
        cause = error.__cause__ if isinstance(error, ConnectionInterrupted) else error
        now = time.monotonic()
        with self._lock:
            self._errors += 1
            self._skip_until = now + self.retry_after
            if self._down_since is None:
                self._down_since = now
                self._last_log = now
                self._skipped = 0
                logger.warning(
                    "Redis cache at %s is unavailable (%s: %s); serving without it and "
                    "retrying every %g s",
                    self._where,
                    type(cause).__name__,
                    cause,
                    self.retry_after,
                )
            elif now - self._last_log >= self.remind_every:
                self._last_log = now
                logger.warning(
                    "Redis cache at %s still unavailable after %.0f s (%s)",
                    self._where,
                    now - self._down_since,
                    type(cause).__name__,
                )

    def _recovered(self, now: float) -> None:
        logger.warning(
            "Redis cache at %s is reachable again after %.1f s (%d errors, %d calls skipped)",
            self._where,
            now - self._down_since,
            self._errors,
            self._skipped,
        )
        self._down_since = None
        self._probe_errors = None
        self._errors = 0
        self._skipped = 0
