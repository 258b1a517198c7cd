"""Settings for the audit server (bench/audit/run.sh): the demo as production serves it.

The development settings with DEBUG off and hashed static files (ManifestStaticFilesStorage,
as zoneportal.settings.production), so pages, CSP and caching headers are those of
production while the database is a throwaway SQLite demo. nginx serves /static/ and
/media/ (see run.sh).
"""

from zoneportal.settings.dev import *  # noqa: F403

DEBUG = False
STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "django.contrib.staticfiles.storage.ManifestStaticFilesStorage"
}
