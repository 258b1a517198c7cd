"""Settings for pytest.

Defaults to an in-memory SQLite database. Setting DATABASE_URL (postgres://...) and
REDIS_URL runs the same suite against PostgreSQL and Redis, as `.ci/run` does.
"""

import os
from pathlib import Path

from .base import *  # noqa: F403
from .env import cache_config_from_url, database_config_from_url

DEBUG = False
SECRET_KEY = "test-only-key"  # noqa: S105
ALLOWED_HOSTS = ["testserver", "127.0.0.1", "localhost"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = Path(os.environ.get("TEST_MEDIA_ROOT", BASE_DIR / "var" / "test-media"))
WAGTAILADMIN_BASE_URL = "http://testserver"

if os.environ.get("DATABASE_URL"):
    DATABASES = {"default": database_config_from_url(os.environ["DATABASE_URL"])}
else:
    DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": ":memory:"}}

if os.environ.get("REDIS_URL"):
    CACHES = {
        "default": cache_config_from_url(os.environ["REDIS_URL"], prefix="zp-test-default"),
        "renditions": cache_config_from_url(os.environ["REDIS_URL"], prefix="zp-test-renditions"),
        "template_fragments": {  # as in production
            "BACKEND": "zoneportal.ops.layered_cache.LayeredCache",
            "LOCATION": "zoneportal-test-fragments",
            "OPTIONS": {"SHARED_ALIAS": "default"},
        },
    }

# The demo zone's installation defaults (zoneportal/demo/zone_values.py): the suite's
# pages, references and dates are those of the demo zone, with or without its profile.
from zoneportal.demo import zone_values as _demo_zone  # noqa: E402

TIME_ZONE = os.environ.get("ZONEPORTAL_TIME_ZONE", _demo_zone.TIME_ZONE)
WAGTAIL_SITE_NAME = _demo_zone.SITE_NAME
ZONEPORTAL_INQUIRY_REFERENCE_PREFIX = _demo_zone.REFERENCE_PREFIX
ZONEPORTAL_SECURITY_CONTACT = _demo_zone.SECURITY_CONTACT
