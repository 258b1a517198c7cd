"""The language cookie's flags in production, and language links that do not carry a
crafted query string of any length into every page."""

import json

import pytest

from tests.ops.test_production_settings import run
from zoneportal.core.alternates import MAX_CARRIED_QUERY

LANGUAGE_COOKIE = """
import json
from django.conf import settings as s
print(json.dumps([s.LANGUAGE_COOKIE_SECURE, s.LANGUAGE_COOKIE_HTTPONLY,
                  s.LANGUAGE_COOKIE_SAMESITE, s.SESSION_COOKIE_SECURE]))
"""


@pytest.mark.parametrize(("https", "secure"), [("true", True), ("false", False)])
def test_production_language_cookie_is_secure_httponly_and_lax(https, secure):
    result = run(LANGUAGE_COOKIE, {"HTTPS": https})
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout) == [secure, True, "Lax", secure]


def _hrefs(html: str, prefix: str) -> list[str]:
    """The links to `prefix`'s search page, without the switch's choice marker."""
    import re
    from html import unescape

    found = re.findall(rf'href="(/{prefix}/search/[^"]*)"', html)
    return [re.sub(r"[?&]set_language=[a-z-]+$", "", unescape(href)) for href in found]


@pytest.mark.django_db
def test_a_short_query_is_carried_into_the_language_links(client, site_home):
    html = client.get("/en/search/?q=wafer").content.decode()
    assert "/zh/search/?q=wafer" in _hrefs(html, "zh")


@pytest.mark.django_db
def test_a_long_query_string_is_dropped_from_the_language_links(client, site_home):
    long_query = "q=wafer&" + "&".join(f"p{n}={'x' * 20}" for n in range(40))
    assert len(long_query) > MAX_CARRIED_QUERY
    response = client.get(f"/en/search/?{long_query}")
    assert response.status_code == 200
    html = response.content.decode()
    assert "x" * 20 not in html.split("<main")[0]  # not in the head's hreflang links
    links = _hrefs(html, "zh") + _hrefs(html, "ja") + _hrefs(html, "ko")
    assert links and all("?" not in link for link in links), links
