"""Working-day arithmetic, due dates, overdue detection and the daily digest."""

import datetime as dt
import json

import chinese_calendar
import pytest
from django.core import checks
from django.core.management import call_command

from zoneportal.inquiries import digest, holidays
from zoneportal.inquiries.checks import check_holiday_calendar
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


def test_overrides_in_settings_win_over_the_calendar(settings):
    settings.ZONEPORTAL_HOLIDAYS = ["2026-03-09"]  # a zone's own closing day
    settings.ZONEPORTAL_WORKING_WEEKEND_DAYS = ["2026-10-01"]  # a correction
    assert add_working_days(aware(2026, 3, 6, 15), 1) == aware(2026, 3, 10, 15)
    assert is_working_day(dt.date(2026, 10, 1))
    assert not is_working_day(dt.date(2026, 10, 2))


# -- the calendar: chinesecalendar, supplements, fallback, coverage ---------------------
def test_2026_is_chinesecalendar_day_by_day():
    """Every day of 2026 as the State Council's schedule in chinesecalendar has it:
    the Spring Festival (15-23 February) off, the Saturdays 14 and 28 February worked."""
    day = dt.date(2026, 1, 1)
    while day.year == 2026:
        assert is_working_day(day) is chinese_calendar.is_workday(day), day
        assert holidays.current().status(day).source == holidays.LIBRARY
        day += dt.timedelta(days=1)
    spring_festival = [dt.date(2026, 2, 15) + dt.timedelta(days=n) for n in range(9)]
    assert not any(is_working_day(d) for d in spring_festival)
    assert is_working_day(dt.date(2026, 2, 14)) and is_working_day(dt.date(2026, 2, 28))
    # Friday before the make-up Saturday, one working day: the Saturday.
    assert add_working_days(aware(2026, 2, 13, 10), 1) == aware(2026, 2, 14, 10)


def test_2027_spring_festival_comes_from_the_incomplete_supplement():
    for day in (dt.date(2027, 2, 5), dt.date(2027, 2, 8)):  # eve (Friday) .. 3rd day (Monday)
        status = holidays.current().status(day)
        assert (status.working, status.source, status.covered) == (
            False,
            holidays.SUPPLEMENT,
            False,
        )
    assert is_working_day(dt.date(2027, 2, 4)) and is_working_day(dt.date(2027, 2, 9))


def test_a_due_date_across_the_2027_spring_festival():
    # Thursday 4 February 2027, 10:00; Friday 5 (eve) to Monday 8 are days off.
    received = aware(2027, 2, 4, 10)
    assert add_working_days(received, 1) == aware(2027, 2, 9, 10)
    assert add_working_days(received, 2) == aware(2027, 2, 10, 10)
    # Received during the holiday: counted from 00:00 of Tuesday 9 February.
    assert add_working_days(aware(2027, 2, 6, 11), 1) == aware(2027, 2, 10, 0)


def test_an_uncovered_year_keeps_the_statutory_days_it_can_know_and_is_flagged():
    """2028 is in no source: weekends, 1-2 May, 1-3 October and Qingming stay days off,
    the lunar holidays (Spring Festival, 25-28 January 2028) cannot be known."""
    calendar = holidays.current()
    for day in (dt.date(2028, 5, 1), dt.date(2028, 5, 2), dt.date(2028, 10, 3)):
        assert not is_working_day(day), day
    assert not is_working_day(dt.date(2028, 4, 4))  # Qingming 2028, a Tuesday
    spring_festival = calendar.status(dt.date(2028, 1, 26))
    assert (spring_festival.source, spring_festival.covered) == (holidays.FALLBACK, False)
    assert [gap.year for gap in holidays.coverage_gaps(dt.date(2027, 3, 1))] == [2027, 2028]


def test_the_check_warns_when_the_next_12_months_are_not_covered():
    messages = check_holiday_calendar(today=dt.date(2027, 3, 1))
    assert [m.id for m in messages] == ["zoneportal.W012", "zoneportal.W012"]
    assert all(m.level == checks.WARNING for m in messages)
    incomplete, missing = messages
    assert "2027" in incomplete.msg and "only the statutory holidays" in incomplete.msg
    assert "does not cover 2028" in missing.msg and "Spring Festival" in missing.msg
    assert check_holiday_calendar(today=dt.date(2025, 6, 1)) == []  # 2025-2026 are covered


def test_manage_py_check_runs_it(monkeypatch):
    gap = holidays.CoverageGap(2031, dt.date(2031, 1, 1), supplement=False)
    monkeypatch.setattr(holidays, "coverage_gaps", lambda today=None, days=365: [gap])
    (message,) = [m for m in checks.run_checks() if m.id.startswith("zoneportal.")]
    assert message.id == "zoneportal.W012" and "does not cover 2031" in message.msg


OFFICIAL_2028 = {  # a complete schedule as an operator would add it (made-up swap days)
    "complete": True,
    "holidays": ["2028-01-25", "2028-01-26", "2028-01-27", "2028-01-28"],
    "working_days": ["2028-01-29"],
}


def test_an_operator_adds_a_years_schedule_in_the_settings(settings):
    settings.ZONEPORTAL_HOLIDAY_SUPPLEMENTS = {
        2027: {**OFFICIAL_2028, "holidays": ["2027-02-05"], "working_days": []},
        2028: OFFICIAL_2028,
    }
    assert not is_working_day(dt.date(2028, 1, 26))
    assert is_working_day(dt.date(2028, 1, 29))  # a Saturday worked in exchange
    assert is_working_day(dt.date(2028, 5, 1))  # a complete schedule is taken as it is
    assert check_holiday_calendar(today=dt.date(2027, 3, 1)) == []


def test_an_operator_adds_a_years_schedule_in_a_json_file(settings, tmp_path):
    path = tmp_path / "holidays.json"
    path.write_text(json.dumps({"2028": OFFICIAL_2028}))
    settings.ZONEPORTAL_HOLIDAY_SUPPLEMENT_FILE = str(path)
    assert is_working_day(dt.date(2028, 1, 29))
    assert [gap.year for gap in holidays.coverage_gaps(dt.date(2027, 3, 1))] == [2027]


@pytest.mark.parametrize(
    ("supplements", "complaint"),
    [
        ({2028: {"holidays": ["2028-01-26"]}}, '2028 needs "complete"'),
        ({2028: {"complete": True, "holidays": ["2028-13-01"]}}, "expected ISO dates"),
        ({2028: {"complete": True, "holidays": ["2029-01-01"]}}, "2029-01-01 is not in 2028"),
        (
            {2028: {"complete": True, "holidays": ["2028-01-29"], "working_days": ["2028-01-29"]}},
            "both a holiday and a working day",
        ),
    ],
)
def test_a_malformed_supplement_is_a_check_error(settings, supplements, complaint):
    settings.ZONEPORTAL_HOLIDAY_SUPPLEMENTS = supplements
    (message,) = check_holiday_calendar(today=dt.date(2027, 3, 1))
    assert message.id == "zoneportal.E012" and complaint in message.msg


def test_an_unknown_calendar_is_a_check_error(settings):
    settings.ZONEPORTAL_HOLIDAY_CALENDAR = "Atlantis"
    (message,) = check_holiday_calendar(today=dt.date(2026, 3, 1))
    assert message.id == "zoneportal.E012" and "'Atlantis'" in message.msg


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
