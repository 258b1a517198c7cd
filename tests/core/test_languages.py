"""Four languages for visitors: prefixes, the language switch, hreflang, sitemap, dates."""

import datetime
import re
from html import unescape

import pytest
from django.conf import settings
from wagtail.models import Locale

from zoneportal.core.language_choice import clean_url
from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.news.models import NewsArticlePage, NewsIndexPage

pytestmark = pytest.mark.django_db


def translate(page, language_code):
    """Copy `page` (and missing parents) into the locale and publish the copy."""
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.fixture
def about(site_home, make_page):
    return make_page(site_home, SectionPage, title="About", show_in_menus=True)


@pytest.fixture
def overview(about, make_page):
    return make_page(about, StandardPage, title="Overview")


@pytest.fixture
def japanese_home(site_home):
    return translate(site_home, "ja")


def switch_hrefs(html):
    """{hreflang: href} of the language switch, as written (with the choice marker)."""
    nav = re.search(r'<nav class="language-switch".*?</nav>', html, re.S).group(0)
    found = re.findall(r'<a href="([^"]*)" lang="([^"]*)"', nav)
    return {lang: unescape(href) for href, lang in found}


def switch_links(html):
    """{hreflang: URL the switch leads to}: the href without the choice marker."""
    return {
        lang: re.sub(r"[?&]set_language=[a-z-]+$", "", href)
        for lang, href in switch_hrefs(html).items()
    }


def test_every_language_has_its_own_prefix_and_html_lang(client, site_home):
    for code, prefix, lang in [
        ("en", "/en/", "en"),
        ("zh-hans", "/zh/", "zh-Hans"),
        ("ja", "/ja/", "ja"),
        ("ko", "/ko/", "ko"),
    ]:
        if code != "en":
            translate(site_home, code)
        response = client.get(prefix)
        assert response.status_code == 200, prefix
        assert f'<html lang="{lang}"' in response.content.decode()


@pytest.mark.parametrize(
    ("headers", "cookie", "expected"),
    [
        ({"HTTP_ACCEPT_LANGUAGE": "ja-JP,ja;q=0.9,en;q=0.5"}, None, "/ja/"),
        ({"HTTP_ACCEPT_LANGUAGE": "ko-KR,ko;q=0.9"}, None, "/ko/"),
        ({"HTTP_ACCEPT_LANGUAGE": "zh-CN,zh;q=0.9"}, None, "/zh/"),
        ({"HTTP_ACCEPT_LANGUAGE": "fr-FR,fr;q=0.9"}, None, "/en/"),
        ({"HTTP_ACCEPT_LANGUAGE": "ja"}, "ko", "/ko/"),
        ({}, "zh-hans", "/zh/"),
        ({}, None, "/en/"),
    ],
)
def test_bare_root_follows_cookie_then_accept_language(
    client, site_home, headers, cookie, expected
):
    if cookie:
        client.cookies[settings.LANGUAGE_COOKIE_NAME] = cookie
    response = client.get("/", **headers)
    assert response.status_code == 302
    assert response["Location"] == expected
    vary = {part.strip() for part in response["Vary"].split(",")}
    assert {"Cookie", "Accept-Language"} <= vary


def test_switch_leads_to_the_translation_of_the_same_page(client, overview, japanese_home):
    japanese = translate(overview, "ja")
    html = client.get(overview.url).content.decode()
    links = switch_links(html)
    assert links["ja"] == japanese.url == "/ja/about/overview/"
    assert links["en"] == "/en/about/overview/"
    assert 'lang="ja" hreflang="ja">日本語<' in html
    assert 'lang="ko" hreflang="ko">한국어<' in html
    assert 'lang="zh-Hans" hreflang="zh-Hans">简体中文<' in html


def test_switch_on_an_untranslated_page_goes_to_the_nearest_translated_ancestor(
    client, overview, japanese_home
):
    html = client.get(overview.url).content.decode()
    target = switch_links(html)["ja"]
    assert target == "/ja/?translation=missing"
    landing = client.get(target)
    assert landing.status_code == 200
    assert 'class="notice notice--translation"' in landing.content.decode()
    # No notice without the flag.
    assert "notice--translation" not in client.get("/ja/").content.decode()


def test_choosing_a_language_in_the_switch_brings_a_bare_root_back_to_it(
    client, overview, japanese_home
):
    japanese = translate(overview, "ja")
    chosen = switch_hrefs(client.get(overview.url).content.decode())["ja"]

    response = client.get(chosen)
    assert response.status_code == 302
    assert response["Location"] == japanese.url
    cookie = response.cookies[settings.LANGUAGE_COOKIE_NAME]
    assert cookie.value == "ja"
    assert int(cookie["max-age"]) >= 30 * 24 * 3600, "remembered beyond the browser session"
    assert "no-store" in response["Cache-Control"], "a shared cache must not keep it"

    # Accept-Language only decides a first visit: the choice wins from now on.
    root = client.get("/", HTTP_ACCEPT_LANGUAGE="en-US,en;q=0.9")
    assert root["Location"] == "/ja/"


def test_the_landing_page_after_a_choice_is_shareable_and_sets_no_cookie(client, overview):
    page = client.get("/ja/", HTTP_ACCEPT_LANGUAGE="en")
    assert not page.cookies
    assert page["Cache-Control"].startswith("public")


@pytest.mark.parametrize(
    ("url", "location", "cookie"),
    [
        ("/ja/?translation=missing&set_language=ja", "/ja/?translation=missing", "ja"),
        ("/zh/?set_language=zh-hans", "/zh/", "zh-hans"),
        ("/en/?set_language=fr", "/en/", None),
        ("/\\evil.example/?set_language=ja", "/%5Cevil.example/", "ja"),
    ],
)
def test_the_choice_marker_redirects_to_the_clean_local_url(
    client, site_home, url, location, cookie
):
    response = client.get(url)
    assert response.status_code == 302
    assert response["Location"] == location
    sent = response.cookies.get(settings.LANGUAGE_COOKIE_NAME)
    assert (sent.value if sent else None) == cookie


def test_the_clean_url_never_starts_with_two_slashes(rf):
    request = rf.get("/ja/", {"set_language": "ja"})
    request.path = "//evil.example/"
    assert clean_url(request) == "/evil.example/"


def test_switch_to_a_language_without_any_translation_goes_to_its_home(client, overview):
    links = switch_links(client.get(overview.url).content.decode())
    assert links["ko"] == "/ko/"


def test_hreflang_alternates_list_only_real_translations_plus_x_default(
    client, overview, japanese_home
):
    translate(overview, "ja")
    html = client.get("/ja/about/overview/").content.decode()
    alternates = dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', html))
    assert alternates == {
        "en": "http://testserver/en/about/overview/",
        "ja": "http://testserver/ja/about/overview/",
        "x-default": "http://testserver/en/about/overview/",
    }
    assert '<link rel="canonical" href="http://testserver/ja/about/overview/">' in html


def test_sitemap_lists_every_translation(client, overview, japanese_home):
    translate(overview, "ja")
    translate(overview, "ko")
    xml = client.get("/sitemap.xml").content.decode()
    locations = set(re.findall(r"<loc>([^<]+)</loc>", xml))
    assert {
        "http://testserver/en/about/overview/",
        "http://testserver/ja/about/overview/",
        "http://testserver/ko/about/overview/",
    } <= locations


@pytest.fixture
def delegation_article(site_home, make_page):
    media = make_page(site_home, SectionPage, title="Media Center")
    news = make_page(media, NewsIndexPage, title="News")
    return make_page(
        news,
        NewsArticlePage,
        title="Wuxi to deepen cooperation with Japan and South Korea",
        publication_date=datetime.date(2019, 6, 4),
        source_name="chinadaily.com.cn",
    )


@pytest.mark.parametrize(
    ("language_code", "expected"),
    [
        ("en", "2019-06-04"),
        ("zh-hans", "2019年6月4日"),
        ("ja", "2019年6月4日"),
        ("ko", "2019년 6월 4일"),
    ],
)
def test_dates_follow_the_locale(client, delegation_article, language_code, expected):
    page = (
        delegation_article
        if language_code == "en"
        else translate(delegation_article, language_code)
    )
    html = client.get(page.url).content.decode()
    assert f'<time datetime="2019-06-04">{expected}</time>' in html


def test_a_locale_may_publish_news_of_its_own(client, delegation_article, make_page):
    korean_article = translate(delegation_article, "ko")
    korean_index = korean_article.get_parent().specific
    korea_only = make_page(
        korean_index,
        NewsArticlePage,
        title="SK하이닉스, 우시 공장 증설",
        slug="sk-hynix-expansion",
        publication_date=datetime.date(2024, 3, 1),
    )
    korean_listing = client.get(korean_index.url).content.decode()
    assert "SK하이닉스, 우시 공장 증설" in korean_listing
    english_listing = client.get(delegation_article.get_parent().url).content.decode()
    assert "SK하이닉스" not in english_listing
    # It works like any page: it renders, and switching language from it never 404s.
    html = client.get(korea_only.url).content.decode()
    links = switch_links(html)
    assert links["en"] == "/en/media-center/news/?translation=missing"
    assert client.get(links["en"]).status_code == 200


def test_page_references_lead_to_pages_in_the_visitors_language(client, site_home, make_page):
    from zoneportal.inquiries.models import InquiryPage

    message = make_page(site_home, InquiryPage, title="Leave Your Message Here")
    site_home.message_page = message
    site_home.save_revision().publish()
    japanese_home = translate(site_home, "ja")
    japanese_message = translate(message, "ja")
    japanese_message.title = "お問い合わせフォーム"
    japanese_message.save_revision().publish()
    html = client.get(japanese_home.url).content.decode()
    assert f'href="{japanese_message.url}"' in html
    assert f'href="{message.url}"' not in html
