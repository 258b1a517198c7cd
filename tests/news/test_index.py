"""The news index: ordering, pagination, filters and feeds."""

import re
import xml.etree.ElementTree as ET

import pytest

from zoneportal.news.models import NewsArticlePage

from .conftest import day

pytestmark = pytest.mark.django_db


def parse_feed(content: bytes) -> ET.Element:
    return ET.fromstring(content)  # noqa: S314 - our own output, parsed in a test


def titles_in(html: str) -> list[str]:
    return re.findall(r'class="news-item__title"><a href="[^"]+">([^<]+)</a>', html)


def test_index_lists_articles_newest_first_with_date_source_and_summary(
    client, news_index, make_article
):
    make_article("Older story", day(2020, 5, 1), source_name="bizwnd.com")
    make_article("Newest story", day(2024, 3, 9), source_name="chinadaily.com.cn")
    make_article("Middle story", day(2022, 7, 15))

    response = client.get(news_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert titles_in(html) == ["Newest story", "Middle story", "Older story"]
    assert '<time datetime="2024-03-09">2024-03-09</time>' in html
    assert "(chinadaily.com.cn)" in html
    assert "Summary of Middle story." in html
    assert html.count("<h1") == 1


def test_index_shows_listing_image_thumbnail_with_alt_text(
    client, news_index, make_article, news_image
):
    image = news_image(title="Fab", alt="Illustration of a chip factory")
    make_article("Chip plant opens", day(2021), listing_image=image)

    html = client.get(news_index.url).content.decode()

    assert 'alt="Illustration of a chip factory"' in html


def test_drafts_and_articles_of_other_indexes_are_not_listed(
    client, news_index, media_center, make_article, make_page
):
    from zoneportal.news.models import NewsIndexPage

    make_article("Visible", day(2023))
    draft = make_article("Unpublished draft", day(2024))
    draft.unpublish()
    other_index = make_page(media_center, NewsIndexPage, title="Press", slug="press")
    make_article("Press release", day(2024), parent=other_index)

    assert titles_in(client.get(news_index.url).content.decode()) == ["Visible"]


def test_pagination_puts_the_thirteenth_article_on_page_two(client, news_index, make_article):
    for number in range(13):
        make_article(f"Story {number:02d}", day(2020, 1, number + 1))

    first = client.get(news_index.url).content.decode()
    second = client.get(news_index.url, {"page": 2}).content.decode()

    assert len(titles_in(first)) == 12
    assert titles_in(first)[0] == "Story 12"
    assert titles_in(second) == ["Story 00"]
    assert 'rel="next" href="?page=2"' in first


@pytest.mark.parametrize("bad_page", ["999", "abc", "-1", "0", ""])
def test_bad_page_numbers_fall_back_to_a_real_page(client, news_index, make_article, bad_page):
    for number in range(13):
        make_article(f"Story {number:02d}", day(2020, 1, number + 1))

    response = client.get(news_index.url, {"page": bad_page})

    assert response.status_code == 200
    assert len(titles_in(response.content.decode())) in (1, 12)


def test_tag_filter_narrows_the_list_and_keeps_filter_in_pagination_links(
    client, news_index, make_article
):
    for number in range(14):
        make_article(f"Chip story {number:02d}", day(2021, 2, number + 1), tags=["Semiconductors"])
    make_article("Drug story", day(2022), tags=["Biomedicine"])

    html = client.get(news_index.url, {"tag": "semiconductors"}).content.decode()

    assert "Drug story" not in titles_in(html)
    assert len(titles_in(html)) == 12
    assert 'href="?tag=semiconductors&amp;page=2"' in html
    assert '<option value="semiconductors" selected>Semiconductors</option>' in html
    assert "14 articles match your filters." in html


def test_year_filter_narrows_the_list(client, news_index, make_article):
    make_article("From 2019", day(2019, 6, 4))
    make_article("From 2023", day(2023, 8, 11))

    html = client.get(news_index.url, {"year": "2019"}).content.decode()

    assert titles_in(html) == ["From 2019"]
    assert '<option value="2019" selected>2019</option>' in html
    assert '<option value="2023">2023</option>' in html


def test_tag_and_year_filters_combine(client, news_index, make_article):
    make_article("Korea 2019", day(2019), tags=["Korea"])
    make_article("Korea 2020", day(2020), tags=["Korea"])
    make_article("Japan 2019", day(2019, 5), tags=["Japan"])

    html = client.get(news_index.url, {"tag": "korea", "year": "2019"}).content.decode()

    assert titles_in(html) == ["Korea 2019"]


@pytest.mark.parametrize(
    "params",
    [
        {"tag": "no-such-tag"},
        {"tag": "<script>alert(1)</script>"},
        {"year": "abc"},
        {"year": "99999999999999999999"},
        {"year": "1066"},
        {"year": "-5"},
        {"year": "2019.5"},
        {"tag": "x" * 5000, "year": "", "page": "x"},
    ],
)
def test_bad_filter_values_never_crash(client, news_index, make_article, params):
    make_article("Only story", day(2022))

    response = client.get(news_index.url, params)

    assert response.status_code == 200
    html = response.content.decode()
    assert "<script>alert(1)</script>" not in html
    if "tag" in params:
        assert titles_in(html) == []
        assert "No articles match these filters." in html
    else:
        # A malformed year is ignored.
        assert titles_in(html) == ["Only story"]


def test_filter_form_is_a_labelled_get_form(client, news_index, make_article):
    make_article("Story", day(2022), tags=["Talent"])

    html = client.get(news_index.url).content.decode()

    assert re.search(r'<form class="news-filter" method="get"', html)
    assert '<label for="news-filter-tag">' in html
    assert '<label for="news-filter-year">' in html
    assert '<option value="talent">Talent</option>' in html


def test_head_links_to_both_feeds(client, news_index):
    html = client.get(news_index.url).content.decode()

    assert (
        f'<link rel="alternate" type="application/rss+xml" title="News (RSS)" '
        f'href="{news_index.url}feed/rss/">'
    ) in html
    assert f'type="application/atom+xml" title="News (Atom)" href="{news_index.url}feed/atom/"' in (
        html
    )


def _feed_setup(make_article):
    for number in range(22):
        make_article(
            f"Story {number:02d}",
            day(2020, 1, number + 1),
            tags=["Investment"],
            deck=f"Deck {number}",
        )


def test_rss_feed_is_well_formed_and_lists_newest_20(client, news_index, make_article):
    _feed_setup(make_article)

    response = client.get(news_index.url + "feed/rss/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    root = parse_feed(response.content)
    assert root.tag == "rss" and root.get("version") == "2.0"
    items = root.findall("./channel/item")
    assert len(items) == 20
    assert items[0].findtext("title") == "Story 21"
    assert items[0].findtext("link") == f"http://testserver{news_index.url}story-21/"
    assert items[0].findtext("description") == "Deck 21"
    assert items[0].findtext("category") == "Investment"
    assert "22 Jan 2020" in items[0].findtext("pubDate")


def test_atom_feed_is_well_formed(client, news_index, make_article):
    _feed_setup(make_article)

    response = client.get(news_index.url + "feed/atom/")

    assert response.status_code == 200
    root = parse_feed(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    entries = root.findall("a:entry", ns)
    assert len(entries) == 20
    assert entries[0].findtext("a:title", namespaces=ns) == "Story 21"
    assert entries[0].find("a:link", ns).get("href").endswith("/news/story-21/")
    assert entries[0].findtext("a:updated", namespaces=ns).startswith("2020-01-22")


def test_feed_links_name_the_site_whatever_the_host_header(client, news_index, make_article):
    """Feeds are cached by nginx: a request's Host must not end up in them."""
    _feed_setup(make_article)

    # As if sent straight to an app server listening on that port (a Host port the
    # site does not serve is refused: tests/security/test_host_header.py).
    response = client.get(
        news_index.url + "feed/atom/", HTTP_HOST="localhost:65535", SERVER_PORT="65535"
    )

    root = parse_feed(response.content)
    ns = {"a": "http://www.w3.org/2005/Atom"}
    hrefs = [link.get("href") for link in root.iter("{http://www.w3.org/2005/Atom}link")]
    assert hrefs and all(href.startswith("http://testserver/") for href in hrefs), hrefs
    assert root.find("a:link[@rel='self']", ns).get("href").endswith("/news/feed/atom/")


def test_unknown_sub_route_is_404(client, news_index):
    assert client.get(news_index.url + "feed/json/").status_code == 404


def test_articles_are_ordered_by_pk_within_a_day(client, news_index, make_article):
    make_article("First of the day", day(2024, 4, 1))
    make_article("Second of the day", day(2024, 4, 1))

    titles = titles_in(client.get(news_index.url).content.decode())

    assert titles == ["Second of the day", "First of the day"]
    assert NewsArticlePage.objects.count() == 2
