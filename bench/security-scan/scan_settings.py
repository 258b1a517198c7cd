"""Settings for the security scan (bench/security-scan/run.sh): the demo as production serves it.

zoneportal.settings.production needs PostgreSQL, Redis and HTTPS; the scan runs the demo on
a throwaway SQLite file instead, so it starts from the development settings and turns
into production what a scanner can see: DEBUG off (no technical 404/500 pages), hashed
static files (ManifestStaticFilesStorage) and production's logging, so that every
unhandled exception leaves a traceback in the server log that run.sh greps. TLS-only
settings (HSTS, Secure cookies, the HTTPS redirect) stay off, as production's
HTTPS=false does for a plain-HTTP test cluster.
"""

import importlib.util

from zoneportal.settings.dev import *  # noqa: F403

DEBUG = False
ZONEPORTAL_TECHNICAL_404 = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
# As zoneportal.settings.production: everything to stderr (gunicorn's error log).
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
        "zoneportal": {"level": "INFO"},
    },
}
# The scanners send hundreds of payloads from one address: with the public limits (30
# searches a minute, 20 messages an hour) almost every payload would be answered 429
# and never reach the code under test. The limits themselves are tested in tests/.
ZONEPORTAL_SEARCH_RATE = 100_000
ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = 100_000
ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 100_000

# Documents as production sends them (settings/production.py): Wagtail's view checks the
# collection, then nginx sends the file from its `internal` location (X-Accel-Redirect),
# when the checkout's nginx config has that location (nginx_conf.py copies it).
if importlib.util.find_spec("django_sendfile") and "/internal-documents/" in (
    BASE_DIR / "deploy" / "nginx" / "zoneportal.conf"  # noqa: F405
).read_text(encoding="utf-8"):
    SENDFILE_BACKEND = "django_sendfile.backends.nginx"
    SENDFILE_ROOT = str(MEDIA_ROOT / "documents")  # noqa: F405
    SENDFILE_URL = "/internal-documents"
