"""Business lists in a translation show that language's pages.

A translated company keeps pointing at the industry and park chosen on the English
page; the Japanese park and industry must still list the Japanese company.
"""

import pytest
from wagtail.models import Locale

from zoneportal.business.models import CompanyPage


@pytest.fixture
def japanese(db):
    return Locale.objects.get_or_create(language_code="ja")[0]


def _translate(page, locale, title):
    """A published Japanese copy of `page` (parents translated first), links unchanged."""
    copy = page.specific.copy_for_translation(locale, copy_parents=True)
    copy.title = title
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.fixture
def business_in_japanese(japanese, make_industry, make_park, make_company):
    industry = make_industry("Integrated Circuits")
    park = make_park("Wuxi Singapore Industrial Park", industries=[industry])
    make_company("SK hynix", industry=industry, park=park, country="KR")
    translated = {
        "industry": _translate(industry, japanese, "集積回路"),
        "park": _translate(park, japanese, "無錫シンガポール工業園"),
    }
    company = _translate(CompanyPage.objects.get(title="SK hynix"), japanese, "SKハイニックス")
    translated["company"] = company
    return translated


def test_japanese_company_still_links_to_english_pages(business_in_japanese):
    company = business_in_japanese["company"]
    assert company.industry.locale.language_code == "en"
    assert company.park.locale.language_code == "en"


def test_japanese_park_lists_japanese_companies(client, business_in_japanese):
    response = client.get(business_in_japanese["park"].url)
    assert response.status_code == 200
    assert [c.title for c in response.context["companies"]] == ["SKハイニックス"]


def test_japanese_industry_lists_japanese_companies_and_parks(client, business_in_japanese):
    response = client.get(business_in_japanese["industry"].url)
    assert [c.title for c in response.context["leading_companies"]] == ["SKハイニックス"]
    assert [p.title for p in response.context["host_parks"]] == ["無錫シンガポール工業園"]


def test_japanese_indexes_offer_japanese_industry_filters(client, business_in_japanese):
    park_index = business_in_japanese["park"].get_parent()
    response = client.get(park_index.url)
    assert [i.title for i in response.context["industry_choices"]] == ["集積回路"]
    filtered = client.get(
        park_index.url, {"industry": response.context["industry_choices"][0].slug}
    )
    assert [p.title for p in filtered.context["parks"]] == ["無錫シンガポール工業園"]

    company_index = business_in_japanese["company"].get_parent()
    response = client.get(company_index.url)
    assert [i.title for i in response.context["industry_choices"]] == ["集積回路"]
    filtered = client.get(
        company_index.url, {"industry": response.context["industry_choices"][0].slug}
    )
    assert [c.title for c in filtered.context["companies"]] == ["SKハイニックス"]
