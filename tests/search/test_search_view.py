"""The site search page: results, highlighting, pagination, scoping and robustness."""

import re
from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Locale, PageViewRestriction

from tests.html import result_titles, soup, visible_text
from zoneportal.core.models import HomePage, SectionPage, SiteImage, StandardPage
from zoneportal.demo.builder import rich, stream

pytestmark = pytest.mark.django_db

HYNIX_TEXT = (
    "SK Hynix opened an advanced memory packaging line in the district this spring, "
    "adding high-bandwidth memory capacity for AI servers and hiring local engineers."
)


@pytest.fixture
def media_center(site_home, make_page):
    return make_page(site_home, SectionPage, title="Media Center")


def body(*paragraphs):
    return stream(("paragraph", rich(*paragraphs)))


def search(client, q=None, **params):
    if q is not None:
        params["q"] = q
    response = client.get(reverse("search"), params)
    assert response.status_code == 200
    return response, response.content.decode()


def test_search_url_is_language_prefixed(site_home):
    assert reverse("search") == "/en/search/"


def test_finds_page_by_body_text_and_marks_terms(client, media_center, make_page):
    page = make_page(
        media_center,
        StandardPage,
        title="Memory maker expands in Xinwu",
        listing_summary="A new packaging line for high-bandwidth memory.",
        body=body("Background about the district.", HYNIX_TEXT),
    )
    make_page(media_center, StandardPage, title="Parks", body=body("Green spaces and lakes."))

    response, html = search(client, "SK Hynix")
    assert result_titles(html) == ["Memory maker expands in Xinwu"]
    assert f'href="{page.url}"' in html
    assert "<mark>SK Hynix</mark> opened an advanced memory packaging line" in html
    assert "1 result for “SK Hynix”" in html
    # Section and page type label the result.
    assert "<span>Media Center</span> · <span>Standard page</span>" in html


def test_search_is_case_insensitive(client, media_center, make_page):
    make_page(media_center, StandardPage, title="Chip news", body=body(HYNIX_TEXT))
    _, html = search(client, "sk HYNIX")
    assert result_titles(html) == ["Chip news"]
    assert "<mark>SK Hynix</mark>" in html


def test_all_terms_must_match_and_title_is_highlighted(client, media_center, make_page):
    make_page(media_center, StandardPage, title="Hynix memory line", body=body(HYNIX_TEXT))
    make_page(media_center, StandardPage, title="Hynix history", body=body("Founded long ago."))
    _, html = search(client, "hynix servers")
    assert result_titles(html) == ["Hynix memory line"]
    assert "<mark>Hynix</mark> memory line" in html


def test_summary_and_structured_blocks_are_searched(client, media_center, make_page):
    make_page(
        media_center,
        StandardPage,
        title="Contacts",
        body=stream(
            ("heading", {"text": "Investment promotion bureau", "level": "h2"}),
            ("quote", {"text": "Biomedicine clusters grow fast here.", "attribution": "A."}),
        ),
    )
    _, html = search(client, "biomedicine")
    assert result_titles(html) == ["Contacts"]
    assert "<mark>Biomedicine</mark> clusters grow fast here." in html


def test_result_shows_publication_date_when_page_has_one(client, media_center, make_page):
    from zoneportal.news.models import NewsArticlePage, NewsIndexPage

    index = make_page(media_center, NewsIndexPage, title="News")
    article = make_page(
        index,
        NewsArticlePage,
        title="SK Hynix expands packaging",
        publication_date=date(2024, 5, 20),
        body=body(HYNIX_TEXT),
    )
    _, html = search(client, "SK Hynix")
    assert result_titles(html) == ["SK Hynix expands packaging"]
    assert f'href="{article.url}"' in html
    assert '<time datetime="2024-05-20">2024-05-20</time>' in html
    assert "<mark>SK Hynix</mark> opened" in html


def test_pagination_over_25_results_keeps_query(client, media_center, make_page):
    for number in range(25):
        make_page(
            media_center,
            StandardPage,
            title=f"Semiconductor report {number:02d}",
            body=body("Semiconductor output keeps growing."),
        )
    _, first = search(client, "semiconductor report")
    assert "25 results for “semiconductor report”" in first
    assert len(result_titles(first)) == 10
    assert 'href="?q=semiconductor+report&amp;page=2"' in first
    assert 'href="?q=semiconductor+report&amp;page=3"' in first
    assert '<ol class="search-results__list" start="1">' in first

    _, third = search(client, "semiconductor report", page="3")
    assert len(result_titles(third)) == 5
    assert '<ol class="search-results__list" start="21">' in third

    pages = [set(result_titles(search(client, "semiconductor report", page=n)[1])) for n in "123"]
    assert set.union(*pages) == {f"Semiconductor report {n:02d}" for n in range(25)}
    assert sum(len(p) for p in pages) == 25


@pytest.mark.parametrize("page", ["abc", "0", "-1", "2.5", "99999999999999999999", "", "٣"])
def test_invalid_page_numbers_do_not_fail(client, media_center, make_page, page):
    for number in range(12):
        make_page(media_center, StandardPage, title=f"Logistics {number}")
    _, html = search(client, "logistics", page=page)
    assert len(result_titles(html)) in (10, 2)


def test_out_of_range_page_shows_last_page(client, media_center, make_page):
    for number in range(12):
        make_page(media_center, StandardPage, title=f"Logistics {number}")
    _, html = search(client, "logistics", page="50")
    assert len(result_titles(html)) == 2


def test_only_live_public_pages_are_found(client, media_center, make_page):
    make_page(media_center, StandardPage, title="Hynix public")
    draft = StandardPage(title="Hynix draft", slug="hynix-draft", live=False)
    media_center.add_child(instance=draft)
    draft.save_revision()
    private = make_page(media_center, StandardPage, title="Hynix private")
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.PASSWORD, password="secret"
    )
    private_parent = make_page(media_center, StandardPage, title="Members area")
    PageViewRestriction.objects.create(
        page=private_parent, restriction_type=PageViewRestriction.LOGIN
    )
    make_page(private_parent, StandardPage, title="Hynix members only")
    unpublished = make_page(media_center, StandardPage, title="Hynix withdrawn")
    unpublished.unpublish()

    _, html = search(client, "hynix")
    assert result_titles(html) == ["Hynix public"]


def test_only_active_locale_is_searched(client, site_home, media_center, make_page):
    make_page(media_center, StandardPage, title="Hynix in English")
    french, _ = Locale.objects.get_or_create(language_code="fr")
    french_home = site_home.copy_for_translation(french)
    french_home.save_revision().publish()
    french_home = HomePage.objects.get(pk=french_home.pk)
    make_page(french_home, StandardPage, title="Hynix en français", locale=french)

    _, html = search(client, "hynix")
    assert result_titles(html) == ["Hynix in English"]


def test_empty_and_whitespace_queries_show_form_with_hint(client, site_home):
    # Tab and newlines in a query value are read as spaces (security/input_guard.py).
    for query in (None, "", "   ", "\t\n", "\u3000 \u3000", "\u200b\u200b"):
        _, html = search(client, query)
        assert "<h1>Search</h1>" in html
        assert '<label for="search-page-q">' in html
        assert 'id="search-page-hint"' in html
        assert "result for" not in html and "results for" not in html
        assert "<title>Search |" in html


def test_page_is_not_indexed_and_titled_with_query(client, site_home):
    response, html = search(client, "hynix")
    assert '<meta name="robots" content="noindex">' in html
    assert response["X-Robots-Tag"] == "noindex"
    assert "<title>Search: hynix |" in html
    assert html.count("<h1") == 1
    assert "0 results for “hynix”" in html
    assert "Check the spelling" in html


def test_very_long_query_is_truncated_with_notice(client, media_center, make_page):
    make_page(media_center, StandardPage, title="Hynix")
    _, html = search(client, "hynix " + "x" * 10_000)
    assert "only its first 200 characters were used" in html
    match = re.search(r'id="search-page-q" name="q" value="([^"]*)"', html)
    assert match and len(match.group(1)) <= 200


def test_script_query_is_escaped(client, media_center, make_page):
    make_page(media_center, StandardPage, title="Script safety", body=body("Alert: script x"))
    payload = '<script>alert("x")</script>'
    response, html = search(client, payload)
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    # The words in it are still searched and highlighted, safely.
    assert result_titles(html) == ["Script safety"]


def test_script_in_content_is_escaped_in_snippet(client, media_center, make_page):
    make_page(
        media_center,
        StandardPage,
        title="Hostile summary",
        listing_summary='Hynix <script>alert("pwned")</script> <img src=x onerror=alert(1)>',
    )
    _, html = search(client, "hynix")
    assert result_titles(html) == ["Hostile summary"]
    assert 'alert("pwned")' not in html
    assert "<img src=x" not in html
    assert "<mark>Hynix</mark> &lt;script&gt;" in html


FOUND = "found"  # the Hynix page is listed
ANSWERED = "answered"  # a coherent count and list (the engines differ on stop words)
NO_WORDS = "no words"  # the page asks for a word
REFUSED = "refused"  # control characters: the localized 400 (tests/security/test_inputs.py)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("hy\x00nix", REFUSED),
        ("\x00", REFUSED),
        ("\u200bhynix\u200d", FOUND),
        ('"', NO_WORDS),
        ('"hynix', FOUND),
        ("hynix*", FOUND),
        ("NEAR(hynix", ANSWERED),
        ("-hynix", FOUND),
        ("hynix OR", ANSWERED),
        ("it's", ANSWERED),
        ("a\\b", ANSWERED),
        ("%_%", NO_WORDS),
        ("💾 hynix", FOUND),
        ("the", ANSWERED),
        ("of and the", ANSWERED),
        ("the hynix", ANSWERED),
    ],
)
def test_odd_queries_get_an_answer_the_visitor_can_read(
    client, media_center, make_page, query, expected
):
    make_page(media_center, StandardPage, title="Hynix plant")
    response = client.get(reverse("search"), {"q": query})
    if expected == REFUSED:
        assert response.status_code == 400
        assert "control characters" in visible_text(response, "main")
        return
    assert response.status_code == 200
    typed = query.replace("\u200b", "").replace("\u200d", "")
    # The query comes back in the search box as typed (escaping undone by the parser).
    assert soup(response).select_one("#search-page-q")["value"] == typed
    titles = result_titles(response)
    count = visible_text(response, ".search-results__count")
    if expected == NO_WORDS:
        assert "contains no letters or numbers" in visible_text(response, ".search-page__notice")
        assert titles == [] and count == ""
        return
    plural = "result" if len(titles) == 1 else "results"
    assert count == f"{len(titles)} {plural} for “{typed}”"
    assert set(titles) <= {"Hynix plant"}
    if expected == FOUND:
        assert titles == ["Hynix plant"]


def test_invalid_utf8_in_query_string_is_searched_without_it(client, media_center, make_page):
    make_page(media_center, StandardPage, title="Hynix plant")
    response = client.get(reverse("search") + "?q=%ED%A0%80%FFhynix&page=%FF")
    assert response.status_code == 200
    assert result_titles(response) == ["Hynix plant"]


def test_invalid_utf8_with_a_nul_byte_gets_the_localized_400(client, site_home):
    response = client.get(reverse("search") + "?q=%ED%A0%80%FF%00hynix&page=%FF")
    assert response.status_code == 400
    assert "control characters" in visible_text(response, "main")


def test_zero_width_characters_do_not_split_words(client, media_center, make_page):
    make_page(media_center, StandardPage, title="Hynix plant")
    _, html = search(client, "Hy\u200bnix")
    assert result_titles(html) == ["Hynix plant"]


def test_query_without_words_asks_for_a_word(client, site_home):
    _, html = search(client, "<> !!! ***")
    assert "contains no letters or numbers" in html
    assert "results for" not in html
    assert "&lt;&gt; !!! ***" in html


def test_post_is_not_allowed(client, site_home):
    assert client.post(reverse("search"), {"q": "hynix"}).status_code == 405


def _count_queries(client, query):
    for _ in range(2):  # warm the site, navigation and footer caches
        client.get(reverse("search"), {"q": query})
    with CaptureQueriesContext(connection) as captured:
        response = client.get(reverse("search"), {"q": query})
    assert response.status_code == 200
    return len(captured.captured_queries)


def test_query_count_does_not_grow_with_results(
    client, media_center, make_page, django_assert_max_num_queries
):
    # Chooser blocks in bodies must not be resolved to build snippets.
    image = SiteImage.objects.create(
        title="Robot arm", description="A robot arm", file="robot.jpg", width=640, height=360
    )
    for number in range(30):
        rich_body = stream(
            ("paragraph", rich(f"Robotics item {number} with details.")),
            ("image", {"image": image.pk, "caption": "Robotics line", "credit": ""}),
        )
        make_page(
            media_center,
            StandardPage,
            title=f"Robotics {number}",
            listing_summary=("Wide robotics" if number < 5 else "Narrow robotics"),
            body=rich_body,
        )
    few = _count_queries(client, "wide robotics")
    many = _count_queries(client, "robotics")
    assert "5 results" in search(client, "wide robotics")[1]
    assert "30 results" in search(client, "robotics")[1]
    assert few == many
    with django_assert_max_num_queries(8):
        client.get(reverse("search"), {"q": "robotics"})
