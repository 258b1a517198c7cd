"""Fixtures for the adversarial suite: users with and without rights, payloads."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission

XSS = '<script>alert("xss")</script><img src=x onerror=alert(1)>"\'><svg onload=alert(2)>'
PASSWORD = "correct-horse-battery-staple-42"


def assert_escaped(html: str, payload: str = XSS):
    assert "<script>alert" not in html
    assert "<img src=x onerror" not in html
    assert "<svg onload" not in html


@pytest.fixture
def admin_user(db):
    return get_user_model().objects.create_superuser("chief", "chief@example.com", PASSWORD)


@pytest.fixture
def editor_user(db):
    """Can reach the admin, but owns no page, image, document or user permission."""
    user = get_user_model().objects.create_user("clerk", "clerk@example.com", PASSWORD)
    group = Group.objects.create(name="Admin access only")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    return user


@pytest.fixture
def signed_in(client, admin_user):
    client.force_login(admin_user)
    return client


@pytest.fixture
def media_center(site_home, make_page):
    from zoneportal.core.models import SectionPage

    return make_page(site_home, SectionPage, title="Media Center", slug="media-center")


@pytest.fixture
def news_index(media_center, make_page):
    from zoneportal.news.models import NewsIndexPage

    return make_page(media_center, NewsIndexPage, title="News", slug="news")


@pytest.fixture
def make_article(news_index):
    """An article under the news index, published unless publish=False."""
    import datetime as dt

    from zoneportal.news.models import NewsArticlePage

    def _make(title, publish=True, **fields):
        fields.setdefault("publication_date", dt.date(2024, 5, 1))
        page = NewsArticlePage(title=title, slug=title.lower().replace(" ", "-")[:50], **fields)
        news_index.add_child(instance=page)
        revision = page.save_revision()
        if publish:
            revision.publish()
        else:
            page.live = False
            page.save(update_fields=["live"])
        return NewsArticlePage.objects.get(pk=page.pk)

    return _make
