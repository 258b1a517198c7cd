"""The Investment Guides demo content: idempotent loading and what a visitor sees."""

import json
import re

import pytest
from wagtail.documents import get_document_model
from wagtail.models import Page

from zoneportal.core.models import SectionPage, SiteImage, StandardPage
from zoneportal.demo.builder import DemoBuilder
from zoneportal.demo.content import guides
from zoneportal.guides.models import PolicyPage, PolicyStatus, ProcedurePage, QAPage

pytestmark = pytest.mark.django_db

GUIDE_SLUGS = [
    "investment-procedures",
    "utilities-and-safety",
    "preferential-policies",
    "talent-pool",
    "regulatory-bodies",
    "advisory-institutions",
    "q-a",
]


def _builder(site_home, section):
    builder = DemoBuilder()
    builder.pages["home"] = site_home
    builder.pages["investment-guides"] = section
    return builder


@pytest.fixture
def section(site_home, make_page):
    return make_page(site_home, SectionPage, title="Investment Guides", slug="investment-guides")


@pytest.fixture
def demo(site_home, section):
    builder = _builder(site_home, section)
    guides.load(builder)
    return builder


def counts():
    return (
        Page.objects.count(),
        SiteImage.objects.count(),
        get_document_model().objects.count(),
    )


def test_sections_are_created_in_menu_order(demo, section):
    children = list(section.get_children().specific())
    assert [p.slug for p in children] == GUIDE_SLUGS
    assert all(p.live and p.show_in_menus for p in children)
    assert isinstance(demo.get("investment-procedures"), SectionPage)
    assert isinstance(demo.get("q-a"), QAPage)
    assert isinstance(children[1], StandardPage)


def test_loading_twice_changes_nothing(demo, site_home, section):
    before = counts()
    again = _builder(site_home, section)
    guides.load(again)
    assert again.created == 0
    assert counts() == before


def test_demo_procedures_policies_and_questions(demo, client):
    procedures = list(ProcedurePage.objects.child_of(demo.get("investment-procedures")))
    assert 2 <= len(procedures) <= 3
    assert all(len(page.steps) >= 5 for page in procedures)

    policies = {p.slug: p for p in PolicyPage.objects.child_of(demo.get("preferential-policies"))}
    assert len(policies) == 3
    statuses = {p.get_status() for p in policies.values()}
    assert PolicyStatus.EXPIRED in statuses and PolicyStatus.IN_FORCE in statuses

    qa = demo.get("q-a")
    assert len(qa.topics) == 4
    assert sum(len(block.value["questions"]) for block in qa.topics) >= 12
    html = client.get(qa.url).content.decode()
    documents = [json.loads(s) for s in re.findall(r'ld\+json">(.*?)</script>', html, re.S)]
    faq = next(d for d in documents if d["@type"] == "FAQPage")
    assert len(faq["mainEntity"]) >= 12


@pytest.mark.parametrize(
    ("path", "expected"),
    [
        ("investment-procedures/project-approval-for-industrial-construction", "35 working days"),
        ("preferential-policies/twelve-measures-for-high-tech-enterprises", "up to 400,000 yuan"),
        (
            "preferential-policies/support-for-foreign-investment-and-regional-headquarters",
            "Expired",
        ),
        ("utilities-and-safety", "State Grid Wuxi Power Supply Company"),
        ("regulatory-bodies", "50 working days"),
        ("talent-pool", "275,000"),
        ("advisory-institutions", "Accounting and tax firms"),
    ],
)
def test_demo_pages_render(demo, client, path, expected):
    response = client.get(f"/en/investment-guides/{path}/")
    assert response.status_code == 200
    assert expected in response.content.decode()
