"""Site chrome in <head>: feed autodiscovery, and one host for every absolute URL."""

import re

import pytest
from wagtail.models import Site

from tests.core.test_languages import translate
from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.news.models import NewsIndexPage

pytestmark = pytest.mark.django_db

# A request straight to an app server listening on :8080 under another address (a Host
# port the site does not serve is refused: tests/security/test_host_header.py).
APP_SERVER_8080 = {"HTTP_HOST": "203.0.113.7:8080", "SERVER_PORT": "8080"}


def feed_links(html: str) -> dict[str, str]:
    """{type: href} of the feed autodiscovery links in <head>."""
    head = html.split("</head>", 1)[0]
    found = re.findall(
        r'<link rel="alternate" type="(application/[a-z+]+)"[^>]* href="([^"]+)"', head
    )
    return dict(found)


@pytest.fixture
def news_index(site_home, make_page):
    media = make_page(site_home, SectionPage, title="Media Center")
    return make_page(media, NewsIndexPage, title="News")


def test_home_page_announces_the_news_feeds_of_its_language(client, site_home, news_index):
    assert feed_links(client.get("/en/").content.decode()) == {
        "application/rss+xml": "/en/media-center/news/feed/rss/",
        "application/atom+xml": "/en/media-center/news/feed/atom/",
    }
    translate(news_index, "ja")
    japanese = feed_links(client.get("/ja/").content.decode())
    assert japanese["application/rss+xml"] == "/ja/media-center/news/feed/rss/"
    assert client.get(japanese["application/rss+xml"])["Content-Type"].startswith(
        "application/rss+xml"
    )


def test_news_index_announces_its_feeds(client, news_index):
    links = feed_links(client.get(news_index.url).content.decode())
    assert links["application/rss+xml"] == "/en/media-center/news/feed/rss/"


def test_home_page_without_news_has_no_feed_link(client, site_home):
    assert feed_links(client.get("/en/").content.decode()) == {}


def test_every_absolute_url_uses_the_configured_site_not_the_request_host(
    client, site_home, make_page, settings
):
    settings.ALLOWED_HOSTS = ["*"]
    Site.objects.filter(is_default_site=True).update(hostname="invest.example.org", port=443)
    about = make_page(site_home, SectionPage, title="About")
    overview = make_page(about, StandardPage, title="Overview")
    translate(overview, "ja")
    html = client.get("/en/about/overview/", **APP_SERVER_8080).content.decode()
    head = html.split("</head>", 1)[0]
    canonical = re.findall(r'<link rel="canonical" href="([^"]+)"', head)
    og_url = re.findall(r'<meta property="og:url" content="([^"]+)"', head)
    hreflang = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]+)"', head)
    assert canonical == og_url == ["https://invest.example.org/en/about/overview/"]
    assert set(hreflang) == {
        "https://invest.example.org/en/about/overview/",
        "https://invest.example.org/ja/about/overview/",
    }
    assert "203.0.113.7" not in head

    sitemap = client.get("/sitemap.xml", **APP_SERVER_8080).content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", sitemap)
    assert "https://invest.example.org/ja/about/overview/" in locations
    assert all(loc.startswith("https://invest.example.org/") for loc in locations), locations

    robots = client.get("/robots.txt", **APP_SERVER_8080).content.decode()
    assert "Sitemap: https://invest.example.org/sitemap.xml" in robots
