"""The Inquiries list and detail pages: filters, search, sorting, overdue rows, actions."""

import datetime as dt
import re

import pytest
from django.urls import reverse
from django.utils import timezone

from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

from .factories import inquiry, officer

pytestmark = pytest.mark.django_db
INDEX = "inquiry:index"


@pytest.fixture
def ann(client):
    user = officer("ann", first_name="Ann", email="ann@wnd.example")
    client.force_login(user)
    return user


def _row_tag(html, pk):
    match = re.search(rf'<tr[^>]*data-inquiry="{pk}"[^>]*>', html)
    assert match, html
    return match.group(0)


def _rows(response):
    return [row.instance for row in response.context["table"].rows]


def test_list_marks_overdue_rows_with_a_class_and_a_word(client, ann):
    late = inquiry(received=timezone.now() - dt.timedelta(days=10))
    fresh = inquiry()
    response = client.get(reverse(INDEX))
    html = response.content.decode()
    assert response.status_code == 200
    late_row, fresh_row = _row_tag(html, late.pk), _row_tag(html, fresh.pk)
    assert 'data-overdue="true"' in late_row and "inquiry-overdue" in late_row
    assert "overdue" not in fresh_row
    # Not by colour alone: the row says so in words.
    assert html.count("inquiry-overdue-label") == 1


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ({"status": "spam"}, {"spam"}),
        ({"reply_language": "ja"}, {"japanese"}),
        ({"country": "DE"}, {"german"}),
        ({"overdue": "yes"}, {"late"}),
        ({"owner": "null"}, {"spam", "japanese", "german", "late"}),
        ({"created_at_from": "2026-01-01", "created_at_to": "2026-01-31"}, {"late"}),
    ],
)
def test_filters(client, ann, query, expected):
    items = {
        "spam": inquiry(status=Inquiry.Status.SPAM),
        "japanese": inquiry(reply_language="ja"),
        "german": inquiry(country="DE"),
        "late": inquiry(received=timezone.make_aware(dt.datetime(2026, 1, 12, 9))),
        "owned": inquiry(status=Inquiry.Status.ASSIGNED, owner=ann, country="KR"),
    }
    response = client.get(reverse(INDEX), query)
    assert response.status_code == 200
    found = {name for name, item in items.items() if item in _rows(response)}
    assert found == expected


def test_owner_filter(client, ann):
    mine = inquiry(status=Inquiry.Status.ASSIGNED, owner=ann)
    inquiry()
    response = client.get(reverse(INDEX), {"owner": ann.pk})
    assert _rows(response) == [mine]


@pytest.mark.parametrize(
    ("term", "field"),
    [
        ("WND-2026-9", "reference"),
        ("Kowalski", "name"),
        ("Baltic Chips", "organisation"),
        ("piotr@baltic", "email"),
        ("cleanroom", "message"),
    ],
)
def test_search(client, ann, term, field):
    target = inquiry(
        reference="WND-2026-900001",
        name="Piotr Kowalski",
        organisation="Baltic Chips sp. z o.o.",
        email="piotr@baltic-chips.example",
        message="We need a cleanroom of class ISO 5.",
    )
    inquiry()
    response = client.get(reverse(INDEX), {"q": term})
    assert _rows(response) == [target], field


def test_sorting_by_a_whitelisted_column(client, ann):
    b = inquiry(name="Bertha")
    a = inquiry(name="Anna")
    assert _rows(client.get(reverse(INDEX), {"ordering": "name"})) == [a, b]
    assert _rows(client.get(reverse(INDEX), {"ordering": "-name"})) == [b, a]


@pytest.mark.parametrize("ordering", ["email", "message", "owner__password", "-phone", "pk;drop"])
def test_unknown_sort_keys_are_ignored_not_passed_to_order_by(client, ann, ordering):
    older = inquiry(received=timezone.now() - dt.timedelta(hours=2))
    newer = inquiry()
    response = client.get(reverse(INDEX), {"ordering": ordering})
    assert response.status_code == 200
    assert response.context["ordering"] == "-created_at"
    assert _rows(response) == [newer, older]


def test_list_query_count_is_bounded(client, ann, django_assert_max_num_queries):
    for number in range(50):
        inquiry(
            owner=ann if number % 2 else None,
            status=Inquiry.Status.ASSIGNED if number % 2 else Inquiry.Status.NEW,
            received=timezone.now() - dt.timedelta(days=number % 7),
        )
    with django_assert_max_num_queries(25):
        response = client.get(reverse(INDEX))
    assert len(_rows(response)) == 50
    with django_assert_max_num_queries(25):
        client.get(reverse(INDEX), {"overdue": "yes", "ordering": "owner"})


def test_detail_shows_message_history_and_email_delivery(client, ann):
    item = inquiry(message="Line one.\nLine two about wafers.")
    OutgoingEmail.objects.create(
        inquiry=item,
        kind=OutgoingEmail.Kind.ACKNOWLEDGEMENT,
        to=item.email,
        language="en",
        subject="Ack",
        body="Thanks",
        state=OutgoingEmail.State.RETRYING,
        attempts=2,
        last_error="SMTPServerDisconnected",
    )
    response = client.get(reverse("inquiry:inspect", args=[item.pk]))
    html = response.content.decode()
    assert response.status_code == 200
    assert "Line two about wafers." in html
    assert 'data-event="received"' in html
    assert 'data-email="ack" data-state="retrying"' in html
    assert "2 attempts" in html
    for form in ("assign", "status", "note"):
        assert f'data-form="{form}"' in html
    assert 'data-form="reply"' not in html  # assign first


def test_assign_reply_close_through_the_forms(client, ann, mailoutbox):
    item = inquiry(reply_language="ja")
    response = client.post(reverse("inquiry:assign", args=[item.pk]), {"owner": ann.pk})
    assert response.status_code == 302
    client.post(reverse("inquiry:reply", args=[item.pk]), {"text": "資料をお送りします。"})
    client.post(reverse("inquiry:status", args=[item.pk]), {"status": "closed"})
    client.post(reverse("inquiry:note", args=[item.pk]), {"text": "Done.", "follow_up": "on"})
    item.refresh_from_db()
    assert item.status == Inquiry.Status.CLOSED
    assert item.owner == ann and item.followed_up_at
    kinds = list(item.events.values_list("kind", flat=True))
    assert kinds == ["received", "assigned", "reply", "status", "note"]
    assert item.emails.filter(kind=OutgoingEmail.Kind.REPLY, language="ja").count() == 1


def test_refused_transition_shows_an_error_and_changes_nothing(client, ann):
    item = inquiry()
    response = client.post(
        reverse("inquiry:status", args=[item.pk]), {"status": "closed"}, follow=True
    )
    item.refresh_from_db()
    assert item.status == Inquiry.Status.NEW
    assert not item.events.filter(kind=InquiryEvent.Kind.STATUS).exists()
    assert response.status_code == 200


def test_actions_refuse_get(client, ann):
    item = inquiry()
    assert client.get(reverse("inquiry:assign", args=[item.pk])).status_code == 405


def test_viewing_and_acting_are_in_the_wagtail_audit_log(client, ann):
    from wagtail.models import ModelLogEntry

    item = inquiry()
    client.get(reverse("inquiry:inspect", args=[item.pk]))
    client.post(reverse("inquiry:assign", args=[item.pk]), {"owner": ann.pk})
    actions = list(
        ModelLogEntry.objects.filter(object_id=str(item.pk)).values_list("action", "user_id")
    )
    assert ("inquiries.view", ann.pk) in actions
    assert ("inquiries.assign", ann.pk) in actions
    history = client.get(reverse("inquiry:history", args=[item.pk]))
    assert history.status_code == 200
    assert "Viewed" in history.content.decode()
    site_history = client.get(reverse("wagtailadmin_reports:site_history"))
    assert site_history.status_code == 200
    assert reverse("inquiry:inspect", args=[item.pk]) in site_history.content.decode()
