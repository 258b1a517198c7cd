"""Production settings: everything secret or host-specific comes from the environment.

Start-up stops with ImproperlyConfigured, naming the variable, when a required one is
missing or unsafe. The reference for every variable is docs/operations.md
("Configuration"); a minimal environment:

    SECRET_KEY=<50+ random characters>
    ALLOWED_HOSTS=invest.example.gov.cn
    DATABASE_URL=postgres://zoneportal:password@127.0.0.1:5432/zoneportal
    REDIS_URL=redis://127.0.0.1:6379/0
    EMAIL_URL=smtp://portal:password@smtp.example.gov.cn:587?tls=1
    MEDIA_ROOT=/srv/zoneportal/media
    STATIC_ROOT=/srv/zoneportal/static
    WAGTAILADMIN_BASE_URL=https://invest.example.gov.cn
"""

import importlib.util
import os
from pathlib import Path
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .env import (
    ImproperlyConfiguredURL,
    cache_config_from_url,
    database_config_from_url,
    email_config_from_url,
    parse_bool,
    parse_list,
)

DOCS = "see docs/operations.md, Configuration"


def _fail(name: str, problem: str):
    raise ImproperlyConfigured(f"{name}: {problem} ({DOCS}).")


def _optional(name: str, default: str = "") -> str:
    return os.environ.get(name, default).strip()


def _required(name: str) -> str:
    value = _optional(name)
    if not value:
        _fail(name, "this environment variable is required in production")
    return value


def _flag(name: str, default: bool) -> bool:
    raw = os.environ.get(name)
    if raw is None:
        return default
    try:
        return parse_bool(raw, name)
    except ImproperlyConfiguredURL as exc:
        _fail(name, str(exc))


def _absolute_path(name: str) -> Path:
    path = Path(_required(name))
    if not path.is_absolute():
        _fail(name, f"must be an absolute path, not {str(path)!r}")
    return path


def _http_url(name: str, value: str) -> str:
    parts = urlsplit(value)
    if parts.scheme not in {"http", "https"} or not parts.netloc:
        _fail(name, f"{value!r} must be a URL starting with http:// or https://")
    return value.rstrip("/")


# -- Debug and secrets ------------------------------------------------------------------
if _flag("DEBUG", False):
    _fail("DEBUG", "must be off in production; unset it (use zoneportal.settings.dev locally)")
DEBUG = False

SECRET_KEY = _required("SECRET_KEY")
if (
    len(SECRET_KEY) < 50
    or len(set(SECRET_KEY)) < 5
    or SECRET_KEY.startswith(("django-insecure", "dev-", "test-"))
):
    _fail(
        "SECRET_KEY",
        "must be a random string of at least 50 characters, e.g. the output of "
        "`python -c 'import secrets; print(secrets.token_urlsafe(64))'`",
    )
# Old keys still accepted for signatures while rotating (comma-separated).
SECRET_KEY_FALLBACKS = parse_list(_optional("SECRET_KEY_FALLBACKS"))

# -- Hosts ------------------------------------------------------------------------------
ALLOWED_HOSTS = parse_list(_required("ALLOWED_HOSTS"))
if any("*" in host for host in ALLOWED_HOSTS):
    _fail("ALLOWED_HOSTS", "must list the site's host names; '*' accepts forged Host headers")
# nginx on this host forwards the visitor's address in X-Real-IP (zoneportal/core/client_ip.py).
# "unix": requests that arrive over gunicorn's unix socket (GUNICORN_BIND=unix:...), which
# only nginx can reach. App servers on TCP (another host): list nginx's address instead,
# and let nothing else reach their port (docs/operations.md, "App servers and sockets").
ZONEPORTAL_TRUSTED_PROXIES = parse_list(_optional("TRUSTED_PROXIES") or "unix")
CSRF_TRUSTED_ORIGINS = [
    _http_url("CSRF_TRUSTED_ORIGINS", origin)
    for origin in parse_list(_optional("CSRF_TRUSTED_ORIGINS"))
]
WAGTAILADMIN_BASE_URL = _http_url("WAGTAILADMIN_BASE_URL", _required("WAGTAILADMIN_BASE_URL"))

# -- PostgreSQL -------------------------------------------------------------------------
try:
    _database = database_config_from_url(_required("DATABASE_URL"))
except ImproperlyConfiguredURL as exc:
    _fail("DATABASE_URL", f"{exc}; use postgres://user:password@host:5432/name")
if _database["ENGINE"] != "django.db.backends.postgresql":
    _fail("DATABASE_URL", "points to SQLite; production needs PostgreSQL (postgres://...)")
if not _database["NAME"]:
    _fail("DATABASE_URL", "names no database (postgres://user:password@host:5432/<name>)")
# Persistent connections with a health check before reuse (set 0 behind PgBouncer
# in transaction mode).
_database["CONN_MAX_AGE"] = int(_optional("DATABASE_CONN_MAX_AGE", "600"))
DATABASES = {"default": _database}

# -- Redis: cache, sessions, rate limits ------------------------------------------------
_redis_url = _required("REDIS_URL")
try:
    CACHES = {
        # Also the store for rate limits and the structure version shared by every
        # app server, so it must be Redis (not per-process memory) in production.
        "default": cache_config_from_url(_redis_url, prefix="zp"),
        "renditions": cache_config_from_url(_redis_url, prefix="zp-renditions"),
        # {% cache %} fragments: a per-process copy in front of Redis (their keys carry
        # the structure version, so a copy is never stale; ops/layered_cache.py).
        "template_fragments": {
            "BACKEND": "zoneportal.ops.layered_cache.LayeredCache",
            "LOCATION": "zoneportal-fragments",
            "OPTIONS": {"SHARED_ALIAS": "default", "MAX_ENTRIES": 500, "LOCAL_TIMEOUT": 300},
        },
    }
except ImproperlyConfiguredURL as exc:
    _fail("REDIS_URL", str(exc))
# Sessions are written to PostgreSQL and read through Redis: sign-ins survive a
# Redis outage or restart (docs/operations.md, "Redis fail-open").
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
SESSION_CACHE_ALIAS = "default"

# -- Email ------------------------------------------------------------------------------
try:
    globals().update(email_config_from_url(_required("EMAIL_URL")))
except ImproperlyConfiguredURL as exc:
    _fail("EMAIL_URL", str(exc))
_first_host = next((h.lstrip(".") for h in ALLOWED_HOSTS if h.strip(".")), "localhost")
DEFAULT_FROM_EMAIL = _optional("DEFAULT_FROM_EMAIL", f"noreply@{_first_host}")
SERVER_EMAIL = _optional("SERVER_EMAIL", DEFAULT_FROM_EMAIL)

# -- Files ------------------------------------------------------------------------------
STATIC_ROOT = _absolute_path("STATIC_ROOT")
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}

# Optional object storage for uploads (S3 API: AWS, MinIO, Ceph, Aliyun OSS ...).
# Needs `pip install "django-storages[s3]"`; credentials come from the standard
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY variables read by boto3.
MEDIA_BUCKET = _optional("MEDIA_BUCKET")
if MEDIA_BUCKET:
    if importlib.util.find_spec("storages") is None:
        _fail("MEDIA_BUCKET", 'object storage needs `pip install "django-storages[s3]"`')
    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "storages.backends.s3.S3Storage",
        "OPTIONS": {
            "bucket_name": MEDIA_BUCKET,
            "endpoint_url": _optional("MEDIA_ENDPOINT_URL") or None,
            "region_name": _optional("MEDIA_REGION") or None,
            "custom_domain": _optional("MEDIA_CUSTOM_DOMAIN") or None,
            "querystring_auth": False,
            "file_overwrite": False,
            "default_acl": None,
        },
    }
    MEDIA_ROOT = Path(_optional("MEDIA_ROOT", str(BASE_DIR / "var" / "media")))  # noqa: F405
else:
    MEDIA_ROOT = _absolute_path("MEDIA_ROOT")

# Documents: Wagtail's view checks the collection's privacy, then nginx sends the file
# from an `internal` location (X-Accel-Redirect, django-sendfile2): /media/documents/ is
# refused by nginx (deploy/nginx). DOCUMENTS_X_ACCEL=false streams them through Python
# instead (no such location in nginx). From a bucket they are always streamed.
if not MEDIA_BUCKET and _flag("DOCUMENTS_X_ACCEL", True):
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT / "documents")
    SENDFILE_URL = "/internal-documents"

# -- Frontend cache purge (nginx page cache) --------------------------------------------
# Comma-separated purge endpoints; each receives `PURGE <path>` with the site's Host.
CACHE_PURGE_URLS = [
    _http_url("CACHE_PURGE_URL", url) for url in parse_list(_optional("CACHE_PURGE_URL"))
]
WAGTAILFRONTENDCACHE = {
    f"cache{index}": {
        "BACKEND": "zoneportal.ops.purge.PurgeBackend",  # Wagtail HTTPBackend + timeout
        "LOCATION": url,
    }
    for index, url in enumerate(CACHE_PURGE_URLS)
}
# Our purge module computes every language's URL itself; Wagtail's rewriting of the
# language prefix would produce /zh-hans/ URLs that do not exist (ours are /zh/).
WAGTAILFRONTENDCACHE_LANGUAGES = []

# -- HTTPS ------------------------------------------------------------------------------
# The proxy in front (nginx) terminates TLS and must set X-Forwarded-Proto itself,
# overwriting anything the client sent.
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# HTTPS=false only for a plain-HTTP test cluster on 127.0.0.1: it turns off the
# redirect, secure cookies and HSTS (and `check --deploy` then says so).
HTTPS = _flag("HTTPS", True)
SECURE_SSL_REDIRECT = _flag("SECURE_SSL_REDIRECT", HTTPS)
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
# The language cookie (set by the language switch) as well; HttpOnly and SameSite=Lax
# come from base.py.
LANGUAGE_COOKIE_SECURE = HTTPS
SECURE_HSTS_SECONDS = int(_optional("SECURE_HSTS_SECONDS", "31536000")) if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = _flag("SECURE_HSTS_INCLUDE_SUBDOMAINS", True)
SECURE_HSTS_PRELOAD = _flag("SECURE_HSTS_PRELOAD", True)

# -- Background tasks: inquiry emails are delivered by `manage.py db_worker`, with
# retries and backoff, from tasks stored in the database (docs/decisions/0010).
TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}
# A one-off bulk command run before any worker exists (the demo load of a new
# installation, deploy/local-cluster) may run its tasks in its own process instead of
# leaving thousands of index updates queued: TASKS_IMMEDIATE=true for that command only.
if _flag("TASKS_IMMEDIATE", False):
    TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}

# -- Logging: everything to stderr (gunicorn and systemd collect it) --------------------
LOG_LEVEL = _optional("LOG_LEVEL", "INFO").upper()
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "plain": {"format": "%(asctime)s %(levelname)s %(process)d %(name)s: %(message)s"},
    },
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["stderr"], "level": "WARNING"},
    "loggers": {
        "django": {"level": "WARNING"},
        "django.request": {"level": "ERROR"},
        "zoneportal": {"level": LOG_LEVEL},
        "wagtail.frontendcache": {"level": "WARNING"},
    },
}
