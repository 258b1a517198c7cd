"""A small business tree: one section with the three indexes below it."""

import pytest

from zoneportal.business.models import (
    CompanyIndexPage,
    CompanyPage,
    IndustryIndexPage,
    IndustryPage,
    ParkGalleryImage,
    ParkIndexPage,
    ParkPage,
)
from zoneportal.core.models import SectionPage


@pytest.fixture
def business(site_home, make_page):
    return make_page(site_home, SectionPage, title="Business", show_in_menus=True)


@pytest.fixture
def industry_index(business, make_page):
    return make_page(
        business, IndustryIndexPage, title="Key Industries", intro="<p>Six clusters.</p>"
    )


@pytest.fixture
def park_index(business, make_page):
    return make_page(business, ParkIndexPage, title="Industrial Parks", intro="<p>Nine parks.</p>")


@pytest.fixture
def company_index(business, make_page):
    return make_page(business, CompanyIndexPage, title="Star Companies")


@pytest.fixture
def make_industry(industry_index, make_page):
    def _make(title, **fields):
        return make_page(industry_index, IndustryPage, title=title, **fields)

    return _make


@pytest.fixture
def make_park(park_index, make_page):
    def _make(title, industries=(), gallery=(), **fields):
        fields.setdefault("latitude", "31.550000")
        fields.setdefault("longitude", "120.360000")
        fields["focus_industries"] = list(industries)
        fields["gallery_images"] = [
            ParkGalleryImage(image=image, caption=caption, credit=credit)
            for image, caption, credit in gallery
        ]
        return make_page(park_index, ParkPage, title=title, **fields)

    return _make


@pytest.fixture
def make_company(company_index, make_page):
    def _make(title, **fields):
        return make_page(company_index, CompanyPage, title=title, **fields)

    return _make


@pytest.fixture
def make_image(db):
    """Like the shared fixture, but sets the dimensions after the file is saved.

    (Saving the file resets width/height to None on this Django version, which makes
    the shared fixture fail with NOT NULL errors; see the report.)
    """
    import io

    from django.core.files.base import ContentFile
    from PIL import Image

    from zoneportal.core.models import SiteImage

    def _make(title="Test image", alt="A test image", credit="wnd.gov.cn", size=(640, 360)):
        buffer = io.BytesIO()
        Image.new("RGB", size, (11, 79, 138)).save(buffer, format="JPEG")
        image = SiteImage(title=title, description=alt, credit=credit)
        image.file.save(
            f"{title.replace(' ', '-')}.jpg", ContentFile(buffer.getvalue()), save=False
        )
        image.width, image.height = size
        image.save()
        return image

    return _make
