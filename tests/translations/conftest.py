"""Fixtures for translation tests: locale home pages and wagtail-localize helpers."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource

from zoneportal.core.models import StandardPage


@pytest.fixture
def locales(db):
    return {loc.language_code: loc for loc in Locale.objects.all()}


@pytest.fixture
def english_page(site_home, make_page):
    return make_page(site_home, StandardPage, title="SK Hynix", slug="sk-hynix")


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate `page` into `locale` with wagtail-localize, every string done, and publish.

    wagtail-localize publishes on transaction commit; the callbacks are run here.
    Returns the translated page.
    """

    def _translate(page, locale, prefix="訳 ", complete=True):
        source, _created = TranslationSource.get_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale
        )
        if complete:
            translate_all_strings(source, locale, prefix)
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return page.get_translation(locale).specific

    return _translate


def translate_all_strings(source, locale, prefix="訳 "):
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.update_or_create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            defaults={"data": prefix + segment.string.data},
        )


@pytest.fixture
def editors_group(db):
    return Group.objects.get(name="Editors")


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    return client
