"""Local development: `make run` uses these settings."""

import os

from .base import *  # noqa: F403

DEBUG = True
# Unknown URLs show the site's own 404 page (core/middleware.py); set
# ZONEPORTAL_TECHNICAL_404=1 for Django's technical 404 page with the URL patterns.
ZONEPORTAL_TECHNICAL_404 = os.environ.get("ZONEPORTAL_TECHNICAL_404") == "1"
SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
# The browser tests point these at a folder (file backend) to read the mail sent.
EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
if os.environ.get("EMAIL_FILE_PATH"):
    EMAIL_FILE_PATH = os.environ["EMAIL_FILE_PATH"]

# The demo zone's installation defaults (zoneportal/demo/zone_values.py): the suite's
# pages, references and dates are those of the demo zone, with or without its profile.
from zoneportal.demo import zone_values as _demo_zone  # noqa: E402

TIME_ZONE = os.environ.get("ZONEPORTAL_TIME_ZONE", _demo_zone.TIME_ZONE)
WAGTAIL_SITE_NAME = _demo_zone.SITE_NAME
ZONEPORTAL_INQUIRY_REFERENCE_PREFIX = _demo_zone.REFERENCE_PREFIX
ZONEPORTAL_SECURITY_CONTACT = _demo_zone.SECURITY_CONTACT
