"""Fault: Redis is unavailable while visitors search and send inquiries.

tests/ops/test_redis_fail_open.py proves pages and sign-ins survive an outage; this
adds the two features that *count* in Redis: the inquiry form (per-IP and per-email
rate limits) and the search (per-IP rate limit). With Redis down both keep working
and the limits fail open, as docs/operations.md ("Redis fail-open") documents:
turning investors away because a cache is down would be worse than a few extra
spam posts, which are still caught by the honeypot and fill-time checks. When Redis
is back the limits hold again. Nothing is lost: every accepted inquiry is stored.
Needs REDIS_URL and redis-server (the PostgreSQL/Redis pass of .ci/run).
"""

import time

import pytest
from django.core.cache import caches

from tests.inquiries.conftest import (  # noqa: F401 - fixtures
    industries,
    inquiry_page,
    valid_data,
)
from tests.ops.conftest import needs_redis, redis_server  # noqa: F401 - fixture
from zoneportal.inquiries.models import Inquiry
from zoneportal.ops.redis_cache import FailOpenRedisCache
from zoneportal.settings.env import cache_config_from_url

pytestmark = [needs_redis, pytest.mark.django_db]


@pytest.fixture
def redis_caches(settings, redis_server, monkeypatch):  # noqa: F811
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
