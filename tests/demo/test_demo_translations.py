"""The demo site in Chinese, Japanese and Korean: complete catalogues, every page translated."""

import io
import re

import html5lib
import polib
import pytest
from django.core.management import call_command
from wagtail.models import Locale, Page

from zoneportal.demo import loader, translating

from .english_runs import english_runs

LANGUAGES = ["zh-hans", "ja", "ko"]
INLINE_TAG = re.compile(r"</?[a-z][^>]*>")
HTML_LANG = {"zh-hans": "zh-Hans", "ja": "ja", "ko": "ko"}


def _template_entries():
    return list(polib.pofile(str(translating.CATALOGUE_DIR / "demo.pot")))


@pytest.mark.parametrize("language_code", LANGUAGES)
def test_demo_catalogue_translates_every_segment_and_keeps_inline_tags(language_code):
    catalogue = translating.load_catalogue(language_code)
    template = _template_entries()
    assert len(template) > 700
    missing = [entry.msgid for entry in template if entry.msgid not in catalogue]
    assert not missing, f"{len(missing)} untranslated demo segments, e.g. {missing[:3]}"
    broken = [
        entry.msgid
        for entry in template
        if sorted(INLINE_TAG.findall(entry.msgid))
        != sorted(INLINE_TAG.findall(catalogue[entry.msgid]))
    ]
    assert not broken, f"inline tags differ in {broken[:3]}"


@pytest.mark.django_db
def test_demo_loads_every_page_in_every_language_once(
    client, settings, django_capture_on_commit_callbacks
):
    """One (slow) load of the translated demo, checked three ways."""
    settings.DEBUG = False
    # wagtail-localize publishes translations when the transaction commits.
    with django_capture_on_commit_callbacks(execute=True):
        loader.load()
    _assert_every_page_is_translated()
    _assert_translated_pages_render_valid_html(client)
    _assert_no_english_on_translated_pages(client)
    _assert_translation_coverage_is_complete()
    before = Page.objects.count()
    assert translating.translate_demo() == {"zh-hans": 0, "ja": 0, "ko": 0}
    assert Page.objects.count() == before


def _assert_every_page_is_translated():
    english = Page.objects.filter(locale__language_code="en", depth__gt=1).live()
    english_titles = dict(english.values_list("translation_key", "title"))
    for language_code in LANGUAGES:
        pages = Page.objects.filter(
            locale=Locale.objects.get(language_code=language_code), depth__gt=1
        ).live()
        titles = dict(pages.values_list("translation_key", "title"))
        assert titles.keys() == english_titles.keys(), language_code
        same = [t for key, t in titles.items() if t == english_titles[key]]
        # Titles that are names (e.g. "SK hynix") may stay as they are; prose may not.
        assert len(same) <= len(titles) // 10, (language_code, same)


def _assert_translated_pages_render_valid_html(client):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    for language_code in LANGUAGES:
        pages = Page.objects.filter(locale__language_code=language_code, depth__gt=1).live()
        assert pages.count() > 100
        for page in pages:
            response = client.get(page.url)
            assert response.status_code == 200, page.url
            html = response.content.decode()
            parser.parse(html)
            assert f'<html lang="{HTML_LANG[language_code]}"' in html, page.url


def _assert_no_english_on_translated_pages(client):
    """No run of three English words in the main content of any zh, ja or ko page."""
    found = {}
    for language_code in LANGUAGES:
        for page in Page.objects.filter(locale__language_code=language_code, depth__gt=1).live():
            runs = english_runs(client.get(page.url).content.decode())
            if runs:
                found[page.url] = runs[:3]
    assert not found, f"English on {len(found)} translated pages: {found}"


def _assert_translation_coverage_is_complete():
    """Every segment of every demo page and snippet is translated: 100 % in each language."""
    output = io.StringIO()
    call_command("translation_coverage", "--fail-under", "100", stdout=output, stderr=output)
    for language_code in LANGUAGES:
        assert re.search(rf"{language_code}\b.*100(\.0)? ?%", output.getvalue()), output.getvalue()
