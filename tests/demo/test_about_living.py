"""The About and Living demo pages: idempotent loading and what a visitor sees."""

import html5lib
import pytest
from wagtail.documents import get_document_model

from zoneportal.core.models import SectionPage, SiteImage, StandardPage
from zoneportal.demo.builder import DemoBuilder
from zoneportal.demo.content import about, living

pytestmark = pytest.mark.django_db

ABOUT_SLUGS = ["overview", "why-wnd", "contact-us"]
LIVING_PAGES = [
    ("transportation", "Transportation"),
    ("education", "Education"),
    ("healthcare", "Healthcare"),
    ("visa", "Visa"),
    ("shopping", "Shopping"),
    ("accommodation", "Accommodation"),
    ("useful-info", "Useful Info"),
]


@pytest.fixture
def demo(site_home, make_page):
    builder = DemoBuilder()
    builder.pages["home"] = site_home
    builder.pages["about"] = make_page(site_home, SectionPage, title="About", slug="about")
    builder.pages["living"] = make_page(site_home, SectionPage, title="Living", slug="living")
    about.load(builder)
    living.load(builder)
    return builder


def _children(builder, key):
    return list(builder.get(key).get_children().specific())


def test_pages_are_created_in_menu_order_with_summaries(demo):
    about_pages = _children(demo, "about")
    living_pages = _children(demo, "living")
    assert [p.slug for p in about_pages] == ABOUT_SLUGS
    assert [p.slug for p in living_pages] == [slug for slug, _ in LIVING_PAGES]
    for page in about_pages + living_pages:
        assert isinstance(page, StandardPage)
        assert page.live and page.show_in_menus
        assert page.listing_summary
        assert page.last_reviewed is not None


def test_loading_twice_creates_no_duplicates(demo):
    counts = (
        StandardPage.objects.count(),
        SiteImage.objects.count(),
        get_document_model().objects.count(),
    )
    created = demo.created
    about.load(demo)
    living.load(demo)
    assert demo.created == created
    assert (
        StandardPage.objects.count(),
        SiteImage.objects.count(),
        get_document_model().objects.count(),
    ) == counts
    assert len(_children(demo, "about")) == 3
    assert len(_children(demo, "living")) == 7


def test_overview_shows_founding_area_and_district_status(client, demo):
    response = client.get(demo.get("overview").url)
    assert response.status_code == 200
    html = response.content.decode()
    assert "1992" in html
    assert "220 km²" in html
    assert "February 2016" in html
    assert "Xinwu District" in html
    assert 'class="key-figures"' in html
    # The fact sheet is downloadable from the page.
    response = client.get(get_document_model().objects.get(title="WND fact sheet 2026").url)
    assert response.status_code == 200


def test_why_wnd_lists_numbered_reasons_and_a_quote(client, demo):
    response = client.get(demo.get("why-wnd").url)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.count("<li><b>") >= 4
    assert "<blockquote>" in html
    assert "35 working days" in html


def test_contact_page_shows_postcode_fax_and_hours(client, demo):
    response = client.get(demo.get("contact-us").url)
    html = response.content.decode()
    assert response.status_code == 200
    assert "214135" in html
    assert "0510-85213006" in html
    assert 'href="mailto:bizwnd@wnd.gov.cn"' in html
    assert "No. 28 Hefeng Road" in html
    assert "13:30–17:30" in html
    assert "Leave Your Message Here" in html


@pytest.mark.parametrize(("slug", "title"), LIVING_PAGES)
def test_living_pages_render_with_title(client, demo, slug, title):
    page = demo.get("living").get_children().get(slug=slug)
    response = client.get(page.url)
    assert response.status_code == 200
    assert f"<h1>{title}</h1>" in response.content.decode()


def test_transportation_travel_times_render_as_a_table(client, demo):
    page = demo.get("living").get_children().get(slug="transportation")
    html = client.get(page.url).content.decode()
    assert "<table>" in html
    assert '<th scope="col"' in html
    assert "About 4.5 hours" in html


def test_living_pages_link_to_contact_page(client, demo):
    page = demo.get("living").get_children().get(slug="visa")
    html = client.get(page.url).content.decode()
    assert f'href="{demo.get("contact-us").url}"' in html
    assert "Exit-Entry Administration" in html


def test_pages_are_valid_html_and_render_in_a_bounded_number_of_queries(
    client, demo, django_assert_max_num_queries
):
    parser = html5lib.HTMLParser(strict=True, namespaceHTMLElements=False)
    for page in _children(demo, "about") + _children(demo, "living"):
        html = client.get(page.url).content.decode()
        parser.parse(html)  # raises ParseError on invalid markup
        assert html.count("<h1") == 1, page.url
        assert "Last reviewed:" in html, page.url
        # A second warm-up: the first request creates the NavigationSettings row, which
        # bumps the structure version and invalidates fragments cached during that request.
        assert client.get(page.url).status_code == 200
        with django_assert_max_num_queries(12):
            assert client.get(page.url).status_code == 200
