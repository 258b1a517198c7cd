"""The Inquiries panel on the admin home page (officers only).

Figures over the last eight weeks (spam excluded): inquiries per week, by industry,
by country, the median time to the first answer and the share answered within the
service level. One query. Above them, a warning when the working-day calendar does
not cover the next 12 months (the deadlines behind "overdue" may then be wrong).
"""

from __future__ import annotations

import datetime as dt
import statistics
from collections import Counter
from dataclasses import dataclass, field

from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.ui.components import Component

from . import holidays
from .filters import country_name
from .models import Inquiry
from .service_levels import answer_due

WEEKS = 8


@dataclass
class DashboardFigures:
    weeks: list = field(default_factory=list)  # [(monday, count)], oldest first
    by_industry: list = field(default_factory=list)  # [(name, count)], largest first
    by_country: list = field(default_factory=list)
    total: int = 0
    median_hours_to_answer: float | None = None
    answered_in_time: int = 0
    answer_decided: int = 0  # answered, or past the deadline without an answer
    calendar_gaps: list = field(default_factory=list)  # [holidays.CoverageGap]

    @property
    def share_in_time(self) -> float | None:
        if not self.answer_decided:
            return None
        return round(100 * self.answered_in_time / self.answer_decided, 1)


def figures(now: dt.datetime | None = None) -> DashboardFigures:
    now = now or timezone.now()
    today = timezone.localtime(now).date()
    first_monday = today - dt.timedelta(days=today.weekday()) - dt.timedelta(weeks=WEEKS - 1)
    start = timezone.make_aware(dt.datetime.combine(first_monday, dt.time.min))
    inquiries = list(
        Inquiry.objects.filter(created_at__gte=start)
        .exclude(status=Inquiry.Status.SPAM)
        .select_related("industry")
    )
    result = DashboardFigures(total=len(inquiries), calendar_gaps=holidays.coverage_gaps(today))
    per_week = Counter()
    industries = Counter()
    countries = Counter()
    hours = []
    for inquiry in inquiries:
        day = timezone.localtime(inquiry.created_at).date()
        per_week[day - dt.timedelta(days=day.weekday())] += 1
        industry = inquiry.industry.title if inquiry.industry else inquiry.industry_name
        industries[industry or str(_("Not given"))] += 1
        countries[country_name(inquiry.country) or str(_("Not given"))] += 1
        deadline = answer_due(inquiry)
        if inquiry.first_answered_at:
            hours.append((inquiry.first_answered_at - inquiry.created_at).total_seconds() / 3600)
            result.answer_decided += 1
            if inquiry.first_answered_at <= deadline:
                result.answered_in_time += 1
        elif now > deadline:
            result.answer_decided += 1
    result.weeks = [
        (first_monday + dt.timedelta(weeks=week), per_week[first_monday + dt.timedelta(weeks=week)])
        for week in range(WEEKS)
    ]
    result.by_industry = sorted(industries.items(), key=lambda item: (-item[1], item[0]))
    result.by_country = sorted(countries.items(), key=lambda item: (-item[1], item[0]))
    if hours:
        result.median_hours_to_answer = round(statistics.median(hours), 1)
    return result


class InquiryDashboardPanel(Component):
    name = "inquiries"
    order = 90
    template_name = "inquiries/admin/dashboard_panel.html"

    def get_context_data(self, parent_context):
        context = super().get_context_data(parent_context)
        data = figures()
        peak = max((count for _week, count in data.weeks), default=0) or 1
        context["figures"] = data
        context["weeks"] = [
            (monday, count, round(100 * count / peak)) for monday, count in data.weeks
        ]
        return context
