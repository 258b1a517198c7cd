"""What search engines read: unique titles per language and correct structured data."""

import datetime as dt
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale

from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.core.seo import plain_text
from zoneportal.culture.models import EventPage
from zoneportal.media.models import VideoPage


def title_of(client, url) -> str:
    html = client.get(url).content.decode()
    return re.search(r"<title>(.*?)</title>", html, re.S).group(1)


@pytest.mark.django_db
def test_two_pages_with_one_title_get_their_section_in_the_title(client, site_home, make_page):
    living = make_page(site_home, SectionPage, title="Living", slug="living")
    business = make_page(site_home, SectionPage, title="Business", slug="business")
    first = make_page(living, StandardPage, title="Useful information", slug="useful")
    second = make_page(business, StandardPage, title="Useful information", slug="useful")
    one, other = title_of(client, first.url), title_of(client, second.url)
    assert one != other
    assert one.startswith("Useful information – Living")
    assert other.startswith("Useful information – Business")
    # A title no other page has stays as it is.
    assert title_of(client, living.url).startswith("Living |")


@pytest.mark.django_db
def test_a_translated_title_says_page_and_section_in_that_language(rf, site_home):
    from django.core.paginator import Paginator
    from django.utils import translation

    from zoneportal.core.titles import page_title

    page_obj = Paginator(range(30), 10).get_page(3)
    with translation.override("ja"):
        assert page_title(site_home, {"page_obj": page_obj}).endswith("3ページ目")
    with translation.override("en"):
        assert page_title(site_home, {"page_obj": page_obj}).endswith("Page 3")
        first = Paginator(range(30), 10).get_page(1)
        assert page_title(site_home, {"page_obj": first}) == site_home.title


def test_plain_text_keeps_a_space_between_paragraphs():
    assert plain_text("<p>First.</p><p>Second &amp; last.</p>") == "First. Second & last."
    assert plain_text("<ul><li>one</li><li>two</li></ul>line<br>break") == "one two line break"


def test_video_description_in_json_ld_keeps_paragraphs_apart():
    video = VideoPage(title="Erhu makers", description="<p>Carving.</p><p>Stringing.</p>")
    assert video.plain_description() == "Carving. Stringing."


@pytest.mark.django_db
def test_event_json_ld_has_a_full_postal_address_from_the_page():
    start = timezone.make_aware(dt.datetime(2030, 5, 1, 9, 30))
    event = EventPage(
        title="Open day",
        slug="open-day",
        start=start,
        end=start + dt.timedelta(hours=6),
        venue_name="Erhu park",
        venue_address="Meicun Subdistrict,\n Xinwu District",
        venue_locality="Wuxi",
        venue_region="Jiangsu",
        venue_postal_code="214135",
        venue_country="cn",
        locale=Locale.objects.get_or_create(language_code="en")[0],
    )
    address = event.get_json_ld(None)["location"]["address"]
    assert address == {
        "@type": "PostalAddress",
        "streetAddress": "Meicun Subdistrict, Xinwu District",
        "addressLocality": "Wuxi",
        "addressRegion": "Jiangsu",
        "postalCode": "214135",
        "addressCountry": "CN",
    }
