"""Fixtures shared by the whole suite.

`site_home` gives a published English home page wired to the default Site; most
page tests build the few pages they need under it with `make_page`.
"""

import io

import pytest
from django.conf import settings as django_settings
from django.core.cache import caches
from django.core.files.base import ContentFile
from django.utils.text import slugify
from PIL import Image
from wagtail.models import Locale, Page, Site

from zoneportal.core.models import HomePage, SiteImage


def pytest_collection_modifyitems(items):
    """Refuse a transactional test without serialized_rollback.

    Such a test's teardown flushes the tables and lets post_migrate create the content
    types and permissions again, under new ids on PostgreSQL. A later test with
    serialized_rollback then fails to put back the original rows (duplicate key), and
    ContentType's process cache points at ids that no longer exist. With
    serialized_rollback everywhere, every transactional test starts from the rows the
    migrations made, under their original ids.
    """
    offenders = [
        item.nodeid
        for item in items
        if (marker := item.get_closest_marker("django_db"))
        and marker.kwargs.get("transaction")
        and not marker.kwargs.get("serialized_rollback")
    ]
    if offenders:
        raise pytest.UsageError(
            "Transactional tests need serialized_rollback=True (see tests/conftest.py): "
            + ", ".join(offenders)
        )


@pytest.fixture(autouse=True)
def _clear_caches():
    """Every test starts with cold caches so cached fragments cannot leak between tests.

    ContentType's process cache is left warm on purpose: the ids it holds stay valid
    (see pytest_collection_modifyitems), and wagtail's Task builds its content type
    while serialized_rollback puts the rows back, before the table has them.
    """
    for alias in django_settings.CACHES:
        caches[alias].clear()
    yield


@pytest.fixture(autouse=True)
def _media_root(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path / "media"


@pytest.fixture
def site_home(db):
    locale, _ = Locale.objects.get_or_create(language_code="en")
    root = Page.get_first_root_node()
    for child in root.get_children():
        if child.specific_class is Page:
            child.delete()
    home = HomePage(title="Wuxi National Hi-tech District", slug="home", locale=locale)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "port": 80, "root_page": home, "site_name": "WND"},
    )
    return home


@pytest.fixture
def demo_zone(site_home):
    """The demo zone's profile (zoneportal/demo/zone_values.py) on the default Site."""
    from zoneportal.demo.content.zone import fill_profile

    fill_profile(site_home.get_site())
    return site_home.get_site()


@pytest.fixture
def make_page():
    """Create and publish a page of `model` under `parent`."""

    def _make(parent, model, **fields):
        fields.setdefault("slug", slugify(fields["title"], allow_unicode=True)[:50] or "page")
        page = model(**fields)
        parent.add_child(instance=page)
        page.save_revision().publish()
        return model.objects.get(pk=page.pk)

    return _make


@pytest.fixture
def make_image(db):
    """A small generated JPEG saved as a SiteImage."""

    def _make(title="Test image", alt="A test image", credit="wnd.gov.cn", size=(640, 360)):
        buffer = io.BytesIO()
        Image.new("RGB", size, (11, 79, 138)).save(buffer, format="JPEG")
        image = SiteImage(title=title, description=alt, credit=credit)
        image.file.save(
            f"{title.replace(' ', '-')}.jpg", ContentFile(buffer.getvalue()), save=False
        )
        # Saving the file can leave the dimension fields unset; they are NOT NULL.
        image.width, image.height = size
        image.save()
        return image

    return _make


@pytest.fixture(scope="session")
def browser():
    """One headless Debian chromium for the whole session.

    Shared by the browser journeys and the cluster tests: Playwright's sync API allows
    one running instance per process.
    """
    from playwright.sync_api import sync_playwright

    from tests.processes import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        instance = playwright.chromium.launch(
            executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS
        )
        yield instance
        instance.close()
