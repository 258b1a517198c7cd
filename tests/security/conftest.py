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
