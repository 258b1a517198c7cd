"""Small helpers that turn environment URLs into Django settings dictionaries.

Kept dependency-free (no dj-database-url) because the URL shapes we accept are simple
and the validation messages should be ours.
"""

from urllib.parse import parse_qs, unquote, urlsplit


class ImproperlyConfiguredURL(ValueError):
    """Raised when an environment URL cannot be understood."""


TRUE_VALUES = {"1", "true", "yes", "on"}
FALSE_VALUES = {"", "0", "false", "no", "off"}


def parse_bool(value: str, name: str) -> bool:
    """'1/true/yes/on' or '0/false/no/off/(empty)'; anything else is a mistake."""
    lowered = value.strip().lower()
    if lowered in TRUE_VALUES:
        return True
    if lowered in FALSE_VALUES:
        return False
    raise ImproperlyConfiguredURL(f"{name} must be true or false, not {value!r}")


def parse_list(value: str) -> list[str]:
    """A comma-separated list with blanks removed."""
    return [item.strip() for item in value.split(",") if item.strip()]


def database_config_from_url(url: str) -> dict:
    """Return a DATABASES entry for a postgres:// or sqlite:/// URL."""
    parts = urlsplit(url)
    if parts.scheme in {"postgres", "postgresql"}:
        options = {k: v[-1] for k, v in parse_qs(parts.query).items()}
        return {
            "ENGINE": "django.db.backends.postgresql",
            "NAME": unquote(parts.path.lstrip("/")),
            "USER": unquote(parts.username or ""),
            "PASSWORD": unquote(parts.password or ""),
            "HOST": parts.hostname or "",
            "PORT": str(parts.port or ""),
            "CONN_MAX_AGE": 600,
            "CONN_HEALTH_CHECKS": True,
            "OPTIONS": options,
        }
    if parts.scheme == "sqlite":
        return {"ENGINE": "django.db.backends.sqlite3", "NAME": unquote(parts.path) or ":memory:"}
    raise ImproperlyConfiguredURL(f"Unsupported database URL scheme: {parts.scheme!r}")


# A dead or hung Redis must not stall page rendering: connecting gives up after
# 0.25 s, a command after 0.5 s, and FailOpenRedisCache then skips Redis for a few
# seconds (zoneportal/ops/redis_cache.py, docs/operations.md "Redis fail-open").
REDIS_SOCKET_CONNECT_TIMEOUT = 0.25
REDIS_SOCKET_TIMEOUT = 0.5


def cache_config_from_url(url: str, prefix: str, *, fail_open: bool = True) -> dict:
    """Return a CACHES entry for a redis:// URL using django-redis.

    With `fail_open` (the default) connection errors and timeouts are logged and
    treated as cache misses, so pages keep being served while Redis is away.
    """
    if urlsplit(url).scheme not in {"redis", "rediss"}:
        raise ImproperlyConfiguredURL("REDIS_URL must start with redis:// or rediss://")
    options = {
        "CLIENT_CLASS": "django_redis.client.DefaultClient",
        "SOCKET_CONNECT_TIMEOUT": REDIS_SOCKET_CONNECT_TIMEOUT,
        "SOCKET_TIMEOUT": REDIS_SOCKET_TIMEOUT,
    }
    if fail_open:
        options["IGNORE_EXCEPTIONS"] = True
    return {
        "BACKEND": "zoneportal.ops.redis_cache.FailOpenRedisCache"
        if fail_open
        else "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": options,
    }


def email_config_from_url(url: str) -> dict:
    """Email settings from an EMAIL_URL.

    smtp://user:password@host:587?tls=1   STARTTLS
    smtps://user:password@host:465        implicit TLS (also smtp://...?ssl=1)
    console://                            print messages to stderr (no mail server)
    Optional query parameters: timeout=<seconds> (default 10).
    User and password may be percent-encoded.
    """
    parts = urlsplit(url)
    query = {k: v[-1] for k, v in parse_qs(parts.query).items()}
    if parts.scheme == "console":
        return {"EMAIL_BACKEND": "django.core.mail.backends.console.EmailBackend"}
    if parts.scheme not in {"smtp", "smtps"}:
        raise ImproperlyConfiguredURL(
            "EMAIL_URL must start with smtp://, smtps:// or console:// "
            f"(got {parts.scheme or 'no scheme'!r})"
        )
    if not parts.hostname:
        raise ImproperlyConfiguredURL("EMAIL_URL has no host name")
    use_ssl = parts.scheme == "smtps" or parse_bool(query.get("ssl", ""), "EMAIL_URL ssl")
    use_tls = parse_bool(query.get("tls", ""), "EMAIL_URL tls")
    if use_ssl and use_tls:
        raise ImproperlyConfiguredURL("EMAIL_URL cannot ask for both ssl and tls")
    try:
        timeout = int(query.get("timeout", "10"))
    except ValueError as exc:
        raise ImproperlyConfiguredURL("EMAIL_URL timeout must be a whole number") from exc
    return {
        "EMAIL_BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "EMAIL_HOST": parts.hostname,
        "EMAIL_PORT": parts.port or (465 if use_ssl else 587 if use_tls else 25),
        "EMAIL_HOST_USER": unquote(parts.username or ""),
        "EMAIL_HOST_PASSWORD": unquote(parts.password or ""),
        "EMAIL_USE_TLS": use_tls,
        "EMAIL_USE_SSL": use_ssl,
        "EMAIL_TIMEOUT": timeout,
    }
