"""Slugs stay ASCII and never empty, whatever the script of the title."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.models import StringSegment, TranslationSource

from zoneportal.core.models import StandardPage
from zoneportal.translations.slugs import ascii_slug, ensure_ascii_slug


@pytest.fixture
def chinese_home(site_home, locales, translate):
    return translate(site_home, locales["zh-hans"])


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("半导体产业", "ban-dao-ti-chan-ye"),
        ("무역 센터", "mu-yeog-sen-teo"),
        ("ハイテク区", "haiteku-qu"),
        ("SK海力士", "sk-hai-li-shi"),
        ("Invest in Wuxi", "invest-in-wuxi"),
        ("※", ""),
    ],
)
def test_ascii_slug_romanises_cjk_one_word_per_syllable(title, slug):
    assert ascii_slug(title) == slug


def test_chinese_page_gets_an_ascii_slug_and_url(client, chinese_home, make_page):
    # make_page, like the admin's slug field, proposes the Unicode slug "半导体产业".
    page = make_page(chinese_home, StandardPage, title="半导体产业")

    assert page.slug == "ban-dao-ti-chan-ye"
    assert page.url.endswith("/ban-dao-ti-chan-ye/")
    assert page.url.isascii()
    assert client.get(page.url).status_code == 200


def test_empty_slug_is_filled_from_a_cjk_title(chinese_home):
    page = StandardPage(title="半导体产业", slug="")
    chinese_home.add_child(instance=page)

    assert page.slug == "ban-dao-ti-chan-ye"


def test_same_cjk_title_twice_gets_distinct_slugs(chinese_home, make_page):
    first = make_page(chinese_home, StandardPage, title="半导体产业")
    second = make_page(chinese_home, StandardPage, title="半导体产业")

    assert first.slug == "ban-dao-ti-chan-ye"
    assert second.slug == "ban-dao-ti-chan-ye-1"


def test_title_without_romanisable_characters_still_gets_a_slug(chinese_home, make_page):
    page = make_page(chinese_home, StandardPage, title="※", slug="")

    assert page.slug == f"page-{page.translation_key.hex[:8]}"


def test_page_created_in_the_admin_with_a_cjk_slug_is_saved_with_an_ascii_one(
    admin_client, chinese_home
):
    add_url = reverse("wagtailadmin_pages:add", args=["core", "standardpage", chinese_home.pk])
    data = nested_form_data(
        {
            "title": "半导体产业",
            "slug": "半导体产业",
            "body": streamfield([]),
            "action-publish": "1",
        }
    )

    response = admin_client.post(add_url, data)

    assert response.status_code == 302
    page = StandardPage.objects.get(title="半导体产业")
    assert page.slug == "ban-dao-ti-chan-ye"
    assert page.live


def test_japanese_translation_keeps_the_english_slug(english_page, locales, translate):
    japanese = translate(english_page, locales["ja"], prefix="エスケー ")

    assert japanese.title == "エスケー SK Hynix"
    assert japanese.slug == "sk-hynix"
    assert japanese.url == "/ja/sk-hynix/"


def test_slug_is_synchronised_not_offered_for_translation(english_page):
    source, _created = TranslationSource.get_or_create_from_instance(english_page)

    contexts = StringSegment.objects.filter(source=source).values_list("context__path", flat=True)
    assert "title" in contexts
    assert "slug" not in contexts


def test_translation_made_by_hand_with_a_cjk_slug_falls_back_to_the_source_slug(
    english_page, locales, site_home
):
    site_home.copy_for_translation(locales["ja"])
    japanese = english_page.copy_for_translation(locales["ja"])
    japanese.title = "エスケーハイニックス"
    japanese.slug = "エスケーハイニックス"
    japanese.save_revision().publish()
    japanese.refresh_from_db()

    assert japanese.slug == "sk-hynix"


def test_ascii_slug_costs_no_query(english_page, django_assert_num_queries):
    with django_assert_num_queries(0):
        ensure_ascii_slug(english_page)
    assert english_page.slug == "sk-hynix"
