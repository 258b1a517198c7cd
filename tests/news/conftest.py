"""Fixtures for the news tests: a Media Center section with a News index below it."""

import datetime as dt
import io

import pytest
from django.core.files.base import ContentFile
from PIL import Image

from zoneportal.core.models import SectionPage, SiteImage
from zoneportal.news.models import NewsArticlePage, NewsIndexPage


@pytest.fixture
def media_center(site_home, make_page):
    return make_page(site_home, SectionPage, title="Media Center", slug="media-center")


@pytest.fixture
def news_index(media_center, make_page):
    return make_page(
        media_center,
        NewsIndexPage,
        title="News",
        slug="news",
        intro="<p>Stories from the district.</p>",
        listing_summary="News from the Wuxi National Hi-tech District.",
    )


@pytest.fixture
def make_article(news_index, make_page):
    """Publish an article under the news index; `tags` is a list of tag names."""

    def _make(title, date, tags=(), parent=None, **fields):
        fields.setdefault("source_name", "wndonline.cn")
        fields.setdefault("listing_summary", f"Summary of {title}.")
        page = NewsArticlePage(
            title=title,
            slug=fields.pop("slug", title.lower().replace(" ", "-")[:50]),
            publication_date=date,
            **fields,
        )
        (parent or news_index).add_child(instance=page)
        if tags:
            page.tags.add(*tags)
        page.save_revision().publish()
        return NewsArticlePage.objects.get(pk=page.pk)

    return _make


def day(year, month=1, date=1):
    return dt.date(year, month, date)


@pytest.fixture
def news_image(db):
    """A small generated JPEG saved as a SiteImage (dimensions read from the file)."""

    def _make(title="News photo", alt="Illustration of a skyline", credit="wnd.gov.cn"):
        buffer = io.BytesIO()
        Image.new("RGB", (640, 360), (11, 79, 138)).save(buffer, format="JPEG")
        name = f"{title.lower().replace(' ', '-')}.jpg"
        image = SiteImage(
            title=title, description=alt, credit=credit, file=ContentFile(buffer.getvalue(), name)
        )
        image.save()
        return image

    return _make
