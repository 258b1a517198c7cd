"""Fault: Redis is unavailable while visitors search, send inquiries, sign in and
type page passwords.

tests/ops/test_redis_fail_open.py proves pages and sign-ins survive an outage; this
adds the features that *count* in Redis (zoneportal.security.ratelimit, decision
0012). The public limits fail open: the inquiry form (per-IP and per-email) and the
search (per-IP) keep working, as docs/operations.md ("Redis fail-open") documents:
turning investors away because a cache is down would be worse than a few extra
spam posts, which are still caught by the honeypot and fill-time checks. When Redis
is back the limits hold again. Nothing is lost: every accepted inquiry is stored.
The guessing defences do not fail open: the sign-in lockout and the page-password
limit count in each process while Redis is down, and say so in the log.
Needs REDIS_URL and redis-server (the PostgreSQL/Redis pass of .ci/run);
TEST_REDIS_PORT fixes the private server's port (default: any free port).
"""

import logging
import os
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches

from tests.inquiries.conftest import (  # noqa: F401 - fixtures
    industries,
    inquiry_page,
    valid_data,
)
from tests.ops.conftest import RedisServer, needs_redis
from tests.security.conftest import PASSWORD
from zoneportal.inquiries.models import Inquiry
from zoneportal.ops.redis_cache import FailOpenRedisCache
from zoneportal.security import ratelimit
from zoneportal.security.lockout import LOCKOUT_MESSAGE
from zoneportal.settings.env import cache_config_from_url

pytestmark = [needs_redis, pytest.mark.django_db]


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    if os.environ.get("TEST_REDIS_PORT"):
        server.port = int(os.environ["TEST_REDIS_PORT"])
    server.start()
    yield server
    server.stop()


@pytest.fixture(autouse=True)
def _forget_local_counters():
    ratelimit.reset_local_counters()
    yield
    ratelimit.reset_local_counters()


@pytest.fixture
def redis_caches(settings, redis_server, monkeypatch):
    monkeypatch.setattr(FailOpenRedisCache, "retry_after", 0.3)
    settings.CACHES = {
        "default": cache_config_from_url(redis_server.url, prefix="zp-faults"),
        "renditions": cache_config_from_url(redis_server.url, prefix="zp-faults-r"),
    }
    assert isinstance(caches["default"], FailOpenRedisCache)
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = 2
    settings.ZONEPORTAL_SEARCH_RATE = 2
    yield redis_server


def _post(client, page, number):
    data = valid_data(email=f"investor{number}@example.de", name=f"Investor {number}")
    return client.post(page.url, data, REMOTE_ADDR="198.51.100.5").status_code


def test_inquiries_are_accepted_and_the_rate_limit_fails_open_while_redis_is_down(
    client,
    inquiry_page,  # noqa: F811
    redis_caches,
):
    redis_caches.stop()
    assert client.get(inquiry_page.url).status_code == 200
    started = time.monotonic()
    statuses = [_post(client, inquiry_page, number) for number in range(4)]
    assert time.monotonic() - started < 8, "a dead Redis must not stall each post"
    assert statuses == [303] * 4  # limit 2, but nothing can be counted: fail open
    stored = Inquiry.objects.order_by("pk")
    assert [i.name for i in stored] == [f"Investor {n}" for n in range(4)]
    assert {i.status for i in stored} == {Inquiry.Status.NEW}
    assert len({i.reference for i in stored}) == 4

    redis_caches.start()  # back, empty
    time.sleep(0.4)  # past the fail-open retry pause
    statuses = [_post(client, inquiry_page, number) for number in range(4, 8)]
    assert statuses == [303, 303, 429, 429]  # the limit holds again
    assert Inquiry.objects.count() == 6


def test_search_answers_and_its_rate_limit_fails_open_while_redis_is_down(
    client, site_home, redis_caches
):
    redis_caches.stop()
    for _ in range(4):
        response = client.get("/en/search/?q=wafer", REMOTE_ADDR="198.51.100.6")
        assert response.status_code == 200
    redis_caches.start()
    time.sleep(0.4)
    statuses = [
        client.get("/en/search/?q=wafer", REMOTE_ADDR="198.51.100.6").status_code for _ in range(4)
    ]
    assert 429 in statuses and statuses[0] == 200


# -- guessing defences: counted per process, never open ----------------------------------

LOGIN = "/admin/login/"


def _sign_in(client, username, password, ip):
    response = client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)
    errors = (
        [str(e) for e in response.context["form"].non_field_errors()] if response.context else []
    )
    return response.status_code, errors


def test_sign_in_lockout_holds_while_redis_is_down(client, site_home, redis_caches, caplog):
    caplog.set_level(logging.WARNING, logger="zoneportal.security.ratelimit")
    get_user_model().objects.create_superuser("chief", "chief@example.com", PASSWORD)
    redis_caches.stop()
    for n in range(5):  # one user name, five addresses
        status, _ = _sign_in(client, "chief", "wrong-password-123", f"198.51.100.{n}")
        assert status == 200
    status, errors = _sign_in(client, "chief", PASSWORD, "198.51.100.77")
    assert status == 200 and errors == [str(LOCKOUT_MESSAGE)], "the lockout failed open"
    assert "_auth_user_id" not in client.session
    warnings = [r.getMessage() for r in caplog.records if "signin-user" in r.getMessage()]
    assert len(warnings) == 1 and "this process only" in warnings[0]

    # Redis is back (empty): the lock taken during the outage still holds.
    redis_caches.start()
    time.sleep(0.4)
    status, errors = _sign_in(client, "chief", PASSWORD, "198.51.100.78")
    assert errors == [str(LOCKOUT_MESSAGE)]
    # Another user signs in: the lockout is not a blanket refusal.
    get_user_model().objects.create_superuser("deputy", "deputy@example.com", PASSWORD)
    assert _sign_in(client, "deputy", PASSWORD, "198.51.100.79")[0] == 302


def test_sign_in_works_while_redis_is_down(client, site_home, redis_caches):
    get_user_model().objects.create_superuser("chief", "chief@example.com", PASSWORD)
    redis_caches.stop()
    for n in range(3):
        _sign_in(client, "chief", "wrong-password-123", f"198.51.100.{n}")
    assert _sign_in(client, "chief", PASSWORD, "198.51.100.9")[0] == 302


def test_page_password_limit_holds_while_redis_is_down(client, site_home, make_page, redis_caches):
    from django.urls import reverse
    from wagtail.models import PageViewRestriction

    from zoneportal.core.models import StandardPage

    page = make_page(site_home, StandardPage, title="Tender", slug="tender")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password=PASSWORD
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    redis_caches.stop()
    for _ in range(10):
        client.post(url, {"password": "guess", "return_url": page.url}, REMOTE_ADDR="192.0.2.9")
    response = client.post(
        url, {"password": PASSWORD, "return_url": page.url}, REMOTE_ADDR="192.0.2.9"
    )
    assert response.status_code == 429
