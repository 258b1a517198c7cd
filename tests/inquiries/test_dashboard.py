"""The admin home panel: figures on a known dataset."""

import datetime as dt

import pytest
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
