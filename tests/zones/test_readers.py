"""Everything a visitor or investor sees about the zone comes from its profile.

`other_zone` changes the demo zone's profile as an editor would; each test checks
that the change shows where it should: page title and header, JSON-LD, feed titles,
the acknowledgement email and reference number, event times, the colours.
"""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from zoneportal.core.models import SectionPage
from zoneportal.inquiries.models import Inquiry
from zoneportal.news.models import NewsIndexPage
from zoneportal.zones.profile import zone_profile

pytestmark = pytest.mark.django_db


def _json_ld(html, kind):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return next(data for data in map(json.loads, blocks) if data["@type"] == kind)


def test_demo_zone_pages_read_as_before(client, demo_zone):
    html = client.get("/en/").content.decode()
    assert "| Wuxi National Hi-tech District</title>" in html
    assert "Xinwu · Invest in WND" in html
    org = _json_ld(html, "GovernmentOrganization")
    assert org["name"] == "Wuxi National Hi-tech District"
    assert org["address"]["postalCode"] == "214135"
    assert org["email"] == "bizwnd@wnd.gov.cn"


def test_header_title_and_json_ld_follow_the_profile(client, other_zone):
    html = client.get("/en/").content.decode()
    assert "| Harbour Bay Development Zone</title>" in html
    assert (
        '<span class="site-brand__name">Harbour Bay Development Zone'
        '<span class="site-brand__tagline">Build at the bay</span></span>'
    ) in html
    org = _json_ld(html, "GovernmentOrganization")
    assert org["name"] == "Harbour Bay Development Zone"
    assert org["alternateName"] == ["HBDZ", "Harbour Bay", "HB Zone"]
    assert org["address"]["streetAddress"] == "1 Quay Street"
    assert org["address"]["addressLocality"] == "Port Town"
    assert org["geo"] == {"@type": "GeoCoordinates", "latitude": 53.55, "longitude": 9.99}
    assert org["email"] == "invest@harbour.example"
    assert org["telephone"] == "+49 40 123456"


def test_footer_shows_legal_lines_and_a_qr_code_drawn_by_the_site(client, other_zone):
    html = client.get("/en/").content.decode()
    footer = html[html.index('<footer class="site-footer">') :]
    assert 'href="https://beian.miit.gov.cn/"' in footer and "ICP 12345678-1" in footer
    assert '<svg width="' in footer and "<title>QR code for WhatsApp</title>" in footer
    assert "https://wa.me/4940123456" not in footer.split("<svg")[0]  # no outside QR service


def test_other_languages_fall_back_to_their_own_text_then_the_first(client, other_zone):
    from tests.inquiries.conftest import translate

    home = other_zone.site.root_page
    translate(home, "ja", title="ホーム")
    html = client.get("/ja/").content.decode()
    assert "| 無錫国家ハイテク産業開発区</title>" in html  # the Japanese row
    other_zone.texts.filter(language="ja").delete()
    html = client.get("/ja/").content.decode()
    assert "| Harbour Bay Development Zone</title>" in html  # the first language's


def test_colours_come_as_a_cacheable_style_sheet(client, other_zone):
    html = client.get("/en/").content.decode()
    link = re.search(r'<link rel="stylesheet" href="(/zone\.css\?v=[0-9a-f]+)">', html).group(1)
    response = client.get(link)
    assert response["Content-Type"].startswith("text/css")
    assert "--c-brand: #1d4d2b;" in response.content.decode()
    assert "immutable" in response["Cache-Control"]
    assert "style=" not in html.split("<main")[0] and "<style" not in html


def test_feed_title_names_the_zone(client, other_zone, make_page):
    media = make_page(other_zone.site.root_page, SectionPage, title="Media Center")
    index = make_page(media, NewsIndexPage, title="News")
    root = ET.fromstring(client.get(index.url + "feed/rss/").content)  # noqa: S314 - our own feed
    assert root.findtext("./channel/title") == "News | Harbour Bay Development Zone"


def test_reference_and_acknowledgement_use_the_profile(
    other_zone, mailoutbox, client, django_capture_on_commit_callbacks
):
    from tests.inquiries.conftest import valid_data
    from zoneportal.inquiries.models import InquiryPage

    page = other_zone.site.root_page.add_child(
        instance=InquiryPage(title="Leave Your Message Here", slug="message")
    )
    page.save_revision().publish()
    with django_capture_on_commit_callbacks(execute=True):
        client.post(page.url, valid_data())
    inquiry = Inquiry.objects.get()
    year = timezone.now().astimezone(zone_profile().tzinfo).year
    assert re.fullmatch(rf"HBZ-{year}-\d{{6}}", inquiry.reference)
    body = mailoutbox[0].body
    assert "investment promotion team of the Harbour Bay Development Zone" in body
    assert "within 3 working days" in body
    assert "Investment Promotion Bureau, Harbour Bay Development Zone" in body


def test_profile_is_read_once_then_from_the_cache(other_zone, django_assert_num_queries):
    site = other_zone.site
    zone_profile(site)
    with django_assert_num_queries(0):
        assert zone_profile(site).reference_prefix == "HBZ"


def test_saving_the_profile_shows_at_once(client, other_zone):
    client.get("/en/")  # cached with the old name
    text = other_zone.texts.get(language="en")
    text.official_name = "Renamed Zone"
    text.save()
    assert "| Renamed Zone</title>" in client.get("/en/").content.decode()


def test_warm_home_page_with_a_profile_costs_no_more_queries(
    client, other_zone, django_assert_max_num_queries
):
    from tests.core.test_query_budget import QUERY_BUDGET

    client.get("/en/")
    with django_assert_max_num_queries(QUERY_BUDGET):
        assert client.get("/en/").status_code == 200


def test_passwords_cannot_be_built_on_the_zones_names(other_zone):
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError

    with pytest.raises(ValidationError, match="easy to guess"):
        validate_password("harbour-2024-xyz")
    validate_password("granite-lantern-ferry-orbit")
