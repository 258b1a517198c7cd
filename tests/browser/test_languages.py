"""Four-language journeys in a real browser, against the translated demo site."""

import re

import pytest
from playwright.sync_api import expect

from .conftest import ENGLISH_ONLY_URL

pytestmark = pytest.mark.browser

DELEGATION_PATH = "/media-center/news/wuxi-to-deepen-cooperation-with-japan-and-south-korea/"


def _switch_to(page, language_name):
    page.get_by_role("navigation", name=re.compile("Language|言語|语言|언어")).get_by_role(
        "link", name=language_name, exact=True
    ).click()


def test_switching_language_on_the_delegation_article_lands_on_its_translation(page):
    page.goto("/en" + DELEGATION_PATH)
    english_title = page.get_by_role("heading", level=1).inner_text()

    _switch_to(page, "日本語")
    expect(page).to_have_url(re.compile("/ja" + re.escape(DELEGATION_PATH) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "ja")
    japanese_title = page.get_by_role("heading", level=1).inner_text()
    assert japanese_title != english_title
    assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", japanese_title), japanese_title
    expect(page.locator(".source-line")).to_contain_text("2019年6月4日")

    _switch_to(page, "한국어")
    expect(page).to_have_url(re.compile("/ko" + re.escape(DELEGATION_PATH) + "$"))
    expect(page.locator("html")).to_have_attribute("lang", "ko")
    expect(page.get_by_role("heading", level=1)).to_have_text(re.compile("[\uac00-\ud7a3]"))
    expect(page.locator(".source-line")).to_contain_text("2019년 6월 4일")
    expect(page.get_by_role("navigation", name="현재 위치")).to_be_visible()


def test_switch_on_an_untranslated_page_lands_on_the_nearest_translated_ancestor(page):
    page.goto(ENGLISH_ONLY_URL)
    expect(page.get_by_role("heading", level=1)).to_have_text(
        "Briefing for investors (English only)"
    )
    _switch_to(page, "日本語")
    expect(page).to_have_url(re.compile(r"/ja/about/\?translation=missing$"))
    notice = page.locator(".notice--translation")
    expect(notice).to_be_visible()
    expect(notice).to_contain_text("日本語")


def test_zoom_and_menu_work_on_japanese_pages(page, mobile_page):
    page.goto("/ja/about/")
    base = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    page.locator("#zoom-button").click()
    grown = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert grown == pytest.approx(base * 1.15, rel=0.02)
    expect(page.locator("#zoom-status")).to_have_text(re.compile("115"))
    page.goto("/ja/media-center/news/")
    kept = page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    assert kept == pytest.approx(base * 1.15, rel=0.02)

    mobile_page.goto("/ja/")
    menu = mobile_page.locator("#menu-button")
    expect(menu).to_be_visible()
    expect(menu).to_contain_text("メニュー")
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    nav = mobile_page.locator("#primary-nav")
    expect(nav).to_be_visible()
    nav.get_by_role("link", name="生活情報", exact=True).click()
    expect(mobile_page.get_by_role("heading", level=1)).to_have_text("生活情報")
    assert mobile_page.evaluate("document.documentElement.scrollWidth") <= 375


def test_a_search_in_korean_returns_the_korean_article(page):
    page.goto("/ko/")
    search = page.get_by_role("search").first
    search.get_by_role("searchbox").fill("SK하이닉스 대표단")
    search.get_by_role("button").click()
    expect(page).to_have_url(re.compile(r"/ko/search/\?q="))
    result = page.get_by_role("link", name="우시, 일본·한국과 협력 강화")
    expect(result).to_be_visible()
    expect(result).to_have_attribute("href", re.compile("^/ko" + re.escape(DELEGATION_PATH)))
    expect(page.locator("mark").first).to_be_visible()


def test_the_language_chosen_in_the_switch_is_where_a_bare_root_returns(browser, demo_server):
    context = browser.new_context(
        base_url=demo_server, locale="en-US", extra_http_headers={"Accept-Language": "en"}
    )
    tab = context.new_page()
    tab.goto("/")
    expect(tab).to_have_url(re.compile("/en/$"), timeout=10_000)  # first visit: Accept-Language

    tab.goto("/en" + DELEGATION_PATH)
    _switch_to(tab, "日本語")
    # The switch's marker is gone from the address the visitor lands on.
    expect(tab).to_have_url(re.compile("/ja" + re.escape(DELEGATION_PATH) + "$"))

    tab.goto("/")
    expect(tab).to_have_url(re.compile("/ja/$"))
    expect(tab.locator("html")).to_have_attribute("lang", "ja")
    context.close()
