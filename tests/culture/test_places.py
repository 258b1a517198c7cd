"""Attraction and specialty pages: gallery with credits, opening hours, visiting facts."""

import json
import re

import pytest

from zoneportal.culture.models import AttractionPage, SpecialtyPage

pytestmark = pytest.mark.django_db


def text_of(response):
    """Visible text, with each tag boundary read as a space (as in a definition list)."""
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def gallery(*items):
    return json.dumps(
        [
            {
                "type": "image",
                "value": {"image": image.pk, "caption": caption, "credit": credit, "alt_text": ""},
            }
            for image, caption, credit in items
        ]
    )


def hours(*periods):
    return json.dumps([{"type": "period", "value": {"days": d, "hours": h}} for d, h in periods])


@pytest.fixture
def attraction(culture_section, make_page, make_image):
    first = make_image(
        title="Moat", alt="Illustration of a moat around a mound", credit="wnd.gov.cn"
    )
    second = make_image(title="Dig", alt="Illustration of an excavation trench", credit="")
    return make_page(
        culture_section,
        AttractionPage,
        title="Hongshan National Archaeological Park",
        listing_summary="Six zones of ancient sites.",
        listing_image=first,
        gallery=gallery(
            (first, "The moat seen from the east gate.", ""),
            (second, "Trenches at the Wujiabang site.", "Xinwu Culture Office"),
        ),
        address="Hongshan Subdistrict, Xinwu District, Wuxi",
        opening_hours=hours(("Tuesday–Sunday", "09:00–17:00"), ("Monday", "Closed")),
        opening_hours_note="Indicative; check before visiting.",
        ticket_info="<p>Entry to the park grounds is free.</p>",
        getting_there="<p>Take a taxi from Wuxi Xinqu Station.</p>",
    )


def test_attraction_gallery_captions_carry_credits(client, attraction):
    response = client.get(attraction.url)

    assert response.status_code == 200
    text = text_of(response)
    # Block credit falls back to the image's own credit when left blank.
    assert "The moat seen from the east gate. [Photo/wnd.gov.cn]" in text
    assert "Trenches at the Wujiabang site. [Photo/Xinwu Culture Office]" in text
    html = response.content.decode()
    assert 'alt="Illustration of a moat around a mound"' in html
    assert 'alt="Illustration of an excavation trench"' in html
    assert html.index("The moat seen") < html.index("Trenches at the Wujiabang")


def test_attraction_shows_opening_hours_tickets_and_directions(client, attraction):
    text = text_of(client.get(attraction.url))

    assert "Opening hours Tuesday–Sunday 09:00–17:00 Monday Closed" in text
    assert "Indicative; check before visiting." in text
    assert "Entry to the park grounds is free." in text
    assert "How to get there Take a taxi from Wuxi Xinqu Station." in text
    assert "Hongshan Subdistrict, Xinwu District, Wuxi" in text


def test_attraction_json_ld_is_a_tourist_attraction(client, attraction):
    html = client.get(attraction.url).content.decode()
    documents = [
        json.loads(b)
        for b in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    ]
    data = next(d for d in documents if d["@type"] == "TouristAttraction")

    assert data["name"] == "Hongshan National Archaeological Park"
    assert data["address"]["streetAddress"] == "Hongshan Subdistrict, Xinwu District, Wuxi"
    assert data["url"] == "http://testserver" + attraction.url
    assert data["image"][0].startswith("http://testserver/")


def test_specialty_page_shows_where_to_buy_and_season(
    client, culture_section, make_page, make_image
):
    image = make_image(title="Peaches", alt="Illustration of peaches on a branch", credit="demo")
    page = make_page(
        culture_section,
        SpecialtyPage,
        title="Yangshan honey peaches",
        gallery=gallery((image, "Ripe peaches in July.", "")),
        season="July and August",
        where_to_buy="<p>Roadside stalls in Yangshan town.</p>",
        opening_hours=hours(("Every day", "08:00–18:00")),
    )

    text = text_of(client.get(page.url))

    assert "Ripe peaches in July. [Photo/demo]" in text
    assert "Season July and August" in text
    assert "Where to buy Roadside stalls in Yangshan town." in text
    assert "Every day 08:00–18:00" in text


def test_place_without_visiting_details_has_no_empty_section(client, culture_section, make_page):
    page = make_page(culture_section, SpecialtyPage, title="Clay figurines")

    html = client.get(page.url).content.decode()

    assert 'id="visit-heading"' not in html
    assert 'id="gallery-heading"' not in html


def test_attraction_constant_queries(
    client, culture_section, make_page, make_image, django_assert_max_num_queries
):
    images = [make_image(title=f"Photo {n}", alt=f"Illustration {n}") for n in range(8)]
    page = make_page(
        culture_section,
        AttractionPage,
        title="Taibo Temple",
        listing_image=images[0],
        gallery=gallery(*[(image, f"Caption {n}", "") for n, image in enumerate(images)]),
        opening_hours=hours(("Every day", "08:00–16:30")),
    )
    client.get(page.url)
    client.get(page.url)

    with django_assert_max_num_queries(12):
        assert client.get(page.url).status_code == 200
