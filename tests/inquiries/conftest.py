"""Fixtures for the public inquiry form: a message page with industries, in en and ja.

`post_form` posts a complete, valid form (override any field by keyword) with a form
key issued long enough ago to pass the minimum fill time.
"""

import time
import uuid

import pytest
from wagtail.models import Locale

from zoneportal.business.models import IndustryIndexPage, IndustryPage
from zoneportal.core.models import SectionPage
from zoneportal.inquiries import spam
from zoneportal.inquiries.models import InquiryPage

PRIVACY_NOTICE = "<p>We use your details only to answer your message.</p>"


def translate(page, language_code, **fields):
    """Copy `page` (and missing parents) into the locale, change `fields`, publish."""
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    for name, value in fields.items():
        setattr(copy, name, value)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


@pytest.fixture
def industries(site_home, make_page):
    business = make_page(site_home, SectionPage, title="Business")
    index = make_page(business, IndustryIndexPage, title="Key Industries")
    return [
        make_page(index, IndustryPage, title="Integrated Circuits", slug="integrated-circuits"),
        make_page(index, IndustryPage, title="Biomedicine", slug="biomedicine"),
    ]


@pytest.fixture
def inquiry_page(site_home, make_page, industries):
    return make_page(
        site_home,
        InquiryPage,
        title="Leave Your Message Here",
        slug="leave-your-message",
        privacy_notice=PRIVACY_NOTICE,
        privacy_notice_version="2026-11",
    )


@pytest.fixture
def ja_industries(industries):
    return [
        translate(industries[0], "ja", title="集積回路"),
        translate(industries[1], "ja", title="バイオ医薬"),
    ]


@pytest.fixture
def ja_inquiry_page(inquiry_page, ja_industries):
    return translate(
        inquiry_page,
        "ja",
        title="メッセージをお寄せください",
        privacy_notice="<p>いただいた個人情報はご返信のためにのみ使用します。</p>",
    )


def form_key(seconds_ago=60, token=None):
    return spam.issue_form_key(token or uuid.uuid4(), now=time.time() - seconds_ago)


def valid_data(**overrides):
    data = {
        "name": "Hanako Sato",
        "organisation": "Sato Precision Co., Ltd.",
        "country": "JP",
        "email": "hanako.sato@example.jp",
        "phone": "+81 3-1234-5678",
        "industry": "",
        "stage": "comparing",
        "message": "We are looking for a 5,000 m² plant site near Wuxi for 2027.",
        "reply_language": "en",
        "consent": "on",
        "website": "",
        "form_key": form_key(),
    }
    data.update(overrides)
    return {key: value for key, value in data.items() if value is not None}


@pytest.fixture
def post_form(client):
    """POST the form at `page` with valid data plus `overrides` (None drops a field)."""

    def _post(page, follow=False, **overrides):
        return client.post(page.url, valid_data(**overrides), follow=follow)

    return _post
