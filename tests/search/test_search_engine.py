"""The search engine: one ranked statement per search, Wagtail's ordering, the result cache."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page

from zoneportal.core.models import HomePage, StandardPage
from zoneportal.demo.builder import rich, stream
from zoneportal.search.engine import Match, search_window
from zoneportal.search.query import normalise_query
from zoneportal.search.results import searchable_pages

from .cjk_corpus import PAGES, QUERIES
from .test_cjk_search import corpus, locale_home, result_titles  # noqa: F401 - fixture

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _restore_language():
    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def korean(site_home, make_page):
    """The Korean home and three pages of the recall corpus; returns {page id: title}."""
    home = locale_home(site_home, "ko")
    titles = {}
    for page_id in ("hynix", "murata", "delegation"):
        title, text = PAGES["ko"][page_id]
        body = stream(("paragraph", rich(text)))
        make_page(home, StandardPage, title=title, locale=home.locale, body=body)
        titles[page_id] = title
    return titles


def search_statements(captured) -> list[str]:
    """The ranked search statements among captured queries (one per search run)."""
    return [q["sql"] for q in captured.captured_queries if "ROW_NUMBER() OVER" in q["sql"]]


def get(client, language_code, query, **params):
    with translation.override(language_code):
        url = reverse("search")
    response = client.get(url, {"q": query, **params})
    assert response.status_code == 200
    return response.content.decode()


def test_ranking_is_wagtails_own(corpus, site_home):  # noqa: F811 - fixture
    """For every query of the recall table that matches as typed, the engine lists
    the same pages in the same order as Wagtail's `QuerySet.search()`."""
    compared = 0
    for language_code, text, _ids in QUERIES:
        query = normalise_query(text)
        home = HomePage.objects.get(locale__language_code=language_code)
        pages = searchable_pages(home.locale, home)
        wagtail = [p.pk for p in pages.search(query.search_string, operator="and")]
        window = search_window(Match(groups=(query.tokens,)), pages, 0, 100)
        assert list(window.ids) == wagtail, (language_code, text)
        assert window.total == len(wagtail)
        compared += bool(wagtail)
    assert compared >= 40


def test_window_gives_total_past_the_end(site_home, make_page):
    for number in range(5):
        make_page(site_home, StandardPage, title=f"Logistics hub {number}")
    pages = searchable_pages(site_home.locale, site_home)
    match = Match(groups=(("logistics",),))
    assert search_window(match, pages, 0, 2).total == 5
    assert len(search_window(match, pages, 4, 2).ids) == 1
    past = search_window(match, pages, 50, 10)
    assert past.ids == () and past.total == 5
    everything = search_window(match, pages, 0, 10).ids
    pages_of_two = [search_window(match, pages, start, 2).ids for start in (0, 2, 4)]
    assert sum(pages_of_two, ()) == everything


def test_odd_tokens_are_quoted_not_operators(site_home, make_page):
    make_page(site_home, StandardPage, title="Quote test")
    pages = searchable_pages(site_home.locale, site_home)
    for token in ('"', "'", "\\", "NEAR", "OR", "*", ":", "&", "|", "!", "quote"):
        search_window(Match(groups=((token, "test"),)), pages, 0, 10)


def test_exact_search_is_one_statement(client, settings, korean):
    settings.ZONEPORTAL_SEARCH_CACHE_SECONDS = 0
    get(client, "ko", "하이닉스")  # warm site, navigation and footer caches
    with CaptureQueriesContext(connection) as captured:
        html = get(client, "ko", "하이닉스")
    assert len(search_statements(captured)) == 1
    assert not any("COUNT(*) AS" in q["sql"] for q in captured.captured_queries)
    assert set(result_titles(html)) == {korean["hynix"], korean["delegation"]}


def test_relaxed_search_is_two_statements_in_bounded_queries(
    client, settings, korean, django_assert_max_num_queries
):
    """However many ways a long unspaced CJK word can be split, the relaxed search is
    one more statement, not one per alternative."""
    settings.ZONEPORTAL_SEARCH_CACHE_SECONDS = 0
    query = "무라타제작소공장"  # 8 characters: 9 alternatives
    assert len(normalise_query(query).relaxed_token_groups()) > 4
    get(client, "ko", query)
    with django_assert_max_num_queries(10), CaptureQueriesContext(connection) as captured:
        html = get(client, "ko", query)
    assert len(search_statements(captured)) == 2
    assert result_titles(html) == [korean["murata"]]
    assert "입력한 그대로 포함한 페이지가 없습니다" in html


def test_repeated_search_is_served_from_cache(client, korean):
    first = get(client, "ko", "하이닉스투자")
    with CaptureQueriesContext(connection) as captured:
        again = get(client, "ko", "하이닉스투자")
    assert search_statements(captured) == []
    assert result_titles(again) == result_titles(first)
    assert "입력한 그대로 포함한 페이지가 없습니다" in again  # the relaxed flag is cached too
    # Other result pages and other spellings are cached separately. Page 2 is past
    # the end: the relaxed query (after the exact one) finds that, and the clamped
    # page 1 is then the cached one.
    with CaptureQueriesContext(connection) as captured:
        assert result_titles(get(client, "ko", "하이닉스투자", page="2")) == result_titles(first)
        get(client, "ko", "하이닉스 투자")
    assert len(search_statements(captured)) == 3


def test_publishing_invalidates_cached_results(client, site_home, make_page):
    home = locale_home(site_home, "zh-hans")
    first = make_page(home, StandardPage, title="氢能源项目", locale=home.locale)
    assert result_titles(get(client, "zh-hans", "氢能源")) == ["氢能源项目"]

    second = make_page(home, StandardPage, title="氢能源示范园", locale=home.locale)
    assert set(result_titles(get(client, "zh-hans", "氢能源"))) == {"氢能源项目", "氢能源示范园"}

    first.unpublish()
    assert result_titles(get(client, "zh-hans", "氢能源")) == ["氢能源示范园"]

    second.title = "示范园"
    second.save_revision().publish()
    assert result_titles(get(client, "zh-hans", "氢能源")) == []

    assert result_titles(get(client, "zh-hans", "示范园")) == ["示范园"]
    Page.objects.get(pk=second.pk).delete()
    assert result_titles(get(client, "zh-hans", "示范园")) == []


def test_cache_can_be_turned_off(client, settings, site_home, make_page):
    settings.ZONEPORTAL_SEARCH_CACHE_SECONDS = 0
    make_page(site_home, StandardPage, title="Logistics hub")
    get(client, "en", "logistics")
    with CaptureQueriesContext(connection) as captured:
        get(client, "en", "logistics")
    assert len(search_statements(captured)) == 1


def test_alternatives_share_their_common_tokens():
    """The relaxed OR of ANDs is sent as `common AND (rest OR rest ...)`."""
    from zoneportal.search.engine import _fts5_query, _tsquery

    match = Match(groups=(("하이", "이닉", "투자"), ("하이", "닉스", "투자")))
    assert _tsquery(match) == "'하이' & '투자' & (('이닉') | ('닉스'))"
    assert _fts5_query(match) == '{title body} : ("하이" AND "투자" AND (("이닉") OR ("닉스")))'
    # An alternative needing nothing beyond the common tokens makes the others moot.
    assert _tsquery(Match(groups=(("a", "b"), ("a",)))) == "'a'"
    assert _tsquery(Match(groups=(("it's", "a\\b"),))) == "'it''s' & 'a\\\\b'"
