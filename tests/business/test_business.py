"""Key industries, industrial parks and star companies."""

import json
import re
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from zoneportal.business.models import (
    CompanyIndexPage,
    CompanyPage,
    IndustryIndexPage,
    IndustryPage,
    ParkIndexPage,
    ParkPage,
)
from zoneportal.core.home import key_industries
from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.demo.builder import rich, stream

pytestmark = pytest.mark.django_db


def json_ld(html: str, kind: str) -> dict:
    for raw in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        data = json.loads(raw)
        if data.get("@type") == kind:
            return data
    raise AssertionError(f"no {kind} JSON-LD")


def option_values(html: str, select_id: str) -> list[str]:
    select = re.search(rf'<select id="{select_id}".*?</select>', html, re.S).group(0)
    return re.findall(r'<option value="([^"]*)"', select)


def card_titles(html: str) -> list[str]:
    return re.findall(r'<h2 class="card__title"><a href="[^"]+">([^<]+)</a>', html)


def key_figures(*figures):
    return (
        "key_figures",
        {
            "title": "Output",
            "figures": [
                {"value": v, "unit": u, "label": label, "year": y, "source": ""}
                for v, u, label, y in figures
            ],
        },
    )


# -- industries -------------------------------------------------------------------------


def test_industry_index_lists_industries_as_cards(
    client, industry_index, make_industry, make_image
):
    image = make_image(title="Fab", alt="Illustration of a wafer fab")
    make_industry(
        "Integrated circuits", listing_summary="Design to packaging.", listing_image=image
    )
    make_industry("Biomedicine", listing_summary="Drug discovery and devices.")
    html = client.get(industry_index.url).content.decode()
    assert "<h1>Key Industries</h1>" in html
    assert "Six clusters." in html
    assert "Design to packaging." in html and "Drug discovery and devices." in html
    assert 'alt="Illustration of a wafer fab"' in html
    assert html.index("Integrated circuits") < html.index("Biomedicine")


def test_industry_page_shows_overview_figures_body_and_derived_links(
    client, make_industry, make_park, make_company, make_page, company_index
):
    ic = make_industry(
        "Integrated circuits",
        overview=rich("Wafer fabs and <b>chip design</b> houses."),
        key_figures=stream(key_figures(("135.2", "bn yuan", "Cluster output", "2022"))),
        body=stream(("paragraph", "<p>Eight listed firms.</p>")),
    )
    bio = make_industry("Biomedicine")
    make_company("SK hynix", industry=ic)
    make_company("CR Micro", industry=ic)
    make_company("AstraZeneca", industry=bio)
    draft = CompanyPage(title="Draft Chips", slug="draft-chips", industry=ic, live=False)
    company_index.add_child(instance=draft)
    make_park("Xingang IC Park", industries=[ic])
    make_park("Life Science Park", industries=[bio])

    html = client.get(ic.url).content.decode()
    assert "<b>chip design</b>" in html
    assert "135.2" in html and "Cluster output" in html and "(2022)" in html
    assert "Eight listed firms." in html
    companies = re.search(r'id="leading-companies-heading".*?</section>', html, re.S).group(0)
    assert re.findall(r">([^<>]+)</a>", companies) == ["CR Micro", "SK hynix"]
    parks = re.search(r'id="host-parks-heading".*?</section>', html, re.S).group(0)
    assert re.findall(r">([^<>]+)</a>", parks) == ["Xingang IC Park"]
    assert "AstraZeneca" not in html and "Draft Chips" not in html


def test_home_page_picks_up_industries(site_home, industry_index, make_industry):
    make_industry("Integrated circuits")
    make_industry("Biomedicine")
    site_home.industries_page = industry_index
    site_home.save()
    assert [p.title for p in key_industries(site_home)] == ["Integrated circuits", "Biomedicine"]


# -- parks ------------------------------------------------------------------------------


def test_park_page_renders_every_field(client, make_park, make_industry, make_image, make_company):
    ic = make_industry("Integrated circuits")
    iot = make_industry("Internet of Things")
    photo = make_image(title="Gate", alt="Illustration of a park entrance", credit="wnd.gov.cn")
    second = make_image(title="Lab", alt="Illustration of a laboratory", credit="wnd.gov.cn")
    park = make_park(
        "Taihu International Science Park",
        industries=[iot, ic],
        gallery=[(photo, "The main gate.", ""), (second, "A shared lab.", "China Daily")],
        address="Xinwu District, Wuxi",
        latitude="31.493000",
        longitude="120.392000",
        area_km2="23",
        established_year=2006,
        listing_summary="A science park 3 km from the airport.",
        facilities=stream(("facility", "Incubator"), ("facility", "Talent apartments")),
        body=stream(
            ("heading", {"text": "Location", "level": "h2"}), ("paragraph", "<p>Near Shuofang.</p>")
        ),
        contact=stream(("contact_card", {"name": "Park office", "email": "park@example.com"})),
    )
    make_company("Sensor Co", park=park)
    html = client.get(park.url).content.decode()

    assert "<h1>Taihu International Science Park</h1>" in html
    assert "Xinwu District, Wuxi" in html
    assert "Latitude 31.49300, longitude 120.39200" in html
    assert "23 km²" in html
    assert "2006" in html
    focus = re.search(r"Focus industries</dt>.*?</dd>", html, re.S).group(0)
    assert re.findall(r">([^<>]+)</a>", focus) == ["Integrated circuits", "Internet of Things"]
    assert f'href="{ic.url}"' in focus
    assert "<li>Incubator</li>" in html and "<li>Talent apartments</li>" in html
    assert "Near Shuofang." in html
    assert "park@example.com" in html
    assert "Sensor Co" in html
    # Gallery: lazy figures with captions and credits (own credit overrides the image's).
    gallery = re.search(r'id="gallery-heading".*?</section>', html, re.S).group(0)
    assert gallery.count("<figure") == 2
    assert gallery.count('loading="lazy"') == 2
    assert 'alt="Illustration of a park entrance"' in gallery
    assert 'The main gate. <span class="credit">[Photo/wnd.gov.cn]</span>' in gallery
    assert "[Photo/China Daily]" in gallery
    # Map: an outbound link only, nothing embedded.
    assert (
        'href="https://www.openstreetmap.org/?mlat=31.493000&amp;mlon=120.392000#map=15/31.493000/120.392000"'
        in html
    )
    assert "View on OpenStreetMap" in html
    assert "<iframe" not in html
    place = json_ld(html, "Place")
    assert place["name"] == "Taihu International Science Park"
    assert place["geo"] == {"@type": "GeoCoordinates", "latitude": 31.493, "longitude": 120.392}
    assert place["image"].startswith("http://testserver/")


def test_park_without_coordinates_has_no_map_link(client, make_park):
    park = make_park("Future Park", latitude=None, longitude=None)
    html = client.get(park.url).content.decode()
    assert "OpenStreetMap" not in html
    assert "geo" not in json_ld(html, "Place")


@pytest.mark.parametrize(
    ("latitude", "longitude", "bad_field"),
    [
        ("90.000001", "120", "latitude"),
        ("-91", "120", "latitude"),
        ("31.5", "180.5", "longitude"),
        ("31.5", "-181", "longitude"),
        ("31.5", None, "longitude"),
        (None, "120.3", "latitude"),
    ],
)
def test_coordinates_are_validated(park_index, latitude, longitude, bad_field):
    park = ParkPage(title="P", slug="p")
    park_index.add_child(instance=park)
    park.latitude = None if latitude is None else Decimal(latitude)
    park.longitude = None if longitude is None else Decimal(longitude)
    with pytest.raises(ValidationError) as error:
        park.full_clean()
    assert bad_field in error.value.message_dict
    with pytest.raises(ValidationError):
        park.save()  # Wagtail validates pages on save too


@pytest.mark.parametrize(("latitude", "longitude"), [("90", "180"), ("-90", "-180"), (None, None)])
def test_valid_coordinates_pass(park_index, latitude, longitude):
    park = ParkPage(title="P", slug="p", latitude=latitude, longitude=longitude)
    park_index.add_child(instance=park)
    park.full_clean()


def test_park_index_filters_by_industry(client, park_index, make_park, make_industry):
    ic = make_industry("Integrated circuits")
    bio = make_industry("Biomedicine")
    unused = make_industry("New materials")
    make_park("Xingang IC Park", industries=[ic])
    make_park("Life Science Park", industries=[bio])
    make_park("Wuxi-Singapore Industrial Park", industries=[ic, bio])

    html = client.get(park_index.url).content.decode()
    assert card_titles(html) == [
        "Xingang IC Park",
        "Life Science Park",
        "Wuxi-Singapore Industrial Park",
    ]
    assert '<label for="park-filter-industry">' in html
    assert option_values(html, "park-filter-industry") == ["", bio.slug, ic.slug]
    assert unused.slug not in option_values(html, "park-filter-industry")
    assert "3 parks" in html

    html = client.get(park_index.url, {"industry": bio.slug}).content.decode()
    assert card_titles(html) == ["Life Science Park", "Wuxi-Singapore Industrial Park"]
    assert f'<option value="{bio.slug}" selected>' in html
    assert "2 parks focus on Biomedicine." in html

    for bad in ("no-such-industry", unused.slug, "<script>", "1' OR 1=1"):
        response = client.get(park_index.url, {"industry": bad})
        assert response.status_code == 200
        assert len(card_titles(response.content.decode())) == 3


def test_park_card_links_focus_industries(client, park_index, make_park, make_industry):
    ic = make_industry("Integrated circuits")
    make_park("Xingang IC Park", industries=[ic], area_km2="5.5", established_year=2020)
    html = client.get(park_index.url).content.decode()
    assert f'<a href="{ic.url}">Integrated circuits</a>' in html
    assert "5.5 km²" in html and "since 2020" in html


# -- companies --------------------------------------------------------------------------


def test_company_page_renders_every_field(
    client, make_company, make_industry, make_park, make_image
):
    ic = make_industry("Integrated circuits")
    park = make_park("Xingang IC Park")
    logo = make_image(title="SK logo", alt="Placeholder logo: the letters SK on a red square")
    company = make_company(
        "SK hynix",
        logo=logo,
        country="KR",
        industry=ic,
        park=park,
        year_of_arrival=2005,
        description=rich("Memory chips made in <i>Wuxi</i>."),
        website="https://www.skhynix.com/",
        listing_summary="Memory chip maker.",
    )
    html = client.get(company.url).content.decode()
    assert "<h1>SK hynix</h1>" in html
    assert "Republic of Korea" in html
    assert "2005" in html
    assert f'<a href="{ic.url}">Integrated circuits</a>' in html
    assert f'<a href="{park.url}">Xingang IC Park</a>' in html
    assert "Memory chips made in <i>Wuxi</i>." in html
    assert '<a href="https://www.skhynix.com/" rel="noopener external">' in html
    assert 'alt="Placeholder logo: the letters SK on a red square"' in html
    org = json_ld(html, "Organization")
    assert org["name"] == "SK hynix"
    assert org["url"] == "https://www.skhynix.com/"
    assert org["foundingLocation"]["address"]["addressCountry"] == "KR"
    assert org["location"]["name"] == "Xingang IC Park"
    assert org["logo"].startswith("http://testserver/")


def test_deleting_an_industry_keeps_its_companies(make_company, make_industry):
    ic = make_industry("Integrated circuits")
    company = make_company("SK hynix", industry=ic)
    ic.delete()
    company.refresh_from_db()
    assert company.industry is None


@pytest.fixture
def companies(make_company, make_industry):
    ic = make_industry("Integrated circuits")
    bio = make_industry("Biomedicine")
    make_company("SK hynix", country="KR", industry=ic)
    make_company("CR Micro", country="CN", industry=ic)
    make_company("AstraZeneca", country="GB", industry=bio)
    make_company("WuXi AppTec", country="CN", industry=bio)
    make_company("Unclassified Ltd")
    return ic, bio


def test_company_index_lists_all_by_name(client, company_index, companies):
    html = client.get(company_index.url).content.decode()
    assert card_titles(html) == [
        "AstraZeneca",
        "CR Micro",
        "SK hynix",
        "Unclassified Ltd",
        "WuXi AppTec",
    ]
    assert "5 companies" in html
    assert '<label for="company-filter-industry">' in html
    assert '<label for="company-filter-country">' in html


def test_company_index_country_choices_are_those_present(client, company_index, companies):
    html = client.get(company_index.url).content.decode()
    assert option_values(html, "company-filter-country") == ["", "CN", "KR", "GB"]
    assert '<option value="KR">Republic of Korea</option>' in html
    assert "JP" not in option_values(html, "company-filter-country")


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"country": "CN"}, ["CR Micro", "WuXi AppTec"]),
        ({"country": "cn"}, ["CR Micro", "WuXi AppTec"]),
        ({"industry": "integrated-circuits"}, ["CR Micro", "SK hynix"]),
        ({"industry": "biomedicine", "country": "CN"}, ["WuXi AppTec"]),
        ({"industry": "biomedicine", "country": "KR"}, []),
    ],
)
def test_company_index_filters_narrow_the_list(client, company_index, companies, params, expected):
    html = client.get(company_index.url, params).content.decode()
    assert card_titles(html) == expected
    if not expected:
        assert "No companies match these filters." in html


@pytest.mark.parametrize(
    "params",
    [
        {"country": "JP"},
        {"country": "ZZZ"},
        {"industry": "nope"},
        {"country": "", "industry": ""},
        {"page": "x"},
    ],
)
def test_company_index_ignores_bad_filters(client, company_index, companies, params):
    response = client.get(company_index.url, params)
    assert response.status_code == 200
    assert len(card_titles(response.content.decode())) == 5


def test_company_index_paginates_keeping_filters(
    client, company_index, make_company, make_industry
):
    ic = make_industry("Integrated circuits")
    for n in range(14):
        make_company(f"Chip firm {n:02d}", country="CN", industry=ic)
    html = client.get(company_index.url, {"country": "CN", "page": 2}).content.decode()
    assert card_titles(html) == ["Chip firm 12", "Chip firm 13"]
    assert 'href="?country=CN&amp;page=1"' in html


# -- page-type rules --------------------------------------------------------------------


def test_page_type_rules(site_home, business, make_page):
    other = make_page(site_home, StandardPage, title="Other")
    for index_model in (IndustryIndexPage, ParkIndexPage, CompanyIndexPage):
        assert index_model.can_create_at(business)
        assert not index_model.can_create_at(site_home)
        assert not index_model.can_create_at(other)
    assert IndustryIndexPage.allowed_subpage_models() == [IndustryPage]
    assert ParkIndexPage.allowed_subpage_models() == [ParkPage]
    assert CompanyIndexPage.allowed_subpage_models() == [CompanyPage]
    industries = make_page(business, IndustryIndexPage, title="Key Industries")
    parks = make_page(business, ParkIndexPage, title="Industrial Parks")
    companies = make_page(business, CompanyIndexPage, title="Star Companies")
    for model, parent in ((IndustryPage, industries), (ParkPage, parks), (CompanyPage, companies)):
        assert model.can_create_at(parent)
        assert not model.can_create_at(business)
        assert model.allowed_subpage_models() == []
    assert not ParkPage.can_create_at(industries)
    assert not CompanyPage.can_create_at(parks)
    assert SectionPage in IndustryIndexPage.allowed_parent_page_models()


# -- query counts -----------------------------------------------------------------------


def assert_constant_queries(client, url, django_assert_max_num_queries, limit=12):
    # Warm up twice: the very first request of a fresh site creates its
    # NavigationSettings row, whose post_save signal bumps the structure version
    # and so invalidates the fragments cached during that same request.
    for _ in range(2):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(limit):
        assert client.get(url).status_code == 200


def test_park_page_query_count(
    client, make_park, make_industry, make_image, make_company, django_assert_max_num_queries
):
    industries = [make_industry(f"Industry {n}") for n in range(5)]
    gallery = [
        (make_image(title=f"Photo {n}", alt=f"Photo {n}"), f"Caption {n}", "") for n in range(6)
    ]
    park = make_park(
        "Big Park",
        industries=industries,
        gallery=gallery,
        contact=stream(("contact_card", {"name": "Office"})),
        facilities=stream(*[("facility", f"Facility {n}") for n in range(8)]),
    )
    for n in range(5):
        make_company(f"Tenant {n}", park=park)
    assert_constant_queries(client, park.url, django_assert_max_num_queries)


def test_park_index_query_count_is_constant(
    client, park_index, make_park, make_industry, make_image, django_assert_max_num_queries
):
    industries = [make_industry(f"Industry {n}") for n in range(5)]
    image = make_image(title="Park photo", alt="A park")
    for n in range(50):
        make_park(f"Park {n:02d}", industries=industries[: 1 + n % 5], listing_image=image)
    assert_constant_queries(client, park_index.url, django_assert_max_num_queries)
    assert_constant_queries(
        client,
        park_index.url + f"?industry={industries[2].slug}&page=2",
        django_assert_max_num_queries,
    )


def test_company_index_query_count_is_constant(
    client, company_index, make_company, make_industry, make_image, django_assert_max_num_queries
):
    industries = [make_industry(f"Industry {n}") for n in range(4)]
    logo = make_image(title="Logo", alt="A logo")
    for n in range(30):
        make_company(
            f"Company {n:02d}",
            country=("CN", "KR", "JP")[n % 3],
            industry=industries[n % 4],
            logo=logo,
        )
    assert_constant_queries(client, company_index.url, django_assert_max_num_queries)
    assert_constant_queries(
        client, company_index.url + "?country=KR", django_assert_max_num_queries
    )


def test_industry_pages_query_count(
    client,
    industry_index,
    make_industry,
    make_company,
    make_park,
    make_image,
    django_assert_max_num_queries,
):
    image = make_image(title="Industry photo", alt="An industry")
    industries = [make_industry(f"Industry {n}", listing_image=image) for n in range(8)]
    for n in range(20):
        make_company(f"Company {n:02d}", industry=industries[0])
    for n in range(6):
        make_park(f"Park {n}", industries=industries[:3])
    assert_constant_queries(client, industry_index.url, django_assert_max_num_queries)
    assert_constant_queries(client, industries[0].url, django_assert_max_num_queries)


def test_company_page_query_count(
    client, make_company, make_industry, make_park, make_image, django_assert_max_num_queries
):
    company = make_company(
        "SK hynix",
        industry=make_industry("Integrated circuits"),
        park=make_park("Xingang IC Park"),
        logo=make_image(title="Logo", alt="A logo"),
        country="KR",
    )
    assert_constant_queries(client, company.url, django_assert_max_num_queries)
