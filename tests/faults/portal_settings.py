"""Settings for a portal server that the fault tests and bench/inquiries.py start.

Development settings without DEBUG (no query log growing in memory), with the rate
limits and the minimum fill time out of the way (many submissions from one IP, as
fast as possible) and mail thrown away. PORTAL_DATABASE_URL picks PostgreSQL;
otherwise SQLITE_PATH (a file: WAL, busy timeout, IMMEDIATE transactions).
"""

import os

from zoneportal.settings.dev import *  # noqa: F403
from zoneportal.settings.env import database_config_from_url

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
if os.environ.get("PORTAL_DATABASE_URL"):
    DATABASES = {"default": database_config_from_url(os.environ["PORTAL_DATABASE_URL"])}
ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = 10**9
ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 10**9
ZONEPORTAL_INQUIRY_MIN_FILL_SECONDS = 0
EMAIL_BACKEND = "django.core.mail.backends.dummy.EmailBackend"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}
