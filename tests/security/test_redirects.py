"""Open redirects: next= on sign-in and sign-out, language switch and root redirect."""

import re

import pytest
from django.test import Client

from .conftest import PASSWORD

EVIL = [
    "//evil.com",
    "https://evil.com/",
    "/\\evil.com",
    "\\\\evil.com",
    "javascript:alert(1)",
    "http:/evil.com",
    " //evil.com",
    "/\t/evil.com",
    "/\r\n/evil.com",
]


def is_same_site(location: str) -> bool:
    """What a browser would do: strip tabs and newlines, treat backslashes as slashes."""
    from urllib.parse import urlsplit

    cleaned = re.sub(r"[\t\r\n]", "", location).replace("\\", "/")
    parts = urlsplit(cleaned)
    return not parts.scheme and not parts.netloc and cleaned.startswith("/")


@pytest.mark.parametrize("target", EVIL)
@pytest.mark.django_db
def test_sign_in_next_is_same_site_only(admin_user, target):
    client = Client()
    response = client.post(
        "/admin/login/", {"username": "chief", "password": PASSWORD, "next": target}
    )
    assert response.status_code == 302
    assert is_same_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", EVIL)
@pytest.mark.django_db
def test_already_signed_in_next_is_same_site_only(signed_in, target):
    response = signed_in.get("/admin/login/", {"next": target})
    assert is_same_site(response["Location"]), response["Location"]


@pytest.mark.parametrize("target", EVIL)
@pytest.mark.django_db
def test_sign_out_next_is_same_site_only(signed_in, target):
    response = signed_in.post("/admin/logout/", {"next": target})
    assert is_same_site(response["Location"]), response["Location"]


@pytest.mark.parametrize(
    "cookie", ["//evil.com", "https://evil.com", "../../", "zh\r\nLocation: x"]
)
@pytest.mark.django_db
def test_root_redirect_stays_on_site_whatever_the_cookie_or_header(client, site_home, cookie):
    client.cookies["django_language"] = cookie
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="//evil.com, https://evil.com;q=0.9")
    assert response.status_code == 302
    assert response["Location"] in {"/en/", "/zh/", "/ja/", "/ko/"}


@pytest.mark.django_db
def test_language_switch_links_are_same_site_paths(client, site_home):
    import re

    html = client.get("/en/", HTTP_HOST="testserver").content.decode()
    switch = html.split('class="language-switch"', 1)[1].split("</nav>", 1)[0]
    for href in re.findall(r'href="([^"]+)"', switch):
        assert href.startswith("/") and not href.startswith("//"), href


@pytest.mark.django_db
def test_unknown_url_with_a_redirect_parameter_does_not_redirect_off_site(client, site_home):
    for url in ("/en/?next=//evil.com", "/en/search/?next=https://evil.com&q=a"):
        response = client.get(url)
        assert response.status_code == 200
        assert "Location" not in response
