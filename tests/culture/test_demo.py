"""The Culture & Tourism demo content loads, has upcoming and past events, and is idempotent."""

import pytest
from django.utils import timezone
from wagtail.models import Page

from zoneportal.core.models import SectionPage
from zoneportal.culture.models import AttractionPage, EventIndexPage, EventPage, SpecialtyPage
from zoneportal.demo.builder import DemoBuilder
from zoneportal.demo.content import culture, site

pytestmark = pytest.mark.django_db


def load_culture():
    demo = DemoBuilder()
    site.load(demo)
    culture.load(demo)
    return demo


def test_demo_builds_the_culture_tree(client):
    demo = load_culture()
    section = demo.get("culture-tourism")

    children = section.get_children().specific()
    assert [(type(p), p.slug, p.show_in_menus) for p in children] == [
        (EventIndexPage, "events", True),
        (SectionPage, "attractions", True),
        (SectionPage, "specialties", True),
    ]
    index = demo.get("events")
    now = timezone.now()
    assert index.upcoming_events(now).count() >= 3
    assert index.past_events(now).count() >= 3
    assert AttractionPage.objects.child_of(demo.get("attractions")).live().count() >= 3
    assert SpecialtyPage.objects.child_of(demo.get("specialties")).live().count() >= 3
    for page in [index, *EventPage.objects.all()[:2], *AttractionPage.objects.all()[:2]]:
        assert client.get(page.url).status_code == 200
    fair = EventPage.objects.get(slug="taibo-temple-fair-2025")
    assert fair.all_day and fair.local_start.date().isoformat() == "2025-02-06"
    assert "100,000" in fair.listing_summary
    assert client.get(index.url + "ics/").status_code == 200


def test_demo_is_idempotent():
    load_culture()
    pages = Page.objects.count()
    events = list(EventPage.objects.order_by("pk").values_list("pk", "start", "end"))

    second = load_culture()

    assert second.created == 0
    assert Page.objects.count() == pages
    assert list(EventPage.objects.order_by("pk").values_list("pk", "start", "end")) == events
