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
