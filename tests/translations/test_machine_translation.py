"""Machine translation is off by default and pluggable through wagtail-localize's setting."""

from django.urls import reverse
from wagtail_localize.models import Translation

from zoneportal.translations.status import Status

from .test_status import statuses_of

DUMMY = {"CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator"}


def machine_translate_url(page, locale):
    translation = Translation.objects.get(
        source__object_id=page.translation_key, target_locale=locale
    )
    return reverse("wagtail_localize:machine_translate", args=[translation.pk])


def test_no_machine_translator_is_configured_by_default(
    admin_client, english_page, locales, translate
):
    translate(english_page, locales["ja"], complete=False)

    # Http404; Django's LocaleMiddleware first tries the URL with a language prefix.
    response = admin_client.post(machine_translate_url(english_page, locales["ja"]), follow=True)

    assert response.status_code == 404
    assert statuses_of(english_page)["ja"] == Status.IN_PROGRESS


def test_configured_machine_translator_fills_in_the_missing_strings(
    settings, admin_client, english_page, locales, translate
):
    settings.WAGTAILLOCALIZE_MACHINE_TRANSLATOR = DUMMY
    translate(english_page, locales["ja"], complete=False)

    response = admin_client.post(machine_translate_url(english_page, locales["ja"]))

    assert response.status_code == 302
    assert statuses_of(english_page)["ja"] == Status.UP_TO_DATE
