"""Keep Wagtail's Locale rows in step with the configured content languages.

Wagtail's own migration creates only the default locale; a fresh install must offer
every language in WAGTAIL_CONTENT_LANGUAGES to editors (translations, locale-limited
groups) without anyone creating locales by hand. Runs after every `migrate`.
"""

from django.conf import settings


def ensure_locales(**kwargs):
    from wagtail.models import Locale

    for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES:
        Locale.objects.get_or_create(language_code=code)
