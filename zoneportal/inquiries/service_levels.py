"""Service levels: working-day arithmetic and the due dates of an inquiry.

Settings (defaults in brackets):

- `ZONEPORTAL_INQUIRY_SERVICE_LEVELS`: `assign_within_working_days` (1),
  `first_answer_within_working_days` (2), `follow_up_after_days` (14, calendar days
  after the first answer, moved to the next working day).
- The working-day calendar: `ZONEPORTAL_HOLIDAY_CALENDAR` ("CN": PRC holidays and
  the weekend days worked in exchange, 调休, from the `chinesecalendar` package),
  supplements for years it does not cover yet and overrides; see `holidays.py`. A
  day of a year the calendar does not cover falls back to weekends and the
  statutory days on fixed dates, and the system check and dashboard warn about it.

A deadline of n working days keeps the time of day: received on Friday at 15:00,
assigned within one working day means by Monday 15:00. Something received on a day
off counts from the start of the next working day. Times are in `TIME_ZONE`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from django.conf import settings
from django.utils import timezone

from . import holidays
from .models import Inquiry

DEFAULT_SERVICE_LEVELS = {
    "assign_within_working_days": 1,
    "first_answer_within_working_days": 2,
    "follow_up_after_days": 14,
}

# Statuses in which each clock runs.
WAITING_FOR_OWNER = {Inquiry.Status.NEW}
WAITING_FOR_ANSWER = {Inquiry.Status.NEW, Inquiry.Status.ASSIGNED, Inquiry.Status.IN_PROGRESS}
WAITING_FOR_FOLLOW_UP = {Inquiry.Status.ANSWERED}
OPEN_STATUSES = WAITING_FOR_ANSWER | WAITING_FOR_FOLLOW_UP


def service_levels() -> dict:
    return {**DEFAULT_SERVICE_LEVELS, **getattr(settings, "ZONEPORTAL_INQUIRY_SERVICE_LEVELS", {})}


def is_working_day(day: dt.date) -> bool:
    return holidays.current().is_working_day(day)


def next_working_day(day: dt.date) -> dt.date:
    """`day` itself if it is a working day, else the first working day after it."""
    while not is_working_day(day):
        day += dt.timedelta(days=1)
    return day


def add_working_days(start: dt.datetime, days: int) -> dt.datetime:
    """The moment `days` working days after `start` (aware datetime, same time of day)."""
    local = timezone.localtime(start)
    if not is_working_day(local.date()):
        local = local.replace(hour=0, minute=0, second=0, microsecond=0)
        first = next_working_day(local.date())
        local = _on_day(local, first)
    day = local.date()
    for _ in range(days):
        day = next_working_day(day + dt.timedelta(days=1))
    return _on_day(local, day)


def working_days_between(start: dt.datetime, end: dt.datetime) -> int:
    """Whole working days from `start` until `end` (0 if `end` is within one working day)."""
    count = 0
    while add_working_days(start, count + 1) <= end:
        count += 1
    return count


def _on_day(moment: dt.datetime, day: dt.date) -> dt.datetime:
    naive = dt.datetime.combine(day, moment.time().replace(tzinfo=None))
    return timezone.make_aware(naive, timezone.get_current_timezone())


@dataclass(frozen=True)
class Due:
    """The deadlines of one inquiry and which of them have passed."""

    assign_due: dt.datetime | None
    answer_due: dt.datetime | None
    follow_up_due: dt.datetime | None
    overdue_assign: bool
    overdue_answer: bool
    overdue_follow_up: bool

    @property
    def is_overdue(self) -> bool:
        return self.overdue_assign or self.overdue_answer or self.overdue_follow_up

    @property
    def reasons(self) -> list[str]:
        return [
            name
            for name, late in (
                ("assign", self.overdue_assign),
                ("answer", self.overdue_answer),
                ("follow_up", self.overdue_follow_up),
            )
            if late
        ]


def assign_due(inquiry: Inquiry) -> dt.datetime:
    return add_working_days(inquiry.created_at, service_levels()["assign_within_working_days"])


def answer_due(inquiry: Inquiry) -> dt.datetime:
    levels = service_levels()
    return add_working_days(inquiry.created_at, levels["first_answer_within_working_days"])


def follow_up_due(inquiry: Inquiry) -> dt.datetime | None:
    if inquiry.first_answered_at is None:
        return None
    after = inquiry.first_answered_at + dt.timedelta(days=service_levels()["follow_up_after_days"])
    local = timezone.localtime(after)
    return _on_day(local, next_working_day(local.date()))


def due(inquiry: Inquiry, now: dt.datetime | None = None) -> Due:
    now = now or timezone.now()
    if inquiry.status == Inquiry.Status.SPAM or inquiry.anonymised_at:
        return Due(None, None, None, False, False, False)
    assign_at, answer_at, follow_up_at = (
        assign_due(inquiry),
        answer_due(inquiry),
        follow_up_due(inquiry),
    )
    return Due(
        assign_due=assign_at,
        answer_due=answer_at,
        follow_up_due=follow_up_at,
        overdue_assign=(
            inquiry.status in WAITING_FOR_OWNER and inquiry.owner_id is None and now > assign_at
        ),
        overdue_answer=(
            inquiry.status in WAITING_FOR_ANSWER
            and inquiry.first_answered_at is None
            and now > answer_at
        ),
        overdue_follow_up=(
            inquiry.status in WAITING_FOR_FOLLOW_UP
            and inquiry.followed_up_at is None
            and follow_up_at is not None
            and now > follow_up_at
        ),
    )


def is_overdue(inquiry: Inquiry, now: dt.datetime | None = None) -> bool:
    return due(inquiry, now).is_overdue


def overdue_ids(queryset=None, now: dt.datetime | None = None) -> list[int]:
    """Primary keys of the overdue inquiries among `queryset` (all inquiries by default).

    Only open inquiries received at least one calendar day ago can be late, so the
    working-day check runs in Python over that (small) set.
    """
    now = now or timezone.now()
    queryset = Inquiry.objects.all() if queryset is None else queryset
    candidates = queryset.filter(
        status__in=OPEN_STATUSES,
        anonymised_at__isnull=True,
        created_at__lt=now - dt.timedelta(days=1),
    ).only(
        "pk",
        "status",
        "owner_id",
        "created_at",
        "first_answered_at",
        "followed_up_at",
        "anonymised_at",
    )
    return [inquiry.pk for inquiry in candidates if is_overdue(inquiry, now)]


def filter_overdue(queryset, overdue: bool = True, now: dt.datetime | None = None):
    ids = overdue_ids(queryset, now)
    return queryset.filter(pk__in=ids) if overdue else queryset.exclude(pk__in=ids)
