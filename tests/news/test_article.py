"""The article page: source line, dates, images and captions, tags, related, JSON-LD."""

import json
import re

import pytest
from wagtail.models import Page

from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.news.models import NewsArticlePage, NewsArticleRelatedLink, NewsIndexPage

from .conftest import day

pytestmark = pytest.mark.django_db


def json_ld_documents(html: str) -> list[dict]:
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


@pytest.fixture
def delegation(make_article, news_image):
    photos = [
        news_image(title=f"Delegation photo {n}", alt=f"Illustration of people {n}")
        for n in range(3)
    ]
    body = [
        {
            "type": "image",
            "value": {
                "image": photo.pk,
                "caption": f"Caption number {n}.",
                "credit": "wnd.gov.cn",
                "alt_text": "",
            },
        }
        for n, photo in enumerate(photos)
    ]
    body.insert(1, {"type": "paragraph", "value": "<p>SK Hynix chairman Lee Seok-hee spoke.</p>"})
    return make_article(
        "Wuxi to deepen cooperation with Japan and South Korea",
        day(2019, 6, 4),
        tags=["Japan", "Korea"],
        slug="wuxi-to-deepen-cooperation-with-japan-and-south-korea",
        source_name="chinadaily.com.cn",
        deck="A trade mission to Seoul and Japan.",
        listing_image=news_image(title="Lead", alt="Illustration of office towers"),
        lead_image_caption="The lead picture.",
        body=json.dumps(body),
    )


def test_article_shows_title_deck_and_reference_source_line(client, delegation):
    html = client.get(delegation.url).content.decode()

    assert "<h1>Wuxi to deepen cooperation with Japan and South Korea</h1>" in html
    assert html.count("<h1") == 1
    assert "A trade mission to Seoul and Japan." in html
    assert (
        '<p class="meta source-line"><span class="source">(chinadaily.com.cn)</span> '
        'Updated: <time datetime="2019-06-04">2019-06-04</time></p>'
    ) in html
    assert "First published" not in html


def test_updated_date_and_first_published_date_both_show_when_they_differ(client, make_article):
    article = make_article(
        "Revised story", day(2020, 1, 16), updated_date=day(2020, 2, 3), author="Li Min"
    )

    html = client.get(article.url).content.decode()

    assert '<span class="author">By Li Min</span>' in html
    assert 'Updated: <time datetime="2020-02-03">2020-02-03</time>' in html
    assert 'First published: <time datetime="2020-01-16">2020-01-16</time>' in html


def test_source_is_linked_when_a_url_is_given(client, make_article):
    article = make_article(
        "Linked", day(2021), source_name="bizwnd.com", source_url="https://www.bizwnd.com/"
    )

    html = client.get(article.url).content.decode()

    assert '<a href="https://www.bizwnd.com/" rel="noopener">(bizwnd.com)</a>' in html


def test_images_render_with_alt_text_captions_and_photo_credits(client, delegation):
    html = client.get(delegation.url).content.decode()

    assert html.count("[Photo/wnd.gov.cn]") == 4  # lead image and three body photos
    assert "Caption number 2." in html
    assert "The lead picture." in html
    assert 'alt="Illustration of office towers"' in html
    assert 'alt="Illustration of people 1"' in html
    assert "SK Hynix" in html


def test_tags_link_to_the_filtered_index(client, delegation, news_index):
    html = client.get(delegation.url).content.decode()

    assert f'<a href="{news_index.url}?tag=japan" rel="tag">Japan</a>' in html
    assert f'<a href="{news_index.url}?tag=korea" rel="tag">Korea</a>' in html


def test_related_articles_fall_back_to_newest_sharing_a_tag(client, delegation, make_article):
    make_article("Korea old", day(2018), tags=["Korea"])
    for year in (2020, 2021, 2022):
        make_article(f"Korea {year}", day(year), tags=["Korea"])
    make_article("Unrelated", day(2024), tags=["Culture"])

    html = client.get(delegation.url).content.decode()
    related = html.split('id="news-related-title"')[1]

    assert re.findall(r'<a href="[^"]+">(Korea \w+)</a>', related) == [
        "Korea 2022",
        "Korea 2021",
        "Korea 2020",
    ]
    assert "Unrelated" not in related


def test_explicitly_chosen_related_articles_win(client, make_article):
    chosen = make_article("Chosen story", day(2019), tags=["Other"])
    make_article("Shares a tag", day(2024), tags=["Talent"])
    article = make_article(
        "Main story",
        day(2023),
        tags=["Talent"],
        related_links=[NewsArticleRelatedLink(article=chosen)],
    )

    html = client.get(article.url).content.decode()
    related = html.split('id="news-related-title"')[1]

    assert "Chosen story" in related
    assert "Shares a tag" not in related


def test_article_without_tags_or_related_renders_without_those_sections(client, make_article):
    article = make_article("Plain story", day(2022), source_name="")

    html = client.get(article.url).content.decode()

    assert 'id="news-related-title"' not in html
    assert 'class="news-tags"' not in html
    assert '<p class="meta source-line">Updated: <time datetime="2022-01-01">' in html


def test_news_article_json_ld(client, delegation):
    html = client.get(delegation.url).content.decode()

    documents = json_ld_documents(html)
    article = next(doc for doc in documents if doc["@type"] == "NewsArticle")
    assert article["headline"] == delegation.title
    assert article["datePublished"] == "2019-06-04"
    assert article["dateModified"] == "2019-06-04"
    assert article["image"][0].startswith("http://testserver/")
    assert article["author"] == {"@type": "Organization", "name": "chinadaily.com.cn"}
    assert article["publisher"]["@type"] == "Organization"
    assert article["mainEntityOfPage"]["@id"] == f"http://testserver{delegation.url}"
    assert set(article["keywords"]) == {"Japan", "Korea"}


def test_open_graph_type_is_article(client, delegation):
    html = client.get(delegation.url).content.decode()

    assert '<meta property="og:type" content="article">' in html
    assert '<meta property="article:published_time" content="2019-06-04">' in html


def test_article_head_links_to_the_index_feeds(client, delegation, news_index):
    html = client.get(delegation.url).content.decode()

    assert f'href="{news_index.url}feed/rss/"' in html


def test_page_type_rules(site_home, media_center, news_index, make_article, make_page):
    article = make_article("Story", day(2022))
    standard = make_page(media_center, StandardPage, title="Plain page")

    assert not NewsArticlePage.can_create_at(media_center)
    assert not NewsArticlePage.can_create_at(standard)
    assert not NewsArticlePage.can_create_at(site_home)
    assert NewsArticlePage.can_create_at(news_index)
    assert NewsArticlePage.allowed_parent_page_models() == [NewsIndexPage]
    assert not NewsArticlePage.can_create_at(article)
    assert article.specific_class.allowed_subpage_models() == []
    assert NewsIndexPage.can_create_at(media_center)
    assert not NewsIndexPage.can_create_at(site_home)
    assert NewsIndexPage.allowed_subpage_models() == [NewsArticlePage]
    assert not StandardPage.can_create_at(news_index)
    assert SectionPage in NewsIndexPage.allowed_parent_page_models()
    assert Page.objects.type(NewsArticlePage).count() == 1


def test_search_finds_articles_by_body_and_tag(make_article):
    from wagtail.search.backends import get_search_backend

    make_article(
        "Fab story",
        day(2020),
        tags=["Semiconductors"],
        body=json.dumps([{"type": "paragraph", "value": "<p>DRAM memory output</p>"}]),
    )
    make_article("Other story", day(2020), tags=["Culture"])

    backend = get_search_backend()
    by_body = [p.title for p in backend.search("DRAM", NewsArticlePage)]
    by_tag = [p.title for p in backend.search("Semiconductors", NewsArticlePage)]

    assert by_body == ["Fab story"]
    assert by_tag == ["Fab story"]
