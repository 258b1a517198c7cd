import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from django.utils import timezone
from PIL import Image

from zoneportal.core.models import SectionPage, SiteImage
from zoneportal.culture.models import EventIndexPage, EventPage


@pytest.fixture
def culture_section(site_home, make_page):
    return make_page(site_home, SectionPage, title="Culture & Tourism", slug="culture-tourism")


@pytest.fixture
def event_index(culture_section, make_page):
    return make_page(culture_section, EventIndexPage, title="Events", slug="events")


@pytest.fixture
def make_event(event_index, make_page):
    """An event `days` from now (negative: in the past) lasting `hours`."""

    def _make(title, days, hours=3, **fields):
        start = timezone.now().replace(microsecond=0) + dt.timedelta(days=days)
        fields.setdefault("start", start)
        fields.setdefault("end", fields["start"] + dt.timedelta(hours=hours))
        fields.setdefault("venue_name", "Wuxi Symphony Hall")
        return make_page(event_index, EventPage, title=title, **fields)

    return _make


@pytest.fixture
def make_image(db):
    """Like the shared fixture, but passes the file to the constructor.

    Saving the file afterwards with `image.file.save(..., save=False)` resets the
    width and height to None under Wagtail's image field, so the insert fails.
    """

    def _make(title="Test image", alt="A test image", credit="wnd.gov.cn", size=(640, 360)):
        buffer = io.BytesIO()
        Image.new("RGB", size, (11, 79, 138)).save(buffer, format="JPEG")
        image = SiteImage(
            title=title,
            description=alt,
            credit=credit,
            file=ContentFile(buffer.getvalue(), name=f"{title.replace(' ', '-')}.jpg"),
        )
        image.save()
        return image

    return _make
