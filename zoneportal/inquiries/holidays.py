"""The working-day calendar of the service levels: which days are days off.

Sources, the first that knows a day wins:

1. Overrides in the settings, for any year: `ZONEPORTAL_WORKING_WEEKEND_DAYS` (ISO
   dates that are working days whatever else says) and `ZONEPORTAL_HOLIDAYS` (ISO
   dates that are days off, e.g. a zone's own closing day).
2. The calendar library named by `ZONEPORTAL_HOLIDAY_CALENDAR`. "CN" is the PRC
   calendar of the `chinesecalendar` package (module `chinese_calendar`): the State
   Council's holidays and the weekend days worked in exchange (调休), for the years
   its data covers (`chinese_calendar.constants.holidays`; 1.11.0 covers 2004-2026).
   Its maintainers publish a release once the State Council announces the next
   year's schedule (usually November); `pip install -U chinesecalendar` then
   extends the coverage.
3. A supplement for a year the library does not cover yet:
   `ZONEPORTAL_HOLIDAY_SUPPLEMENTS` in the settings and the JSON file named by
   `ZONEPORTAL_HOLIDAY_SUPPLEMENT_FILE` (the file wins for a year in both), each
   `{year: {"complete": bool, "holidays": [ISO dates], "working_days": [ISO dates]}}`.
   `complete` says the supplement is the official schedule, swapped days included.
4. For a year nobody covers, a fallback: weekends plus the statutory holidays that
   need no lunar calendar (1 January, 1-2 May, 1-3 October and Qingming, a solar
   term). The lunar ones (Spring Festival, Dragon Boat, Mid-Autumn) and the swapped
   days are then missing, so such a day is flagged: the system check
   `zoneportal.W012` and the officers' dashboard warn as soon as such a year is
   within the next 12 months (`coverage_gaps`).

A year counts as covered when the library covers it or a complete supplement does.
Other countries: `ZONEPORTAL_HOLIDAY_CALENDAR` names the calendar; a second entry in
`CALENDARS` (for example one backed by the `holidays` package) is all that a zone
outside the PRC needs. Only "CN" exists today.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

import chinese_calendar
from chinese_calendar import constants as chinese_calendar_data
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured

# Statutory holidays on fixed Gregorian dates (全国年节及纪念日放假办法, 2024 revision).
FIXED_STATUTORY = ((1, 1), (5, 1), (5, 2), (10, 1), (10, 2), (10, 3))

# How a day's status was decided (`DayStatus.source`).
OVERRIDE, LIBRARY, SUPPLEMENT, FALLBACK = "override", "library", "supplement", "fallback"


@dataclass(frozen=True)
class DayStatus:
    working: bool
    source: str
    covered: bool  # False: the calendar may be wrong for this day (see the module doc)


@dataclass(frozen=True)
class Supplement:
    year: int
    complete: bool
    holidays: frozenset = field(default_factory=frozenset)
    working_days: frozenset = field(default_factory=frozenset)


@dataclass(frozen=True)
class CoverageGap:
    """A year within the look-ahead that the calendar does not fully cover."""

    year: int
    first_day: dt.date  # first day of the year inside the look-ahead
    supplement: bool  # an incomplete supplement exists (statutory days only)


class PRCCalendar:
    """The PRC calendar of `chinesecalendar`, with supplements and a fallback."""

    name = "CN"

    def library_years(self) -> tuple[int, int]:
        """The years the installed chinesecalendar has data for (first, last)."""
        return _chinese_calendar_years()

    def library_covers(self, year: int) -> bool:
        first, last = self.library_years()
        return first <= year <= last

    def library_is_working(self, day: dt.date) -> bool:
        return chinese_calendar.is_workday(day)

    def fallback_holidays(self, year: int) -> set[dt.date]:
        days = {dt.date(year, month, mday) for month, mday in FIXED_STATUTORY}
        days |= {
            day
            for day, name in chinese_calendar.get_solar_terms(
                dt.date(year, 4, 1), dt.date(year, 4, 10)
            )
            if name == "清明"
        }
        return days


CALENDARS = {"CN": PRCCalendar}


@lru_cache(maxsize=1)
def _chinese_calendar_years() -> tuple[int, int]:
    # The range chinese_calendar itself accepts (utils._validate_date).
    days = chinese_calendar_data.holidays
    return min(days).year, max(days).year


class WorkingCalendar:
    """Answers "is this a working day?" from the sources in the module doc."""

    def __init__(self, calendar, supplements: dict, days_off, working_days):
        self.calendar = calendar
        self.supplements = supplements  # {year: Supplement}
        self.days_off = frozenset(days_off)
        self.working_days = frozenset(working_days)

    def status(self, day: dt.date) -> DayStatus:
        if day in self.working_days:
            return DayStatus(True, OVERRIDE, self.covers(day.year))
        if day in self.days_off:
            return DayStatus(False, OVERRIDE, self.covers(day.year))
        if self.calendar.library_covers(day.year):
            return DayStatus(self.calendar.library_is_working(day), LIBRARY, True)
        supplement = self.supplements.get(day.year)
        if supplement is not None:
            if day in supplement.working_days:
                return DayStatus(True, SUPPLEMENT, supplement.complete)
            off = day.weekday() >= 5 or day in supplement.holidays
            if not supplement.complete:
                off = off or day in self._fallback(day.year)
            return DayStatus(not off, SUPPLEMENT, supplement.complete)
        off = day.weekday() >= 5 or day in self._fallback(day.year)
        return DayStatus(not off, FALLBACK, False)

    def is_working_day(self, day: dt.date) -> bool:
        return self.status(day).working

    def covers(self, year: int) -> bool:
        if self.calendar.library_covers(year):
            return True
        supplement = self.supplements.get(year)
        return bool(supplement and supplement.complete)

    def coverage_gaps(self, today: dt.date, days: int = 365) -> list[CoverageGap]:
        """The years between `today` and `days` later that are not fully covered."""
        last = today + dt.timedelta(days=days)
        gaps = []
        for year in range(today.year, last.year + 1):
            if not self.covers(year):
                first_day = max(today, dt.date(year, 1, 1))
                gaps.append(CoverageGap(year, first_day, year in self.supplements))
        return gaps

    @lru_cache(maxsize=16)  # noqa: B019 - one instance per settings value, see current()
    def _fallback(self, year: int) -> frozenset:
        return frozenset(self.calendar.fallback_holidays(year))


def _dates(values, where: str) -> frozenset:
    try:
        return frozenset(dt.date.fromisoformat(str(value)) for value in values)
    except (TypeError, ValueError) as exc:
        raise ImproperlyConfigured(f"{where}: {exc} (expected ISO dates, YYYY-MM-DD)") from exc


def parse_supplements(raw: dict, where: str) -> dict[int, Supplement]:
    """Check and convert `{year: {"complete", "holidays", "working_days"}}`."""
    if not isinstance(raw, dict):
        raise ImproperlyConfigured(f"{where}: expected a mapping of years to schedules")
    result = {}
    for key, entry in raw.items():
        try:
            year = int(key)
        except (TypeError, ValueError) as exc:
            raise ImproperlyConfigured(f"{where}: {key!r} is not a year") from exc
        if not isinstance(entry, dict) or not isinstance(entry.get("complete"), bool):
            raise ImproperlyConfigured(
                f'{where}: {year} needs "complete": true or false, "holidays" and "working_days"'
            )
        holidays = _dates(entry.get("holidays", []), f"{where}, {year} holidays")
        working_days = _dates(entry.get("working_days", []), f"{where}, {year} working_days")
        strays = sorted(day for day in holidays | working_days if day.year != year)
        if strays:
            raise ImproperlyConfigured(f"{where}: {strays[0]} is not in {year}")
        both = sorted(holidays & working_days)
        if both:
            raise ImproperlyConfigured(f"{where}: {both[0]} is both a holiday and a working day")
        result[year] = Supplement(year, entry["complete"], holidays, working_days)
    return result


def _read_supplement_file(path: str | None) -> dict[int, Supplement]:
    if not path:
        return {}
    where = f"ZONEPORTAL_HOLIDAY_SUPPLEMENT_FILE ({path})"
    try:
        raw = json.loads(Path(path).read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ImproperlyConfigured(f"{where}: {exc}") from exc
    return parse_supplements(raw, where)


@lru_cache(maxsize=8)
def _build(name, supplements_json, supplement_file, days_off, working_days) -> WorkingCalendar:
    if name not in CALENDARS:
        raise ImproperlyConfigured(
            f"ZONEPORTAL_HOLIDAY_CALENDAR = {name!r}: unknown calendar "
            f"(available: {', '.join(sorted(CALENDARS))})"
        )
    supplements = parse_supplements(json.loads(supplements_json), "ZONEPORTAL_HOLIDAY_SUPPLEMENTS")
    supplements.update(_read_supplement_file(supplement_file))
    return WorkingCalendar(
        CALENDARS[name](),
        supplements,
        _dates(days_off, "ZONEPORTAL_HOLIDAYS"),
        _dates(working_days, "ZONEPORTAL_WORKING_WEEKEND_DAYS"),
    )


def current() -> WorkingCalendar:
    """The calendar the settings describe (built once per distinct settings value)."""
    return _build(
        getattr(settings, "ZONEPORTAL_HOLIDAY_CALENDAR", "CN"),
        json.dumps(
            getattr(settings, "ZONEPORTAL_HOLIDAY_SUPPLEMENTS", {}),
            sort_keys=True,
            default=str,
        ),
        getattr(settings, "ZONEPORTAL_HOLIDAY_SUPPLEMENT_FILE", None) or None,
        tuple(getattr(settings, "ZONEPORTAL_HOLIDAYS", ())),
        tuple(getattr(settings, "ZONEPORTAL_WORKING_WEEKEND_DAYS", ())),
    )


def coverage_gaps(today: dt.date | None = None, days: int = 365) -> list[CoverageGap]:
    """Years within the next `days` days (from `today`, default the local date) that
    the calendar does not fully cover; empty when all is well."""
    if today is None:
        from django.utils import timezone

        today = timezone.localdate()
    return current().coverage_gaps(today, days)
