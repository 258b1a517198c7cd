"""Cache poisoning through the port in Host (issue 13, item 2).

nginx's page cache keys on the host name without the port, so anything a page takes
from the request's host:port would be served to everyone for an hour. Two defences:
a Host port the site does not serve is refused (400, never cached), and every
absolute URL a page, the sitemap or a feed contains names the configured Wagtail Site
(or WAGTAILADMIN_BASE_URL when no Site matches), never the request.
"""

import json
from xml.etree import ElementTree

import pytest
from bs4 import BeautifulSoup
from django.utils import translation
from django.utils.translation import gettext
from wagtail.models import Site

from tests.core.test_languages import translate

pytestmark = pytest.mark.django_db

LANGUAGES = {"en": "en", "zh-hans": "zh", "ja": "ja", "ko": "ko"}
SITE = "http://testserver"


@pytest.fixture
def pages(site_home, make_article):
    """Home in four languages, a news article (and so a news index with feeds)."""
    for code in ("zh-hans", "ja", "ko"):
        translate(site_home, code)
    article = make_article("Port of entry", listing_summary="An article.")
    return {"article": article, "index": article.get_parent().specific}


def _json_ld_urls(value):
    if isinstance(value, dict):
        for item in value.values():
            yield from _json_ld_urls(item)
    elif isinstance(value, list):
        for item in value:
            yield from _json_ld_urls(item)
    elif isinstance(value, str) and value.startswith(("http://", "https://")):
        yield value


def absolute_urls(html: str) -> dict[str, list[str]]:
    """Every absolute URL of a page, by where it stands (canonical, hreflang, og:url ...)."""
    soup = BeautifulSoup(html, "html.parser")
    found = {
        "canonical": [tag["href"] for tag in soup.select('link[rel="canonical"]')],
        "hreflang": [tag["href"] for tag in soup.select("link[hreflang]")],
        "og:url": [tag["content"] for tag in soup.select('meta[property="og:url"]')],
        "json-ld": [],
        "other": [],
    }
    for script in soup.select('script[type="application/ld+json"]'):
        found["json-ld"].extend(
            url for url in _json_ld_urls(json.loads(script.string)) if "schema.org" not in url
        )
    listed = {url for urls in found.values() for url in urls}
    for tag in soup.find_all(True):
        for value in tag.attrs.values():
            absolute = isinstance(value, str) and value.startswith(("http://", "https://"))
            if absolute and value not in listed:
                found["other"].append(value)
    return found


def parse_xml(content: bytes) -> ElementTree.Element:
    return ElementTree.fromstring(content)  # noqa: S314 - our own output, parsed in a test


def off_site(urls, origin=SITE) -> list[str]:
    return [url for url in urls if not url.startswith(origin + "/")]


def direct(port: int) -> dict:
    """A request made straight to an app server listening on `port`, naming that port."""
    return {"HTTP_HOST": f"testserver:{port}", "SERVER_PORT": str(port)}


def test_a_port_the_site_does_not_serve_is_refused_in_every_language(client, pages):
    article = pages["article"]
    for code, prefix in LANGUAGES.items():
        response = client.get(f"/{prefix}/", HTTP_HOST="testserver:65535")
        assert response.status_code == 400, prefix
        assert "no-store" in response["Cache-Control"]
        soup = BeautifulSoup(response.content, "html.parser")
        with translation.override(code):
            expected = gettext("This site does not answer on that port")
        assert soup.find("h1").get_text(strip=True) == expected, prefix
        # Nothing of the page itself, so nothing worth caching.
        assert soup.select('link[rel="canonical"]') == []
    for url in (
        article.url,
        "/sitemap.xml",
        "/robots.txt",
        pages["index"].url + "feed/rss/",
        pages["index"].url + "feed/atom/",
        "/admin/login/",
    ):
        assert client.get(url, HTTP_HOST="testserver:65535").status_code == 400, url


def test_ports_the_site_serves_are_answered(client, pages):
    for host in ("testserver", "testserver:80", "testserver:443"):
        response = client.get("/en/", HTTP_HOST=host)
        assert response.status_code == 200, host
        assert absolute_urls(response.content.decode())["canonical"] == [SITE + "/en/"]
    # A Site configured on another port (development on :8000, a test cluster ...).
    site = Site.objects.get(is_default_site=True)
    site.port = 8000
    site.save()
    response = client.get("/en/", HTTP_HOST="testserver:8000")
    assert response.status_code == 200
    assert absolute_urls(response.content.decode())["canonical"] == ["http://testserver:8000/en/"]
    # The port of WAGTAILADMIN_BASE_URL is one too.
    assert client.get("/en/", HTTP_HOST="testserver:65535").status_code == 400


def test_health_checks_answer_on_any_port(client, pages):
    response = client.get("/healthz", HTTP_HOST="testserver:65535")
    assert response.status_code == 200


def test_every_absolute_url_names_the_site_when_an_app_server_is_reached_directly(client, pages):
    """A request straight to an app server (its own port in Host) is answered, but no
    absolute URL in what it renders takes that port: the page could reach the cache."""
    for prefix in LANGUAGES.values():
        response = client.get(f"/{prefix}/", **direct(8001))
        assert response.status_code == 200
        urls = absolute_urls(response.content.decode())
        assert urls["canonical"] == urls["og:url"] == [f"{SITE}/{prefix}/"], prefix
        assert set(urls["hreflang"]) == {f"{SITE}/{p}/" for p in LANGUAGES.values()}, prefix
        assert urls["json-ld"], prefix
        for where, values in urls.items():
            assert off_site(values) == [], (prefix, where)

    article = pages["article"]
    response = client.get(article.url, **direct(8001))
    urls = absolute_urls(response.content.decode())
    assert urls["canonical"] == [SITE + article.url]
    assert SITE + article.url in urls["json-ld"]
    for where, values in urls.items():
        assert off_site(values) == [], where

    sitemap = parse_xml(client.get("/sitemap.xml", **direct(8001)).content)
    locations = [
        loc.text for loc in sitemap.iter("{http://www.sitemaps.org/schemas/sitemap/0.9}loc")
    ]
    assert SITE + article.url in locations
    assert off_site(locations) == []

    for feed in ("feed/rss/", "feed/atom/"):
        root = parse_xml(client.get(pages["index"].url + feed, **direct(8001)).content)
        links = [el.get("href") or el.text for el in root.iter() if el.tag.endswith("link")]
        links += [el.text for el in root.iter() if el.tag.endswith(("guid", "id"))]
        links = [link for link in links if link and link.startswith("http")]
        assert SITE + article.url in links, feed
        assert off_site(links) == [], feed


def test_without_a_matching_site_absolute_urls_come_from_the_admin_base_url(
    client, site_home, settings
):
    """No Site for this host and no default Site: robots.txt still names the public
    address (WAGTAILADMIN_BASE_URL), not the Host header."""
    settings.WAGTAILADMIN_BASE_URL = "https://invest.example.org"
    Site.objects.update(hostname="invest.example.org", port=443, is_default_site=False)
    response = client.get("/robots.txt", **direct(8001))
    sitemap_lines = [
        line for line in response.content.decode().splitlines() if line.startswith("Sitemap:")
    ]
    assert sitemap_lines == ["Sitemap: https://invest.example.org/sitemap.xml"]
