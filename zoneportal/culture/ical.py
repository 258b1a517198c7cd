"""iCalendar (.ics) export of event pages, built with the `icalendar` package."""

import datetime as dt

import icalendar
from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone
from django.utils.http import content_disposition_header

from zoneportal.zones.profile import zone_profile

CONTENT_TYPE = "text/calendar; charset=utf-8"


def product_id() -> str:
    return f"-//{settings.WAGTAIL_SITE_NAME}//ZonePortal events//EN"


def event_uid(event, host: str) -> str:
    """A UID that stays the same across downloads, edits and translations of the event."""
    return f"event-{event.translation_key}@{host}"


def _host(request, site) -> str:
    if site is not None and site.hostname:
        return site.hostname
    return request.get_host().split(":")[0] if request is not None else "localhost"


def build_vevent(event, request, host: str) -> icalendar.Event:
    zone = zone_profile(request).tzinfo
    vevent = icalendar.Event()
    vevent.add("uid", event_uid(event, host))
    stamp = event.last_published_at or timezone.now()
    vevent.add("dtstamp", stamp.astimezone(dt.UTC))
    if event.all_day:
        start = event.start.astimezone(zone).date()
        end = event.end.astimezone(zone).date() + dt.timedelta(days=1)  # DTEND is exclusive
        vevent.add("dtstart", start)
        vevent.add("dtend", end)
    else:
        vevent.add("dtstart", event.start.astimezone(zone))
        vevent.add("dtend", event.end.astimezone(zone))
    vevent.add("summary", event.title)
    if event.venue_line:
        vevent.add("location", event.venue_line)
    url = event.get_full_url(request)
    description = event.plain_description()
    if url:
        vevent.add("url", url)
        description = f"{description}\n\n{url}" if description else url
    if description:
        vevent.add("description", description)
    vevent.add(
        "status",
        {"cancelled": "CANCELLED", "postponed": "TENTATIVE"}.get(event.status, "CONFIRMED"),
    )
    if event.last_published_at:
        vevent.add("last-modified", event.last_published_at.astimezone(dt.UTC))
    return vevent


def build_calendar(events, request, name: str | None = None, site=None) -> icalendar.Calendar:
    calendar = icalendar.Calendar()
    calendar.add("prodid", product_id())
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    if name:
        calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", zone_profile(request).time_zone)
    host = _host(request, site)
    for event in events:
        calendar.add_component(build_vevent(event, request, host))
    calendar.add_missing_timezones()
    return calendar


def ics_response(calendar: icalendar.Calendar, filename: str) -> HttpResponse:
    response = HttpResponse(calendar.to_ical(), content_type=CONTENT_TYPE)
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response
