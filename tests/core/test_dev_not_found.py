"""`make run` (DEBUG on) shows the site's own 404 page, not Django's technical one."""

import pytest

pytestmark = pytest.mark.django_db

TECHNICAL_MARK = "DEBUG = True"


@pytest.mark.parametrize("url", ["/en/no-such-page/", "/ja/about/no-such-page/"])
def test_unknown_page_shows_the_site_404_with_debug_on(client, site_home, settings, url):
    settings.DEBUG = True
    response = client.get(url)
    assert response.status_code == 404
    html = response.content.decode()
    assert TECHNICAL_MARK not in html
    assert 'class="site-header"' in html, "the page has the site's own chrome"
    assert 'id="notfound-search-q"' in html, "and the 404 page's search box"


def test_url_no_pattern_matches_shows_the_site_404_with_debug_on(client, site_home, settings):
    settings.DEBUG = True
    response = client.get("/en/no.such.page/")  # no URL pattern matches a dot
    assert response.status_code == 404
    assert 'id="notfound-search-q"' in response.content.decode()


def test_developers_can_ask_for_the_technical_page(client, site_home, settings):
    settings.DEBUG = True
    settings.ZONEPORTAL_TECHNICAL_404 = True
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    assert TECHNICAL_MARK in response.content.decode()
