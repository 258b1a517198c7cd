"""The language switch and the hreflang alternates lead only to translations a visitor
can open.

A translation that exists only as a draft, one that was unpublished, and one behind a
view restriction are not "the same page in Japanese": the switch goes to the nearest
Japanese ancestor a visitor can open (with the translation-missing notice), and the
hreflang alternates leave Japanese out. Issue 13 item 16: a draft translation once
became the switch target and answered 404, and no test had a draft-only translation.
"""

import pytest
from wagtail.models import Locale, PageViewRestriction

from tests.core.test_languages import translate
from tests.html import hreflang_alternates, language_switch, visible_text
from zoneportal.core.models import SectionPage, StandardPage

pytestmark = pytest.mark.django_db

SITE = "http://testserver"
NOTICE = ".notice--translation"


@pytest.fixture
def overview(site_home, make_page):
    """/en/about/overview/ with a published Japanese home and About; not Overview itself."""
    about = make_page(site_home, SectionPage, title="About", show_in_menus=True)
    page = make_page(about, StandardPage, title="Overview")
    translate(site_home, "ja")
    translate(about, "ja")
    return page


def draft_translation(page, language_code):
    """A translation created (as "Translate this page" does) but never published."""
    copy = page.copy_for_translation(Locale.objects.get(language_code=language_code))
    copy.title = "概要（下書き）"
    copy.save_revision()
    copy.refresh_from_db()
    assert not copy.live
    return copy


def assert_switch_skips_japanese_overview(client, english_url):
    html = client.get(english_url).content.decode()
    switch = language_switch(html)
    # The nearest Japanese page a visitor can open, flagged so it says why.
    assert switch["ja"] == "/ja/about/?translation=missing"
    assert "ja" not in hreflang_alternates(html)
    assert hreflang_alternates(html)["en"] == f"{SITE}{english_url}"

    landing = client.get(switch["ja"])
    assert landing.status_code == 200
    assert visible_text(landing, NOTICE), "the landing page says the translation is missing"


def test_a_draft_only_translation_is_not_a_switch_target(client, overview):
    draft = draft_translation(overview, "ja")
    # The draft sits where the switch would otherwise lead; a visitor gets a 404 there.
    assert client.get("/ja/about/overview/").status_code == 404
    assert draft.url_path.endswith("/about/overview/")

    assert_switch_skips_japanese_overview(client, overview.url)


def test_an_unpublished_translation_stops_being_a_switch_target(client, overview):
    japanese = translate(overview, "ja")
    html = client.get(overview.url).content.decode()  # the links are cached from here
    assert language_switch(html)["ja"] == "/ja/about/overview/"
    assert hreflang_alternates(html)["ja"] == f"{SITE}/ja/about/overview/"

    japanese.unpublish()
    assert client.get("/ja/about/overview/").status_code == 404
    assert_switch_skips_japanese_overview(client, overview.url)


@pytest.mark.parametrize(
    "restriction",
    [PageViewRestriction.LOGIN, PageViewRestriction.PASSWORD, PageViewRestriction.GROUPS],
)
def test_a_private_translation_is_not_a_switch_target(client, overview, restriction):
    japanese = translate(overview, "ja")
    client.get(overview.url)  # cached links, as on a busy site
    PageViewRestriction.objects.create(
        page=japanese, restriction_type=restriction, password="members-only-2026"
    )
    assert_switch_skips_japanese_overview(client, overview.url)


def test_the_other_languages_keep_their_published_translations(client, overview):
    """A draft in one language does not hide the translations published in the others."""
    draft_translation(overview, "ja")
    translate(overview, "ko")
    html = client.get(overview.url).content.decode()
    switch = language_switch(html)
    assert switch["ko"] == "/ko/about/overview/"
    assert switch["ja"] == "/ja/about/?translation=missing"
    assert set(hreflang_alternates(html)) == {"en", "ko", "x-default"}
