"""Small helpers that turn environment URLs into Django settings dictionaries.

Kept dependency-free (no dj-database-url) because the two URL shapes we accept are
simple and the validation messages should be ours.
"""

from urllib.parse import parse_qs, unquote, urlsplit


class ImproperlyConfiguredURL(ValueError):
    """Raised when an environment URL cannot be understood."""


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


def cache_config_from_url(url: str, prefix: str) -> dict:
    """Return a CACHES entry for a redis:// URL using django-redis."""
    if urlsplit(url).scheme not in {"redis", "rediss"}:
        raise ImproperlyConfiguredURL("REDIS_URL must start with redis:// or rediss://")
    return {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": url,
        "KEY_PREFIX": prefix,
        "OPTIONS": {"CLIENT_CLASS": "django_redis.client.DefaultClient"},
    }
