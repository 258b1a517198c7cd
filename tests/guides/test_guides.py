"""Investment guides: procedures, preferential policies and Q&A pages."""

import datetime as dt
import json
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from wagtail.documents import get_document_model

from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.demo.builder import rich, stream
from zoneportal.guides.models import (
    PolicyPage,
    PolicyStatus,
    ProcedurePage,
    QAPage,
    local_today,
)

pytestmark = pytest.mark.django_db


def json_ld_documents(html):
    blocks = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return [json.loads(block) for block in blocks]


def json_ld_of_type(html, kind):
    return next(doc for doc in json_ld_documents(html) if doc.get("@type") == kind)


@pytest.fixture
def guides(site_home, make_page):
    return make_page(site_home, SectionPage, title="Investment Guides", show_in_menus=True)


@pytest.fixture
def procedures(guides, make_page):
    return make_page(guides, SectionPage, title="Investment Procedures")


@pytest.fixture
def policies(guides, make_page):
    return make_page(guides, SectionPage, title="Preferential Policies")


def step(title, time_limit="", body="", documents=(), text="Do it."):
    return (
        "step",
        {
            "title": title,
            "instructions": rich(text),
            "responsible_body": body,
            "documents": list(documents),
            "time_limit": time_limit,
        },
    )


def make_procedure(make_page, parent, steps, **fields):
    fields.setdefault("title", "Setting up a company")
    return make_page(parent, ProcedurePage, steps=stream(*steps), **fields)


def make_policy(make_page, parent, **fields):
    fields.setdefault("title", "Twelve measures")
    fields.setdefault("summary", rich("Support for high-tech firms."))
    fields.setdefault("effective_date", dt.date(2020, 5, 27))
    return make_page(parent, PolicyPage, **fields)


def topic(heading, *pairs):
    return (
        "topic",
        {
            "heading": heading,
            "questions": [{"question": q, "answer": rich(a)} for q, a in pairs],
        },
    )


# -- procedures -------------------------------------------------------------------------


def test_procedure_renders_numbered_steps_in_order(client, procedures, make_page):
    page = make_procedure(
        make_page,
        procedures,
        [
            step("Register the name", "1 working day", "Market Regulation Bureau", ["Passport"]),
            step("Obtain the business licence", "3 working days", documents=["Articles", "Lease"]),
            step("Engrave the seals", "Same day"),
        ],
        intro=rich("How to set up a wholly foreign-owned enterprise."),
        total_time="About 15 working days",
        contacts=stream(
            ("contact_card", {"name": "Investment Service Centre", "telephone": "0510-1"})
        ),
    )
    html = client.get(page.url).content.decode()
    steps_html = re.search(r'<ol class="procedure__steps"[^>]*>(.*?)</ol>', html, re.S).group(1)
    items = re.findall(
        r'<li class="procedure__step" id="step-(\d)">(.*?)</li>\s*(?=<li class="procedure__step"|$)',
        steps_html,
        re.S,
    )
    assert [number for number, _ in items] == ["1", "2", "3"]
    assert "Register the name" in items[0][1] and "1 working day" in items[0][1]
    assert "Obtain the business licence" in items[1][1] and "3 working days" in items[1][1]
    assert "Engrave the seals" in items[2][1] and "Same day" in items[2][1]
    assert "Market Regulation Bureau" in items[0][1]
    assert "<li>Articles</li>" in items[1][1] and "<li>Lease</li>" in items[1][1]
    assert "About 15 working days" in html
    assert "Investment Service Centre" in html
    assert '<p class="section-label">Investment Procedures</p>' in html
    assert html.count("<h1") == 1


def test_procedure_json_ld_is_a_howto_with_ordered_steps(client, procedures, make_page):
    page = make_procedure(
        make_page,
        procedures,
        [
            step(
                "Register the name",
                text="Submit <b>three</b> candidate names.",
                documents=["Passport"],
            ),
            step("Open a bank account", documents=["Passport", "Business licence"]),
        ],
    )
    howto = json_ld_of_type(client.get(page.url).content.decode(), "HowTo")
    assert howto["name"] == "Setting up a company"
    assert [s["@type"] for s in howto["step"]] == ["HowToStep", "HowToStep"]
    assert [s["name"] for s in howto["step"]] == ["Register the name", "Open a bank account"]
    assert howto["step"][0]["text"] == "Submit three candidate names."
    assert howto["step"][1]["url"].endswith(f"{page.url}#step-2")
    assert [s["name"] for s in howto["supply"]] == ["Passport", "Business licence"]


# -- policies ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("effective", "expiry", "today", "expected"),
    [
        (dt.date(2020, 5, 27), None, dt.date(2025, 1, 1), PolicyStatus.IN_FORCE),
        (dt.date(2020, 5, 27), dt.date(2022, 12, 31), dt.date(2022, 12, 31), PolicyStatus.IN_FORCE),
        (dt.date(2020, 5, 27), dt.date(2022, 12, 31), dt.date(2023, 1, 1), PolicyStatus.EXPIRED),
        (dt.date(2030, 1, 1), None, dt.date(2029, 12, 31), PolicyStatus.NOT_YET),
        (dt.date(2030, 1, 1), dt.date(2032, 1, 1), dt.date(2030, 1, 1), PolicyStatus.IN_FORCE),
    ],
)
def test_policy_status_for_given_day(effective, expiry, today, expected):
    policy = PolicyPage(title="P", effective_date=effective, expiry_date=expiry)
    assert policy.get_status(today) == expected


def test_policy_status_uses_the_date_in_shanghai(monkeypatch):
    from django.utils import timezone

    # 20:00 UTC on 31 December is already 1 January in Shanghai.
    moment = dt.datetime(2024, 12, 31, 20, 0, tzinfo=dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: moment)
    assert local_today() == dt.date(2025, 1, 1)
    policy = PolicyPage(
        title="P", effective_date=dt.date(2020, 1, 1), expiry_date=dt.date(2024, 12, 31)
    )
    assert policy.get_status() == PolicyStatus.EXPIRED


@pytest.mark.parametrize(
    ("offsets", "label"),
    [((-400, None), "In force"), ((-400, -10), "Expired"), ((30, None), "Not yet in force")],
)
def test_policy_page_shows_status_computed_from_today(client, policies, make_page, offsets, label):
    today = local_today()
    effective, expiry = (today + dt.timedelta(days=d) if d is not None else None for d in offsets)
    page = make_policy(make_page, policies, effective_date=effective, expiry_date=expiry)
    html = client.get(page.url).content.decode()
    status = re.search(r'<p class="policy-status[^"]*">(.*?)</p>', html, re.S).group(1)
    assert status.endswith(label)
    assert f'<time datetime="{effective:%Y-%m-%d}">' in html


def test_policy_page_renders_benefits_eligibility_and_documents(client, policies, make_page):
    document = get_document_model()(title="Twelve measures (full text)")
    document.file.save("measures.txt", ContentFile(b"Full text"), save=False)
    document.save()
    page = make_policy(
        make_page,
        policies,
        eligibility=rich("Firms registered in Xinwu District."),
        issuing_body="Xinwu District People's Government",
        benefits=stream(
            (
                "benefit",
                {
                    "title": "High-tech recognition award",
                    "description": rich("Once."),
                    "maximum_amount": "up to 400,000 yuan",
                },
            ),
            (
                "benefit",
                {
                    "title": "Listing award",
                    "description": rich("For IPOs."),
                    "maximum_amount": "up to 5 million yuan",
                },
            ),
        ),
        documents=stream(("document", {"document": document.pk, "title": ""})),
        body=stream(("paragraph", rich("Applications open every spring."))),
    )
    html = client.get(page.url).content.decode()
    assert "Firms registered in Xinwu District." in html
    assert "Xinwu District People&#x27;s Government" in html
    assert html.index("High-tech recognition award") < html.index("Listing award")
    assert "up to 400,000 yuan" in html and "up to 5 million yuan" in html
    assert f'href="{document.url}"' in html and "Twelve measures (full text)" in html
    assert "Applications open every spring." in html


def test_policy_expiry_before_effective_date_is_rejected():
    policy = PolicyPage(
        title="P",
        slug="p",
        summary="<p>x</p>",
        effective_date=dt.date(2022, 1, 1),
        expiry_date=dt.date(2021, 1, 1),
    )
    with pytest.raises(ValidationError) as error:
        policy.clean()
    assert "expiry_date" in error.value.message_dict


# -- Q&A --------------------------------------------------------------------------------

QA_TOPICS = (
    topic(
        "Company setup",
        ("How long does registration take?", "About <b>five</b> working days."),
        ("Can I use a virtual office?", "No, a real address is required."),
    ),
    topic("Tax and incentives", ("Is there a high-tech tax rate?", "Yes: 15 % & more.")),
)


def test_qa_page_renders_topics_as_headings_and_questions_as_details(client, guides, make_page):
    page = make_page(guides, QAPage, title="Q & A", topics=stream(*QA_TOPICS))
    html = client.get(page.url).content.decode()
    assert '<h2 id="topic-1">Company setup</h2>' in html
    assert '<h2 id="topic-2">Tax and incentives</h2>' in html
    toc = re.search(r'<nav class="qa-toc".*?</nav>', html, re.S).group(0)
    assert 'href="#topic-1"' in toc and 'href="#topic-2"' in toc
    details = re.findall(
        r'<details class="qa" id="([^"]+)">\s*<summary class="qa__question">(.*?)</summary>', html
    )
    assert details == [
        ("q-1-1", "How long does registration take?"),
        ("q-1-2", "Can I use a virtual office?"),
        ("q-2-1", "Is there a high-tech tax rate?"),
    ]
    assert "About <b>five</b> working days." in html
    assert html.count("<h1") == 1


def test_qa_page_emits_faq_json_ld_with_every_question(client, guides, make_page):
    page = make_page(guides, QAPage, title="Q & A", topics=stream(*QA_TOPICS))
    faq = json_ld_of_type(client.get(page.url).content.decode(), "FAQPage")
    assert [q["name"] for q in faq["mainEntity"]] == [
        "How long does registration take?",
        "Can I use a virtual office?",
        "Is there a high-tech tax rate?",
    ]
    answers = [q["acceptedAnswer"] for q in faq["mainEntity"]]
    assert all(a["@type"] == "Answer" for a in answers)
    assert answers[0]["text"] == "About five working days."
    assert answers[2]["text"] == "Yes: 15 % & more."


# -- page-type rules --------------------------------------------------------------------


@pytest.mark.parametrize("model", [ProcedurePage, PolicyPage, QAPage])
def test_guide_pages_only_go_under_section_pages(model, site_home, guides, make_page):
    overview = make_page(guides, StandardPage, title="Talent Pool")
    assert model.can_create_at(guides)
    assert not model.can_create_at(site_home)
    assert not model.can_create_at(overview)
    assert model.allowed_subpage_models() == []


# -- query counts -----------------------------------------------------------------------


def assert_constant_queries(client, url, django_assert_max_num_queries):
    # Two warm-up requests: the first one creates the site's NavigationSettings row,
    # which bumps the structure version and so invalidates the fragments it cached.
    for _ in range(2):
        assert client.get(url).status_code == 200
    with django_assert_max_num_queries(12):
        assert client.get(url).status_code == 200


def test_procedure_query_count(client, procedures, make_page, django_assert_max_num_queries):
    steps = [step(f"Step {n}", f"{n} days", "Bureau", ["A", "B"]) for n in range(15)]
    page = make_procedure(make_page, procedures, steps)
    assert_constant_queries(client, page.url, django_assert_max_num_queries)


def test_policy_query_count(client, policies, make_page, django_assert_max_num_queries):
    documents = []
    for n in range(5):
        document = get_document_model()(title=f"Form {n}")
        document.file.save(f"form-{n}.txt", ContentFile(b"x"), save=False)
        document.save()
        documents.append(("document", {"document": document.pk, "title": ""}))
    page = make_policy(
        make_page,
        policies,
        benefits=stream(
            *[
                ("benefit", {"title": f"B{n}", "description": rich("x"), "maximum_amount": "1"})
                for n in range(10)
            ]
        ),
        documents=stream(*documents),
    )
    assert_constant_queries(client, page.url, django_assert_max_num_queries)


def test_qa_query_count(client, guides, make_page, django_assert_max_num_queries):
    topics = [
        topic(f"Topic {t}", *[(f"Q{t}.{n}?", "An answer.") for n in range(8)]) for t in range(5)
    ]
    page = make_page(guides, QAPage, title="Q & A", topics=stream(*topics))
    assert_constant_queries(client, page.url, django_assert_max_num_queries)
