"""Settings shared by every environment.

Environment-specific files (dev, test, production) import everything from here and
override only what differs. Nothing secret lives in this file.
"""

import os
from pathlib import Path

PROJECT_DIR = Path(__file__).resolve().parent.parent
BASE_DIR = PROJECT_DIR.parent

INSTALLED_APPS = [
    "zoneportal.zones",
    "zoneportal.core",
    "zoneportal.news",
    "zoneportal.media",
    "zoneportal.guides",
    "zoneportal.business",
    "zoneportal.culture",
    "zoneportal.inquiries",
    "zoneportal.search",
    "zoneportal.translations",
    "zoneportal.security",
    "zoneportal.demo",
    "zoneportal.ops",
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.settings",
    "wagtail.contrib.routable_page",
    "wagtail.contrib.table_block",
    "wagtail.contrib.typed_table_block",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    # After "wagtail": swaps its reference-index save handler for inline rows.
    "zoneportal.core.reference_index.ReferenceIndexConfig",
    "modelcluster",
    "taggit",
    "django_filters",
    "django_countries",
    "django_tasks_db",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
]

MIDDLEWARE = [
    # First: /healthz and /readyz answer before host checks, redirects and sessions.
    "zoneportal.ops.health.HealthCheckMiddleware",
    "django.middleware.security.SecurityMiddleware",
    "zoneportal.security.headers.SecurityHeadersMiddleware",
    # A Host port the site does not serve: 400 before anything else reads the host.
    "zoneportal.security.host_ports.HostPortMiddleware",
    # Cache-Control for browsers and the page cache; sees the cookies and Vary set below it.
    "zoneportal.ops.http_cache.CacheControlMiddleware",
    # Control characters in the path or query: a localized 400, before anything parses them.
    "zoneportal.security.input_guard.InputGuardMiddleware",
    # A language-switch click (?set_language=): Set-Cookie + redirect, never cached.
    "zoneportal.core.language_choice.LanguageChoiceMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "zoneportal.core.middleware.CachedSiteMiddleware",
    # The zone's time zone for the request's dates and times (its zone profile).
    "zoneportal.zones.middleware.ZoneTimeZoneMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "zoneportal.security.twofactor.TwoFactorMiddleware",
    # Choosers and admin look-ups: only for content roles, only permitted pages.
    "zoneportal.security.choosers.ChooserAccessMiddleware",
    "zoneportal.security.ratelimit.RateLimitMiddleware",
    "zoneportal.security.audit.AuditExportMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # A full disk during an admin upload: the form again with a message, not a 500.
    "zoneportal.security.disk_full.DiskFullMiddleware",
    # DEBUG only (make run): templates/404.html instead of Django's technical 404 page.
    "zoneportal.core.middleware.DebugNotFoundMiddleware",
]

ROOT_URLCONF = "zoneportal.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "zoneportal.core.context_processors.portal",
                "zoneportal.zones.context_processors.zone",
            ],
        },
    },
]

WSGI_APPLICATION = "zoneportal.wsgi.application"

DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ.get("SQLITE_PATH", str(BASE_DIR / "db.sqlite3")),
        "OPTIONS": {
            # WAL lets the dev server read while a demo load writes; the busy
            # timeout turns brief lock contention into a wait, not an error.
            "init_command": "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
            "timeout": 20,
            "transaction_mode": "IMMEDIATE",
        },
    }
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

CACHES = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "zoneportal-default",
    },
    # Wagtail looks renditions up in this alias first, so warm pages need no
    # rendition queries.
    "renditions": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "zoneportal-renditions",
        "OPTIONS": {"MAX_ENTRIES": 5000},
    },
}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Internationalisation. Every page lives in a locale tree and every URL carries a
# language prefix (/en/ ...). The public portal starts with English; further
# languages are added to LANGUAGES and WAGTAIL_CONTENT_LANGUAGES together.
LANGUAGE_CODE = "en"
LANGUAGES = [
    ("en", "English"),
    ("zh-hans", "简体中文"),
    ("ja", "日本語"),
    ("ko", "한국어"),
]
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
LOCALE_PATHS = [BASE_DIR / "locale"]
# Dates read 2019-06-04 in English, 2019年6月4日 in Chinese and Japanese, 2019년 6월 4일 in Korean.
FORMAT_MODULE_PATH = ["zoneportal.formats"]
# The installation's default time zone (admin, background work); each zone's own time
# zone is in its zone profile (docs/zones.md). No zone is named here.
TIME_ZONE = os.environ.get("ZONEPORTAL_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]
STATICFILES_DIRS = [BASE_DIR / "static"]
STATIC_ROOT = Path(os.environ.get("STATIC_ROOT", BASE_DIR / "static_collected"))
STATIC_URL = "/static/"
MEDIA_ROOT = Path(os.environ.get("MEDIA_ROOT", BASE_DIR / "media"))
MEDIA_URL = "/media/"

STORAGES = {
    # FileSystemStorage that removes a partly written file (disk full): security/disk_full.py
    "default": {"BACKEND": "zoneportal.security.disk_full.CleanupFileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

DATA_UPLOAD_MAX_NUMBER_FIELDS = 10_000

# Wagtail
# The admin's name for the installation; the public pages use each zone's profile.
WAGTAIL_SITE_NAME = os.environ.get("ZONEPORTAL_SITE_NAME", "ZonePortal")
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://127.0.0.1:8000")
WAGTAILIMAGES_IMAGE_MODEL = "core.SiteImage"
# One alt text field per language on the image form (SiteImage.alt_texts).
WAGTAILIMAGES_IMAGE_FORM_BASE = "zoneportal.core.image_forms.SiteImageForm"
WAGTAILIMAGES_MAX_UPLOAD_SIZE = 10 * 1024 * 1024
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 40_000_000
WAGTAILIMAGES_EXTENSIONS = ["gif", "jpg", "jpeg", "png", "webp"]
WAGTAILDOCS_EXTENSIONS = ["csv", "docx", "odt", "pdf", "pptx", "txt", "xlsx"]
WAGTAILDOCS_MAX_UPLOAD_SIZE = 20 * 1024 * 1024
# Wagtail's database backend with an index version (zoneportal/search/backend.py).
# English stemming: PostgreSQL's "english" configuration ("parks" finds "park");
# SQLite's FTS5 table uses the porter tokenizer (search migration 0002).
WAGTAILSEARCH_BACKENDS = {
    "default": {"BACKEND": "zoneportal.search.backend", "SEARCH_CONFIG": "english"},
}
WAGTAIL_ENABLE_UPDATE_CHECK = False
# Machine translation (WAGTAILLOCALIZE_MACHINE_TRANSLATOR) is deliberately unset: the
# site runs offline. docs/translation.md shows how to enable DeepL, Google or LibreTranslate.
WAGTAIL_PASSWORD_RESET_ENABLED = True
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Background work: immediate by default; production points this at a queue.
TASKS = {"default": {"BACKEND": "django_tasks.backends.immediate.ImmediateBackend"}}
# /readyz fails "tasks" (QueueStalled) when a queued task has been due this long: no
# worker runs or it is stuck (zoneportal/ops/task_queue.py).
ZONEPORTAL_TASK_QUEUE_STALL_SECONDS = 10 * 60

# Investor inquiries (docs/inquiries.md). References read INQ-2026-000123; a zone's
# profile sets its own prefix, this is the default for a Site without a profile.
ZONEPORTAL_INQUIRY_REFERENCE_PREFIX = "INQ"
# Service levels, in working days (weekends and holidays excluded) except the
# follow-up: the public form promises the first answer, the staff side highlights
# overdue inquiries and lists them in the daily digest.
ZONEPORTAL_INQUIRY_SERVICE_LEVELS = {
    "assign_within_working_days": 1,
    "first_answer_within_working_days": 2,
    "follow_up_after_days": 14,
}
# Spam defence of the public form (zoneportal/inquiries/spam.py). Rate limits count
# accepted submissions per sender in the default cache over one hour. The client IP
# comes from zoneportal/core/client_ip.py (see ZONEPORTAL_TRUSTED_PROXIES).
ZONEPORTAL_INQUIRY_MIN_FILL_SECONDS = 3
ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 5
ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = 20
ZONEPORTAL_INQUIRY_MAX_LINKS = 3
ZONEPORTAL_INQUIRY_MAX_MESSAGE_LENGTH = 5000
# Email delivery retries: minutes to wait after each failed attempt; when they run
# out the email is marked Failed (and shown so in the admin).
ZONEPORTAL_EMAIL_RETRY_MINUTES = [1, 5, 15, 60, 240, 720]
# Working days for the service levels (zoneportal/inquiries/holidays.py,
# docs/inquiries.md "Working-day calendar"): PRC holidays and swapped working days
# from the chinesecalendar package, for the years it covers.
ZONEPORTAL_HOLIDAY_CALENDAR = "CN"
# Years the package does not cover yet: {year: {"complete": bool, "holidays": [...],
# "working_days": [...]}}, ISO dates. "complete": true only for the State Council's
# full schedule (with the weekend days worked in exchange). The JSON file named by
# the environment variable ZONEPORTAL_HOLIDAY_SUPPLEMENT_FILE adds to (and for a year
# in both, replaces) these. Once chinesecalendar covers a year, it wins.
ZONEPORTAL_HOLIDAY_SUPPLEMENTS = {
    # Statutory days only: the 2027 schedule with its swapped days was not out yet.
    2027: {
        "complete": False,
        "holidays": [
            "2027-01-01",
            "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",
            "2027-04-05",
            "2027-05-01", "2027-05-02",
            "2027-06-09",
            "2027-09-15",
            "2027-10-01", "2027-10-02", "2027-10-03",
        ],
        "working_days": [],
    },
}  # fmt: skip
ZONEPORTAL_HOLIDAY_SUPPLEMENT_FILE = os.environ.get("ZONEPORTAL_HOLIDAY_SUPPLEMENT_FILE", "")
# Overrides for any year, over everything above: extra days off (a zone's own closing
# day) and working days (a correction).
ZONEPORTAL_HOLIDAYS = []
ZONEPORTAL_WORKING_WEEKEND_DAYS = []
# Personal data of closed inquiries (and of spam) is anonymised after this many months.
ZONEPORTAL_INQUIRY_RETENTION_MONTHS = 24

# Site-wide presentation
ZONEPORTAL_NEWS_PER_PAGE = 12
ZONEPORTAL_SEARCH_PER_PAGE = 10
# How long rendered navigation and footer fragments may be cached. They are also
# invalidated whenever a page is published, moved or deleted, or settings change.
ZONEPORTAL_FRAGMENT_CACHE_SECONDS = 60 * 60

# HTTP caching (zoneportal/ops/http_cache.py): anonymous pages are kept by browsers for
# max-age seconds and by the cache tier for s-maxage (purged on publish when
# CACHE_PURGE_URL is set). Pages of these types are never cached (they hold a form).
ZONEPORTAL_CACHE_MAX_AGE = 60
ZONEPORTAL_CACHE_S_MAXAGE = 60 * 60
# Listings with a query (?page=2, ?tag=...) are not purged one by one: a short shared life.
ZONEPORTAL_CACHE_QUERY_S_MAXAGE = 60
ZONEPORTAL_UNCACHED_PAGE_TYPES = ["inquiries.InquiryPage"]

LOGIN_URL = "wagtailadmin_login"

SILENCED_SYSTEM_CHECKS = []

# Security (zoneportal/security, docs/security.md). Response headers come from
# SecurityHeadersMiddleware (CSP strict on the public site, looser under /admin/) and
# Django's SecurityMiddleware; production adds HSTS and Secure cookies.
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
# Admin sessions last 8 hours at most ("Remember me" included) and end with the browser
# unless "Remember me" is ticked; cookies are out of reach of scripts and other sites.
SESSION_COOKIE_AGE = 8 * 60 * 60
SESSION_EXPIRE_AT_BROWSER_CLOSE = True
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_SAMESITE = "Lax"
CSRF_COOKIE_SAMESITE = "Lax"
LANGUAGE_COOKIE_HTTPONLY = True
# The language-switch choice is remembered for a year (core/language_choice.py).
LANGUAGE_COOKIE_AGE = 365 * 24 * 60 * 60
LANGUAGE_COOKIE_SAMESITE = "Lax"
# Sign-in lockout (per user name and per IP, counted in the cache) and its message.
AUTHENTICATION_BACKENDS = ["zoneportal.security.lockout.LockoutModelBackend"]
WAGTAILADMIN_USER_LOGIN_FORM = "zoneportal.security.lockout.LockoutLoginForm"
ZONEPORTAL_LOCKOUT_USERNAME_FAILURES = 5
ZONEPORTAL_LOCKOUT_IP_FAILURES = 20
ZONEPORTAL_LOCKOUT_SECONDS = 15 * 60
AUTH_PASSWORD_VALIDATORS += [
    {"NAME": "zoneportal.security.password_validation.MaximumLengthValidator"},
    {"NAME": "zoneportal.security.password_validation.SiteWordsValidator"},
]
# No avatars from gravatar.com: the admin loads nothing from other hosts.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
# Upload checks wrap whatever image form the project uses (zoneportal/security/uploads.py).
ZONEPORTAL_IMAGE_FORM_INNER_BASE = globals().get(
    "WAGTAILIMAGES_IMAGE_FORM_BASE", "wagtail.images.forms.BaseImageForm"
)
WAGTAILIMAGES_IMAGE_FORM_BASE = "zoneportal.security.uploads.SafeImageForm"
WAGTAILDOCS_DOCUMENT_FORM_BASE = "zoneportal.security.uploads.SafeDocumentForm"
# Served documents: PDFs and plain text open in the browser, everything else downloads;
# Wagtail sends them with "Content-Security-Policy: default-src 'none'" and nosniff.
WAGTAILDOCS_INLINE_CONTENT_TYPES = ["application/pdf", "text/plain"]
WAGTAILDOCS_BLOCK_EMBEDDED_CONTENT = True
# Documents are only ever served by Wagtail's view (/documents/<id>/<name>), which
# checks the collection's privacy. "serve_view" also for a bucket: Wagtail's default
# there ("redirect") would send visitors to /media/documents/, which nobody serves
# (deploy/nginx refuses it; zoneportal/media/views.py in development).
WAGTAILDOCS_SERVE_METHOD = "serve_view"
# Public search: at most this many searches per client IP per window.
ZONEPORTAL_SEARCH_RATE = 30
ZONEPORTAL_SEARCH_RATE_SECONDS = 60
# Page passwords (Wagtail's password restrictions): wrong passwords per address and
# protected page, and per page over all addresses, in this many seconds; then 429.
ZONEPORTAL_PAGE_PASSWORD_FAILURES = 10
ZONEPORTAL_PAGE_PASSWORD_PAGE_FAILURES = 100
ZONEPORTAL_PAGE_PASSWORD_SECONDS = 15 * 60
# security.txt's Contact: set it in production; without it, the default Site's zone
# profile email (security/views.py).
ZONEPORTAL_SECURITY_CONTACT = os.environ.get("ZONEPORTAL_SECURITY_CONTACT", "")

# The visitor's address (rate limits, lockouts, audit): REMOTE_ADDR, or the header
# below when the request comes from one of these proxies (production: the local nginx
# over the app server's private unix socket, written "unix"; zoneportal/core/client_ip.py).
ZONEPORTAL_TRUSTED_PROXIES: list[str] = []
ZONEPORTAL_CLIENT_IP_HEADER = "HTTP_X_REAL_IP"
