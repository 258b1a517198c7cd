"""Search in Chinese, Japanese and Korean as well as English, through the search page.

The recall table (cjk_corpus.QUERIES) runs on whichever database the suite uses:
SQLite FTS5 by default, PostgreSQL full text with DATABASE_URL set.
"""

import pytest
from django.db import connection
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from tests.html import result_titles
from zoneportal.core.models import HomePage, StandardPage
from zoneportal.demo.builder import rich, stream
from zoneportal.search.query import cjk_index_text, normalise_query

from .cjk_corpus import PAGES, QUERIES

pytestmark = pytest.mark.django_db

RECALL_TARGET = 0.95
TOP = 10


@pytest.fixture(autouse=True)
def _restore_language():
    """Requests to /zh/, /ja/, /ko/ activate that language for the thread; undo it."""
    with translation.override(translation.get_language()):
        yield


def body(*paragraphs):
    return stream(("paragraph", rich(*paragraphs)))


def locale_home(site_home, language_code):
    """The home page in `language_code`: the site's English root or a published translation."""
    if language_code == site_home.locale.language_code:
        return site_home
    locale, _ = Locale.objects.get_or_create(language_code=language_code)
    home = site_home.copy_for_translation(locale)
    home.save_revision().publish()
    return HomePage.objects.get(pk=home.pk)


@pytest.fixture
def corpus(site_home, make_page):
    """Publish every page of cjk_corpus.PAGES; returns {language: {page id: title}}."""
    titles = {}
    for language_code, pages in PAGES.items():
        home = locale_home(site_home, language_code)
        titles[language_code] = {}
        for page_id, (title, text) in pages.items():
            make_page(home, StandardPage, title=title, locale=home.locale, body=body(text))
            titles[language_code][page_id] = title
    return titles


def search(client, language_code, query):
    with translation.override(language_code):
        url = reverse("search")
    response = client.get(url, {"q": query})
    assert response.status_code == 200
    return response.content.decode()


def test_recall_at_10_in_four_languages(client, corpus):
    assert len(QUERIES) >= 40
    expected_total = found_total = 0
    misses = []
    for language_code, query, page_ids in QUERIES:
        top = result_titles(search(client, language_code, query))[:TOP]
        # Only pages of the visitor's language are ever listed.
        assert set(top) <= set(corpus[language_code].values()), (language_code, query, top)
        for page_id in page_ids:
            expected_total += 1
            if corpus[language_code][page_id] in top:
                found_total += 1
            else:
                misses.append(f"{language_code} {query!r}: {page_id} not in {top}")
    recall = found_total / expected_total
    print(f"recall@{TOP} on {connection.vendor}: {recall:.3f} ({found_total}/{expected_total})")
    assert recall >= RECALL_TARGET, "\n".join(misses)
    assert not misses, "\n".join(misses)


def test_korean_delegation_article_found_by_company_and_word(client, corpus):
    delegation = corpus["ko"]["delegation"]
    for query in ("SK하이닉스", "대표단"):
        assert delegation in result_titles(search(client, "ko", query))
    html = search(client, "ko", "대표단")
    assert result_titles(html) == [delegation]
    assert "한국 기업 <mark>대표단</mark>이 2019년" in html


def test_korean_words_with_and_without_space(client, corpus):
    spaced = search(client, "ko", "하이닉스 투자")
    unspaced = search(client, "ko", "하이닉스투자")
    expected = {corpus["ko"]["hynix"], corpus["ko"]["delegation"]}
    assert set(result_titles(spaced)) == expected
    assert set(result_titles(unspaced)) == expected
    # Written without the space, the parts are marked where the text has them.
    assert "<mark>하이닉스</mark>의 <mark>투자</mark> 확대" in unspaced
    # The notice that the words were found apart, in Korean.
    notice = "입력한 그대로 포함한 페이지가 없습니다"
    assert notice in unspaced and notice not in spaced


def test_chinese_snippet_marks_the_query_not_its_bigrams(client, corpus):
    html = search(client, "zh-hans", "半导体")
    assert "壮大<mark>半导体</mark>产业集群" in html
    assert "2 results" not in html  # three pages mention 半导体
    assert "找到3条与“半导体”相关的结果" in html


def test_mixed_latin_and_chinese_word_is_marked_whole(client, corpus):
    html = search(client, "zh-hans", "SK海力士")
    assert "<mark>SK海力士</mark>扩建无锡存储器封装产线" in html


def test_japanese_katakana_and_kanji(client, corpus):
    html = search(client, "ja", "半導体")
    assert len(result_titles(html)) == 3
    assert "<mark>半導体</mark>産業の集積" in html
    html = search(client, "ja", "村田製作所の工場")
    assert result_titles(html) == [corpus["ja"]["murata"]]


def test_cjk_query_does_not_match_other_locales(client, corpus):
    # The Chinese and Japanese pages share 太湖湾; each visitor sees their own.
    assert result_titles(search(client, "zh-hans", "太湖湾")) == [corpus["zh-hans"]["taihu"]]
    assert result_titles(search(client, "ja", "太湖湾")) == [corpus["ja"]["taihu"]]
    assert result_titles(search(client, "en", "太湖湾")) == []


def test_characters_in_another_order_are_not_a_match(client, corpus):
    # 半, 导 and 体 all occur in three pages, but only ever as 半导体.
    assert len(result_titles(search(client, "zh-hans", "半导体"))) == 3
    assert result_titles(search(client, "zh-hans", "体半导")) == []


def test_publishing_a_change_updates_the_cjk_index(client, site_home, make_page):
    home = locale_home(site_home, "zh-hans")
    page = make_page(
        home,
        StandardPage,
        title="园区新闻",
        locale=home.locale,
        body=body("新能源汽车零部件项目签约。"),
    )
    assert result_titles(search(client, "zh-hans", "新能源")) == ["园区新闻"]

    page.body = body("氢能源示范项目启动。")
    page.save_revision().publish()
    assert result_titles(search(client, "zh-hans", "氢能源")) == ["园区新闻"]
    assert result_titles(search(client, "zh-hans", "新能源汽车")) == []

    page.unpublish()
    assert result_titles(search(client, "zh-hans", "氢能源")) == []


def test_index_text_has_bigrams_single_characters_and_latin_of_mixed_words():
    assert cjk_index_text("SK海力士 invests") == "SK 海 力 士 海力 力士"
    assert cjk_index_text("锡 is one character") == "锡"
    assert cjk_index_text("English only") == ""
    # Half-width katakana is indexed as the full-width characters people type.
    assert cjk_index_text("ﾊｲﾆｯｸｽ") == cjk_index_text("ハイニックス")


def test_query_tokens_are_bigrams_and_latin_words():
    assert normalise_query("半导体").search_string == "半导 导体"
    assert normalise_query("SK하이닉스").search_string == "SK 하이 이닉 닉스"
    assert normalise_query("锡").search_string == "锡"
    query = normalise_query("하이닉스투자")
    assert query.terms == ("하이닉스투자",)
    assert "하이 이닉 닉스 투자" in query.relaxed_search_strings()
    assert normalise_query("半导体 产业").relaxed_search_strings() == []
