"""The admin home panel: figures on a known dataset."""

import datetime as dt

import pytest
from bs4 import BeautifulSoup
from django.urls import reverse

from zoneportal.inquiries.dashboard import figures
from zoneportal.inquiries.models import Inquiry

from .factories import aware, inquiry, officer

pytestmark = pytest.mark.django_db
NOW = aware(2026, 3, 20, 12)  # Friday; the eight weeks start on Monday 26 January


@pytest.fixture
def dataset():
    # Answered in 4 h (in time), 26 h (in time), 100 h (late); one late without answer;
    # one fresh without answer (not yet decided); spam and an old one are left out.
    def answered(received, hours, **fields):
        return inquiry(
            received=received,
            status=Inquiry.Status.ANSWERED,
            first_answered_at=received + dt.timedelta(hours=hours),
            **fields,
        )

    answered(aware(2026, 3, 2, 9), 4, country="JP", industry_name="Biomedicine")
    answered(aware(2026, 3, 3, 9), 26, country="JP", industry_name="Biomedicine")
    answered(aware(2026, 3, 9, 9), 100, country="DE", industry_name="Integrated Circuits")
    inquiry(received=aware(2026, 3, 10, 9), country="KR", industry_name="Biomedicine")
    inquiry(received=aware(2026, 3, 20, 9), country="JP", industry_name="")
    inquiry(received=aware(2026, 3, 19, 9), status=Inquiry.Status.SPAM, country="RU")
    inquiry(received=aware(2025, 12, 1, 9), country="US")


def test_figures_on_a_known_dataset(dataset):
    data = figures(NOW)
    assert data.total == 5
    assert [count for _monday, count in data.weeks] == [0, 0, 0, 0, 0, 2, 2, 1]
    assert data.weeks[0][0] == dt.date(2026, 1, 26)
    assert data.weeks[-1][0] == dt.date(2026, 3, 16)
    assert data.by_industry == [("Biomedicine", 3), ("Integrated Circuits", 1), ("Not given", 1)]
    assert data.by_country[0] == ("Japan", 3)
    assert {name for name, _count in data.by_country} == {"Japan", "Germany", "South Korea"}
    assert data.median_hours_to_answer == 26.0
    assert (data.answered_in_time, data.answer_decided) == (2, 4)
    assert data.share_in_time == 50.0


def test_panel_on_the_admin_home(client, dataset, monkeypatch):
    from zoneportal.inquiries import dashboard

    monkeypatch.setattr(dashboard, "figures", lambda: figures(NOW))
    client.force_login(officer())
    html = client.get(reverse("wagtailadmin_home")).content.decode()
    assert 'data-figure="total">5<' in html
    assert "26.0" in html and "50.0" in html
    assert "Biomedicine" in html
    assert 'data-table="countries"' in html and '<th scope="row">Japan</th>' in html


def test_empty_dashboard(client):
    data = figures(NOW)
    assert data.total == 0 and data.median_hours_to_answer is None and data.share_in_time is None
    client.force_login(officer())
    assert client.get(reverse("wagtailadmin_home")).status_code == 200


def calendar_warnings(html) -> dict[str, str]:
    """{year: text} of the calendar warnings in the panel."""
    soup = BeautifulSoup(html, "html.parser")
    panel = soup.find(attrs={"data-inquiry-dashboard": True})
    return {
        element["data-calendar-gap"]: " ".join(element.get_text().split())
        for element in panel.select("[data-calendar-gap]")
    }


def test_panel_warns_when_the_calendar_does_not_cover_the_next_12_months(client, monkeypatch):
    """On 1 March 2027 the next 12 months reach into 2028, which no source covers: the
    2028 Spring Festival would count as working days, and the officers are told."""
    from zoneportal.inquiries import dashboard

    monkeypatch.setattr(dashboard, "figures", lambda: figures(aware(2027, 3, 1, 9)))
    client.force_login(officer())
    warnings = calendar_warnings(client.get(reverse("wagtailadmin_home")).content.decode())
    assert set(warnings) == {"2027", "2028"}
    assert "does not cover 2028" in warnings["2028"]
    assert "Spring Festival" in warnings["2028"] and "2028-01-01" in warnings["2028"]
    assert "only the statutory holidays of 2027" in warnings["2027"]


def test_panel_warning_in_the_officers_language(client, monkeypatch):
    from wagtail.users.models import UserProfile

    from zoneportal.inquiries import dashboard

    monkeypatch.setattr(dashboard, "figures", lambda: figures(aware(2027, 3, 1, 9)))
    user = officer()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(user)
    warnings = calendar_warnings(client.get(reverse("wagtailadmin_home")).content.decode())
    assert "2028" in warnings["2028"] and "春节" in warnings["2028"]


def test_no_calendar_warning_while_the_next_12_months_are_covered(client, monkeypatch):
    from zoneportal.inquiries import dashboard

    monkeypatch.setattr(dashboard, "figures", lambda: figures(aware(2025, 6, 1, 9)))
    client.force_login(officer())
    assert calendar_warnings(client.get(reverse("wagtailadmin_home")).content.decode()) == {}
