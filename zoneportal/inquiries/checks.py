"""System checks of the inquiries app: the working-day calendar must cover the next
12 months (zoneportal/inquiries/holidays.py)."""

from django.core.checks import Error, Warning, register
from django.core.exceptions import ImproperlyConfigured

from . import holidays

HINT = (
    "Upgrade chinesecalendar (pip install -U chinesecalendar) once it covers the year, "
    "or add the State Council's schedule for it to ZONEPORTAL_HOLIDAY_SUPPLEMENTS or to "
    "the file named by ZONEPORTAL_HOLIDAY_SUPPLEMENT_FILE; see docs/inquiries.md, "
    '"Working-day calendar".'
)


def describe(gap: holidays.CoverageGap) -> str:
    if gap.supplement:
        return (
            f"The working-day calendar has only the statutory holidays of {gap.year} "
            f"(from {gap.first_day}): no weekend days worked in exchange, possibly "
            "fewer days off. Service-level deadlines in that year may be wrong."
        )
    return (
        f"The working-day calendar does not cover {gap.year} (from {gap.first_day}): "
        "only weekends and the statutory holidays on fixed dates count as days off; "
        "Spring Festival, Dragon Boat and Mid-Autumn would count as working days."
    )


@register()
def check_holiday_calendar(app_configs=None, today=None, **kwargs):
    """zoneportal.W012 for each year of the next 12 months that is not covered."""
    try:
        gaps = holidays.coverage_gaps(today)
    except ImproperlyConfigured as exc:
        return [Error(str(exc), id="zoneportal.E012")]
    return [Warning(describe(gap), hint=HINT, id="zoneportal.W012") for gap in gaps]
