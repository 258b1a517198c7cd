"""Event index, event pages, calendar downloads and structured data."""

import datetime as dt
import json
import re
from zoneinfo import ZoneInfo

import icalendar
import pytest
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.html import strip_tags

from tests.html import visible_text
from zoneportal.core.models import HomePage, SectionPage, StandardPage
from zoneportal.culture.models import (
    AttractionPage,
    EventIndexPage,
    EventPage,
    SpecialtyPage,
)

pytestmark = pytest.mark.django_db
SHANGHAI = ZoneInfo("Asia/Shanghai")


def shanghai(days_from_today, hour, minute=0):
    """A fixed wall-clock time in Wuxi, `days_from_today` days from today."""
    day = timezone.localdate() + dt.timedelta(days=days_from_today)
    return dt.datetime.combine(day, dt.time(hour, minute), tzinfo=SHANGHAI)


def text_of(response):
    return " ".join(strip_tags(response.content.decode()).split())


def section(html, heading_id):
    """The HTML of the <section> labelled by `heading_id`."""
    start = html.index(f'id="{heading_id}"')
    end = html.find("</section>", start)
    return html[start:end]


def json_ld(response, schema_type):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    documents = [json.loads(block) for block in blocks]
    return next(doc for doc in documents if doc.get("@type") == schema_type)


def ics_url(page):
    return page.url + "ics/"


def parse_ics(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return icalendar.Calendar.from_ical(response.content)


# -- index ------------------------------------------------------------------------------


def test_index_splits_upcoming_and_past_around_now(client, event_index, make_event):
    now = timezone.now()
    make_event("Lantern walk", days=-10)
    make_event("Temple fair", days=-3)
    # Started two hours ago and still running: it belongs with the upcoming events.
    make_page_kwargs = {"start": now - dt.timedelta(hours=2), "end": now + dt.timedelta(hours=1)}
    make_event("Erhu workshop in progress", days=0, **make_page_kwargs)
    make_event("Symphony concert", days=30)
    make_event("Archaeology tour", days=5)

    response = client.get(event_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    upcoming = section(html, "upcoming-heading")
    past = section(html, "past-heading")
    positions = [
        upcoming.index(t) for t in ("Erhu workshop", "Archaeology tour", "Symphony concert")
    ]
    assert positions == sorted(positions), "upcoming events are soonest first"
    assert "Temple fair" not in upcoming and "Lantern walk" not in upcoming
    assert past.index("Temple fair") < past.index("Lantern walk"), "past events newest first"
    assert "Symphony concert" not in past and "Erhu workshop" not in past


def test_past_events_are_paginated_by_twelve(client, event_index, make_event):
    for number in range(14):
        make_event(f"Past event {number:02d}", days=-(number + 1))
    make_event("Future event", days=3)

    first = client.get(event_index.url).content.decode()
    second = client.get(event_index.url + "?page=2").content.decode()

    assert section(first, "past-heading").count('class="card event-card"') == 12
    assert "Past event 00" in first and "Past event 11" in first
    assert "Past event 12" in second and "Past event 13" in second
    assert section(second, "past-heading").count('class="card event-card"') == 2
    assert "Future event" in first and "Future event" not in second
    assert 'rel="next" href="?page=2"' in first


def test_index_links_to_the_upcoming_calendar(client, event_index):
    html = client.get(event_index.url).content.decode()

    assert f'href="{ics_url(event_index)}"' in html
    assert "Add all upcoming events to your calendar" in html


# -- event page -------------------------------------------------------------------------


def test_event_page_shows_times_in_china_standard_time(client, make_event, demo_zone):
    start = shanghai(30, 9, 30)
    event = make_event(
        "Open day",
        days=0,
        start=start,
        end=start.replace(hour=17, minute=0),
        venue_name="Meicun Erhu Industrial Park",
        venue_address="Meicun Subdistrict, Xinwu District, Wuxi",
        organiser="Xinwu District Culture Office",
        registration_url="https://example.com/register",
        registration_deadline=start.date() - dt.timedelta(days=3),
    )

    response = client.get(event.url)

    text = text_of(response)
    day = start.date().isoformat()
    assert f"{day} 09:30–17:00 (China Standard Time)" in text
    assert "Meicun Erhu Industrial Park" in text
    assert "Xinwu District Culture Office" in text
    assert (start.date() - dt.timedelta(days=3)).isoformat() in text
    html = response.content.decode()
    assert f'<time datetime="{day}T09:30:00+08:00">' in html
    assert 'href="https://example.com/register"' in html
    assert f'href="{ics_url(event)}"' in html
    assert "Add to calendar (.ics)" in html


def test_times_stored_in_utc_display_in_shanghai(client, make_event):
    # 01:30 UTC is 09:30 in Wuxi.
    start_utc = shanghai(12, 9, 30).astimezone(dt.UTC)
    event = make_event("Talk", days=0, start=start_utc, end=start_utc + dt.timedelta(hours=2))

    assert event.start.utcoffset() == dt.timedelta(0) or event.start == start_utc
    assert f"{start_utc.astimezone(SHANGHAI).date()} 09:30–11:30" in text_of(client.get(event.url))


def test_multi_day_and_all_day_events_show_both_dates(client, make_event, demo_zone):
    start = shanghai(20, 9)
    event = make_event(
        "Two-day visit", days=0, start=start, end=start + dt.timedelta(days=1, hours=8)
    )
    fair = make_event(
        "Temple fair", days=0, start=shanghai(40, 0), end=shanghai(40, 23, 59), all_day=True
    )

    text = text_of(client.get(event.url))
    first, second = start.date(), start.date() + dt.timedelta(days=1)
    assert f"{first} 09:00 – {second} 17:00 (China Standard Time)" in text
    assert f"{shanghai(40, 0).date()} (all day)" in text_of(client.get(fair.url))


def test_end_before_start_is_rejected():
    start = shanghai(5, 10)
    event = EventPage(
        title="Backwards", slug="backwards", start=start, end=start - dt.timedelta(hours=1)
    )

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert "end" in error.value.message_dict


def test_end_equal_to_start_is_allowed():
    start = shanghai(5, 10)
    EventPage(title="Instant", slug="instant", start=start, end=start).clean()


def test_calendar_route_is_reserved_as_an_event_slug():
    start = shanghai(5, 10)
    event = EventPage(title="ICS", slug="ics", start=start, end=start)

    with pytest.raises(ValidationError) as error:
        event.clean()

    assert "slug" in error.value.message_dict


def test_event_json_ld(client, make_event, make_image):
    start = shanghai(30, 19, 30)
    event = make_event(
        "New season concert",
        days=0,
        start=start,
        end=start.replace(hour=21, minute=30),
        venue_name="Wuxi Symphony Hall",
        venue_address="Beside the Feicui River, Xinwu District, Wuxi",
        organiser="Wuxi Symphony Hall",
        listing_image=make_image(title="Concert hall", alt="Illustration of a concert hall"),
    )

    data = json_ld(client.get(event.url), "Event")

    assert data["name"] == "New season concert"
    assert data["startDate"] == f"{start.date()}T19:30:00+08:00"
    assert data["endDate"] == f"{start.date()}T21:30:00+08:00"
    assert dt.datetime.fromisoformat(data["startDate"]) == start
    assert data["location"]["@type"] == "Place"
    assert data["location"]["name"] == "Wuxi Symphony Hall"
    assert "Feicui River" in data["location"]["address"]["streetAddress"]
    assert data["organizer"]["name"] == "Wuxi Symphony Hall"
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OfflineEventAttendanceMode"
    assert data["url"] == "http://testserver" + event.url
    assert data["image"][0].startswith("http://testserver/")


def test_cancelled_event_is_marked_on_page_in_json_ld_and_calendar(client, make_event):
    event = make_event("Rained off", days=4, status=EventPage.Status.CANCELLED)

    response = client.get(event.url)

    assert "Cancelled" in text_of(response)
    assert json_ld(response, "Event")["eventStatus"] == "https://schema.org/EventCancelled"
    vevent = parse_ics(client.get(ics_url(event))).walk("VEVENT")[0]
    assert vevent["STATUS"] == "CANCELLED"


# -- calendar downloads -----------------------------------------------------------------


def test_single_event_ics(client, make_event):
    start = shanghai(30, 9, 30)
    event = make_event(
        "Erhu open day",
        days=0,
        start=start,
        end=start.replace(hour=17),
        venue_name="Meicun Erhu Industrial Park",
        venue_address="Meicun, Xinwu District, Wuxi",
        listing_summary="Watch craftspeople shape and string erhu.",
    )

    response = client.get(ics_url(event))

    calendar = parse_ics(response)
    assert response["Content-Disposition"] == 'attachment; filename="erhu-open-day.ics"'
    assert str(calendar["VERSION"]) == "2.0"
    assert "PRODID" in calendar
    (vevent,) = calendar.walk("VEVENT")
    assert str(vevent["SUMMARY"]) == "Erhu open day"
    dtstart = vevent["DTSTART"]
    assert dtstart.params["TZID"] == "Asia/Shanghai"
    assert dtstart.dt == start
    assert dtstart.dt.utcoffset() == dt.timedelta(hours=8)
    assert vevent["DTEND"].dt == start.replace(hour=17)
    assert "DTSTAMP" in vevent
    assert "Meicun Erhu Industrial Park" in str(vevent["LOCATION"])
    assert "Watch craftspeople" in str(vevent["DESCRIPTION"])
    assert str(vevent["URL"]) == "http://testserver" + event.url
    timezones = calendar.walk("VTIMEZONE")
    assert [str(tz["TZID"]) for tz in timezones] == ["Asia/Shanghai"]
    assert f"DTSTART;TZID=Asia/Shanghai:{start:%Y%m%d}T093000" in response.content.decode()


def test_uid_is_stable_across_downloads_and_exports(client, event_index, make_event):
    event = make_event("Lakeside run", days=8)

    first = parse_ics(client.get(ics_url(event))).walk("VEVENT")[0]["UID"]
    event.save_revision().publish()  # editing and republishing keeps the UID
    second = parse_ics(client.get(ics_url(event))).walk("VEVENT")[0]["UID"]
    exported = parse_ics(client.get(ics_url(event_index))).walk("VEVENT")[0]["UID"]

    assert first == second == exported
    assert str(first).endswith("@testserver")


def test_all_upcoming_ics_contains_only_upcoming_events(client, event_index, make_event):
    now = timezone.now()
    make_event("Old fair", days=-20)
    make_event("Yesterday's talk", days=-1, hours=1)
    make_event(
        "Running now", days=0, start=now - dt.timedelta(hours=1), end=now + dt.timedelta(hours=1)
    )
    concert_start = shanghai(60, 19, 30)
    make_event("Autumn concert", days=0, start=concert_start, end=concert_start.replace(hour=21))
    make_event("Tour", days=10)

    response = client.get(ics_url(event_index))

    calendar = parse_ics(response)
    assert response["Content-Disposition"] == 'attachment; filename="events-upcoming.ics"'
    summaries = [str(v["SUMMARY"]) for v in calendar.walk("VEVENT")]
    assert summaries == ["Running now", "Tour", "Autumn concert"]
    concert = calendar.walk("VEVENT")[2]
    assert concert["DTSTART"].dt == concert_start
    assert concert["DTSTART"].dt.utcoffset() == dt.timedelta(hours=8)
    assert len({str(v["UID"]) for v in calendar.walk("VEVENT")}) == 3


def test_unpublished_events_are_not_exported(client, event_index, make_event):
    draft = make_event("Draft event", days=5)
    draft.unpublish()

    calendar = parse_ics(client.get(ics_url(event_index)))

    assert calendar.walk("VEVENT") == []
    assert "Draft event" not in visible_text(client.get(event_index.url), "main")


def test_all_day_event_ics_uses_dates(client, make_event):
    event = make_event(
        "Temple fair", days=0, start=shanghai(40, 0), end=shanghai(41, 23, 59), all_day=True
    )

    vevent = parse_ics(client.get(ics_url(event))).walk("VEVENT")[0]

    assert vevent["DTSTART"].dt == shanghai(40, 0).date()
    assert vevent["DTEND"].dt == shanghai(42, 0).date()  # exclusive end


# -- page types and performance -----------------------------------------------------------


def test_page_type_rules(site_home, culture_section, event_index, make_event):
    event = make_event("Something", days=1)
    assert EventIndexPage.can_create_at(culture_section)
    assert not EventIndexPage.can_create_at(site_home)
    assert EventPage.can_create_at(event_index)
    assert not EventPage.can_create_at(culture_section)
    assert not EventPage.can_create_at(site_home)
    for model in (AttractionPage, SpecialtyPage):
        assert model.can_create_at(culture_section)
        assert not model.can_create_at(site_home)
        assert not model.can_create_at(event_index)
    assert not StandardPage.can_create_at(event_index)
    for parent in (event, AttractionPage(), SpecialtyPage()):
        for model in (EventPage, AttractionPage, SpecialtyPage, StandardPage, SectionPage):
            assert not model.can_create_at(parent)
    assert not EventIndexPage.can_create_at(event)
    assert HomePage not in EventIndexPage.allowed_parent_page_models()


def test_constant_queries(
    client, event_index, make_event, make_image, django_assert_max_num_queries
):
    image = make_image(title="Event picture", alt="Illustration of a crowd")
    events = [
        make_event(f"Event {n}", days=n - 8, listing_image=image, organiser="Office")
        for n in range(16)
    ]
    urls = [event_index.url, event_index.url + "?page=2", events[0].url, events[-1].url]
    urls += [ics_url(event_index), ics_url(events[-1])]
    for url in urls:
        for _ in range(2):  # warm the site, fragment and rendition caches
            assert client.get(url).status_code == 200
        with django_assert_max_num_queries(12):
            assert client.get(url).status_code == 200
