"""Page passwords (Wagtail's PageViewRestriction) cannot be guessed without limit.

Wrong passwords are counted per client address and protected page, and per page over
all addresses (zoneportal.security.ratelimit, PAGE_PASSWORD_*); once limited, even the
right password is answered with the localized 429 page and the page stays closed.
"""

import json
import time

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import translation
from wagtail.models import PageViewRestriction

from zoneportal.core.models import StandardPage

SECRET = "tender-2026-river"  # noqa: S105 - the page's password in this test
WRONG = "guess-0000"
CONTENT = "Reserve price per mu"

pytestmark = pytest.mark.django_db


@pytest.fixture
def limits(settings):
    settings.ZONEPORTAL_PAGE_PASSWORD_FAILURES = 10
    settings.ZONEPORTAL_PAGE_PASSWORD_PAGE_FAILURES = 100
    settings.ZONEPORTAL_PAGE_PASSWORD_SECONDS = 15 * 60
    return settings


def protected(parent, make_page, slug):
    body = json.dumps([{"type": "paragraph", "value": f"<p>{CONTENT} ({slug})</p>"}])
    page = make_page(parent, StandardPage, title=f"Land {slug}", slug=slug, body=body)
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=SECRET
    )
    return page, restriction


@pytest.fixture
def land(site_home, make_page):
    return protected(site_home, make_page, "land-a")


def send(client, page, restriction, password, ip="203.0.113.40", lang="en"):
    """Post the page's password form as the page in `lang` would (its action URL)."""
    with translation.override(lang):
        url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    return client.post(url, {"password": password, "return_url": page.url}, REMOTE_ADDR=ip)


def can_read(client, page, ip="203.0.113.40") -> bool:
    return f"{CONTENT} ({page.slug})" in client.get(page.url, REMOTE_ADDR=ip).content.decode()


def test_the_right_password_opens_the_page(client, land, limits):
    page, restriction = land
    assert not can_read(client, page)
    assert send(client, page, restriction, SECRET).status_code == 302
    assert can_read(client, page)


def test_ten_wrong_then_right_is_refused_with_a_localized_429(client, land, limits):
    page, restriction = land
    for _ in range(10):
        assert send(client, page, restriction, WRONG).status_code == 200  # the form again
    response = send(client, page, restriction, SECRET, lang="ja")
    assert response.status_code == 429
    assert int(response["Retry-After"]) == 15 * 60
    assert "no-store" in response["Cache-Control"]
    with translation.override("ja"):
        heading = translation.gettext("Too many requests")
        wait = translation.ngettext(
            "Too many wrong passwords for this page. Please wait %(minutes)s minute and try again.",
            "Too many wrong passwords for this page. Please wait %(minutes)s minutes "
            "and try again.",
            15,
        ) % {"minutes": 15}
    assert heading != "Too many requests" and not wait.startswith("Too many")
    html = response.content.decode()
    assert heading in html and wait in html
    assert not can_read(client, page), "the right password must not open a limited page"


def test_another_page_and_another_address_are_unaffected(
    client, land, limits, site_home, make_page
):
    page, restriction = land
    other_page, other_restriction = protected(site_home, make_page, "land-b")
    for _ in range(10):
        send(client, page, restriction, WRONG)
    assert send(client, page, restriction, SECRET).status_code == 429
    # The same visitor on another protected page.
    assert send(client, other_page, other_restriction, SECRET).status_code == 302
    assert can_read(client, other_page)
    # Another visitor on the same page.
    colleague = Client()
    assert send(colleague, page, restriction, SECRET, ip="198.51.100.41").status_code == 302
    assert can_read(colleague, page, ip="198.51.100.41")


def test_guesses_from_many_addresses_are_limited_per_page(client, land, limits):
    limits.ZONEPORTAL_PAGE_PASSWORD_PAGE_FAILURES = 12
    page, restriction = land
    for n in range(12):  # a botnet: one guess from each address
        send(Client(), page, restriction, WRONG, ip=f"192.0.2.{n}")
    assert send(client, page, restriction, SECRET, ip="192.0.2.200").status_code == 429


def test_the_page_opens_again_after_the_window(client, land, limits):
    limits.ZONEPORTAL_PAGE_PASSWORD_SECONDS = 1
    page, restriction = land
    for _ in range(10):
        send(client, page, restriction, WRONG)
    assert send(client, page, restriction, SECRET).status_code == 429
    time.sleep(1.2)
    assert send(client, page, restriction, SECRET).status_code == 302
    assert can_read(client, page)
