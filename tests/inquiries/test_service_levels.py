"""Working-day arithmetic, due dates, overdue detection and the daily digest."""

import datetime as dt

import pytest
from django.core.management import call_command

from zoneportal.inquiries import digest
from zoneportal.inquiries.models import Inquiry, OutgoingEmail
from zoneportal.inquiries.service_levels import (
    add_working_days,
    due,
    is_working_day,
    overdue_ids,
    working_days_between,
)

from .factories import aware, inquiry, officer, supervisor

Status = Inquiry.Status


@pytest.mark.parametrize(
    ("day", "working"),
    [
        (dt.date(2026, 3, 6), True),  # Friday
        (dt.date(2026, 3, 7), False),  # Saturday
        (dt.date(2026, 3, 8), False),  # Sunday
        (dt.date(2026, 10, 1), False),  # National Day
        (dt.date(2026, 10, 10), True),  # Saturday worked in exchange (调休)
        (dt.date(2026, 2, 14), True),  # Saturday before Spring Festival
        (dt.date(2026, 2, 18), False),  # Spring Festival, a Wednesday
        (dt.date(2027, 2, 8), False),  # 2027 Spring Festival (statutory)
    ],
)
def test_is_working_day(day, working):
    assert is_working_day(day) is working


@pytest.mark.parametrize(
    ("start", "days", "expected"),
    [
        (aware(2026, 3, 6, 15), 1, aware(2026, 3, 9, 15)),  # Friday -> Monday
        (aware(2026, 3, 5, 9), 2, aware(2026, 3, 9, 9)),  # Thursday -> Monday
        (aware(2026, 3, 7, 11), 1, aware(2026, 3, 10, 0)),  # Saturday counts from Monday 00:00
        (aware(2026, 9, 30, 16), 1, aware(2026, 10, 8, 16)),  # over National Day
        (aware(2026, 10, 9, 10), 1, aware(2026, 10, 10, 10)),  # into the working Saturday
        (aware(2026, 4, 3, 12), 2, aware(2026, 4, 8, 12)),  # Qingming Saturday-Monday
    ],
)
def test_add_working_days(start, days, expected):
    assert add_working_days(start, days) == expected


def test_holidays_come_from_settings(settings):
    settings.ZONEPORTAL_HOLIDAYS = ["2026-03-09"]
    settings.ZONEPORTAL_WORKING_WEEKEND_DAYS = []
    assert add_working_days(aware(2026, 3, 6, 15), 1) == aware(2026, 3, 10, 15)
    assert is_working_day(dt.date(2026, 10, 1))


def test_working_days_between():
    assert working_days_between(aware(2026, 3, 6, 15), aware(2026, 3, 9, 14)) == 0
    assert working_days_between(aware(2026, 3, 6, 15), aware(2026, 3, 10, 16)) == 2


@pytest.mark.django_db
def test_due_dates_and_overdue_per_stage():
    received = aware(2026, 3, 6, 15)  # Friday
    item = inquiry(received=received)
    result = due(item, now=aware(2026, 3, 9, 14))
    assert result.assign_due == aware(2026, 3, 9, 15)
    assert result.answer_due == aware(2026, 3, 10, 15)
    assert not result.is_overdue
    result = due(item, now=aware(2026, 3, 9, 16))
    assert result.overdue_assign and not result.overdue_answer
    result = due(item, now=aware(2026, 3, 10, 16))
    assert (
        result.overdue_assign and result.overdue_answer and result.reasons == ["assign", "answer"]
    )


@pytest.mark.django_db
def test_follow_up_due_fourteen_days_after_the_answer_moved_to_a_working_day():
    item = inquiry(
        received=aware(2026, 9, 14, 9),
        status=Status.ANSWERED,
        first_answered_at=aware(2026, 9, 17, 10),  # + 14 days = 1 October (holiday)
    )
    result = due(item, now=aware(2026, 10, 8, 11))
    assert result.follow_up_due == aware(2026, 10, 8, 10)
    assert result.overdue_follow_up and result.is_overdue
    item.followed_up_at = aware(2026, 10, 8, 9)
    assert not due(item, now=aware(2026, 10, 9, 9)).is_overdue


@pytest.mark.django_db
def test_spam_closed_and_answered_in_time_are_never_overdue():
    now = aware(2026, 3, 20, 12)
    received = aware(2026, 3, 2, 9)
    spam = inquiry(received=received, status=Status.SPAM)
    closed = inquiry(received=received, status=Status.CLOSED, first_answered_at=aware(2026, 3, 3))
    late = inquiry(received=received)
    assert not due(spam, now).is_overdue
    assert not due(closed, now).is_overdue
    assert overdue_ids(now=now) == [late.pk]


@pytest.mark.django_db
def test_digest_lists_own_overdue_for_officers_and_everything_for_supervisors(settings):
    now = aware(2026, 3, 20, 8)  # Friday
    ann = officer("ann", email="ann@wnd.example")
    bob = officer("bob", email="bob@wnd.example")
    boss = supervisor("boss", email="boss@wnd.example")
    late_ann = inquiry(received=aware(2026, 3, 2), status=Status.ASSIGNED, owner=ann)
    unassigned_fresh = inquiry(received=aware(2026, 3, 19, 17))
    unassigned_late = inquiry(received=aware(2026, 3, 3))
    digests = digest.build_digests(now)
    by_user = {user.username: (own, everyone) for user, (own, everyone) in digests.items()}
    assert "bob" not in by_user  # nothing to do
    assert by_user["ann"] == ([late_ann], [])
    assert {i.pk for i in by_user["boss"][1]} == {
        late_ann.pk,
        unassigned_fresh.pk,
        unassigned_late.pk,
    }
    assert digest.send_digests(now) == 2
    email = OutgoingEmail.objects.get(kind=OutgoingEmail.Kind.DIGEST, to="ann@wnd.example")
    assert late_ann.reference in email.body
    assert late_ann.name not in email.body and late_ann.email not in email.body
    assert bob.email not in OutgoingEmail.objects.values_list("to", flat=True)
    assert boss.email in OutgoingEmail.objects.values_list("to", flat=True)


@pytest.mark.django_db
def test_digest_command_skips_days_off_unless_forced(monkeypatch, capsys):
    officer("ann", email="ann@wnd.example")
    inquiry(received=aware(2026, 3, 2), status=Status.ASSIGNED, owner=officer("cat"))
    monkeypatch.setattr(digest, "is_working_day", lambda day: False)
    call_command("send_inquiry_digest")
    assert "Digest emails queued: 0" in capsys.readouterr().out
    call_command("send_inquiry_digest", "--force")
    assert "Digest emails queued: 1" in capsys.readouterr().out
