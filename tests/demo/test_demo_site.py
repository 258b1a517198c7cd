"""The whole demo site: loads idempotently and every page renders valid, accessible HTML."""

import re
from html.parser import HTMLParser

import html5lib
import pytest
from django.db import transaction
from django.test import override_settings
from wagtail.models import Page

from zoneportal.demo import loader

pytestmark = pytest.mark.django_db


class _ImageAndScriptAudit(HTMLParser):
    """Collects <img> without alt, inline scripts and inline event handlers."""

    def __init__(self):
        super().__init__()
        self.images_without_alt = []
        self.inline_scripts = 0
        self.event_handlers = []
        self.h1_count = 0
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        if tag == "img" and "alt" not in attributes:
            self.images_without_alt.append(attributes.get("src"))
        is_data_block = attributes.get("type") == "application/ld+json"
        if tag == "script" and "src" not in attributes and not is_data_block:
            self.inline_scripts += 1
        if tag == "h1":
            self.h1_count += 1
        self.event_handlers += [name for name in attributes if name.startswith("on")]


@pytest.fixture(scope="module")
def _demo_media(tmp_path_factory):
    return tmp_path_factory.mktemp("demo-media")


@pytest.fixture(autouse=True)
def _media_root(settings, _demo_media):
    """The demo's image files live as long as its rows: for the whole module."""
    settings.MEDIA_ROOT = _demo_media


@pytest.fixture(scope="module")
def _demo_loaded_once(django_db_setup, django_db_blocker, _demo_media):
    """Load the English demo once for this module, inside a transaction rolled back at
    the end; each test then runs in its own savepoint within it (pytest-django's
    `django_db`), so a test's changes still vanish after it. Loading takes seconds, and
    these tests only read the result (or reload it, which must change nothing)."""
    with (
        django_db_blocker.unblock(),
        override_settings(DEBUG=False, MEDIA_ROOT=_demo_media),
        transaction.atomic(),
    ):
        loader.load(translations=False)
        yield
        transaction.set_rollback(True)


@pytest.fixture
def demo_site(_demo_loaded_once, settings):
    settings.DEBUG = False
    return Page.objects.live().filter(depth__gte=2).specific()


def test_demo_load_is_idempotent(demo_site):
    before = Page.objects.count()
    from zoneportal.core.models import SiteImage

    images_before = SiteImage.objects.count()
    loader.load(translations=False)
    assert Page.objects.count() == before
    assert SiteImage.objects.count() == images_before


def test_demo_covers_the_reference_site_map(demo_site):
    titles = {page.title for page in demo_site}
    expected = {
        "About",
        "Overview",
        "Why WND",
        "Contact Us",
        "Media Center",
        "News",
        "Videos",
        "Investment Guides",
        "Investment Procedures",
        "Utilities and Safety",
        "Preferential Policies",
        "Talent Pool",
        "Regulatory Bodies",
        "Advisory Institutions",
        "Q & A",
        "Business",
        "Key Industries",
        "Industrial Parks",
        "Star Companies",
        "Culture & Tourism",
        "Events",
        "Attractions",
        "Specialties",
        "Living",
        "Transportation",
        "Education",
        "Healthcare",
        "Visa",
        "Shopping",
        "Accommodation",
        "Useful Info",
        "Leave Your Message Here",
    }
    assert expected <= titles, expected - titles


def test_demo_has_the_promised_amount_of_content(demo_site):
    counts = {}
    for page in demo_site:
        counts[type(page).__name__] = counts.get(type(page).__name__, 0) + 1
    assert counts.get("NewsArticlePage", 0) >= 12
    assert counts.get("IndustryPage", 0) >= 6
    assert counts.get("ParkPage", 0) >= 5
    assert counts.get("CompanyPage", 0) >= 10
    assert counts.get("EventPage", 0) >= 6
    assert counts.get("VideoPage", 0) >= 3
    years = {p.publication_date.year for p in demo_site if type(p).__name__ == "NewsArticlePage"}
    assert len(years) >= 3


def test_every_demo_page_renders_valid_accessible_html(client, demo_site):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    seen_types = set()
    for page in demo_site:
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        html = response.content.decode()
        try:
            parser.parse(html)
        except html5lib.html5parser.ParseError as error:
            line = int(re.search(r"line (\d+)", str(error)).group(1)) if "line" in str(error) else 0
            pytest.fail(
                f"{page.url}: invalid HTML: {error}\n{html.splitlines()[max(line - 3, 0) : line + 2]}"
            )
        audit = _ImageAndScriptAudit()
        audit.feed(html)
        assert not audit.images_without_alt, (page.url, audit.images_without_alt)
        assert audit.inline_scripts == 0, page.url
        assert not audit.event_handlers, (page.url, audit.event_handlers)
        assert audit.h1_count == 1, (page.url, audit.h1_count)
        assert '<html lang="en"' in html
        seen_types.add(type(page).__name__)
    assert len(seen_types) >= 18, seen_types
