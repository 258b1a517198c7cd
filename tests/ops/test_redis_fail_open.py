"""Redis goes away: pages keep being served, sign-ins keep working, and the cache is
used again when Redis comes back. Runs against a real redis-server started here."""

import logging
import os
import signal
import time

import pytest
from django.contrib.auth import get_user_model
from django.core.cache import caches

from zoneportal.ops.redis_cache import FailOpenRedisCache
from zoneportal.settings.env import cache_config_from_url

from .conftest import needs_redis

pytestmark = [needs_redis, pytest.mark.django_db]


@pytest.fixture
def redis_caches(settings, redis_server, monkeypatch):
    monkeypatch.setattr(FailOpenRedisCache, "retry_after", 0.3)
    settings.CACHES = {
        "default": cache_config_from_url(redis_server.url, prefix="zp-failopen"),
        "renditions": cache_config_from_url(redis_server.url, prefix="zp-failopen-r"),
    }
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
    assert isinstance(caches["default"], FailOpenRedisCache)
    yield redis_server


def timed_get(client, url):
    started = time.monotonic()
    response = client.get(url)
    return response, time.monotonic() - started


def test_pages_are_served_while_redis_is_down_and_it_is_used_again(
    client, site_home, redis_caches, caplog
):
    caplog.set_level(logging.WARNING, logger="zoneportal.ops.redis")
    response, _ = timed_get(client, "/en/")
    assert response.status_code == 200
    assert redis_caches.key_count() > 0, "a rendered page writes to the cache"

    redis_caches.stop()
    for _ in range(3):
        response, elapsed = timed_get(client, "/en/")
        assert response.status_code == 200
        assert elapsed < 2
    unavailable = [r for r in caplog.records if "unavailable" in r.getMessage()]
    assert len(unavailable) == 1, "an outage is logged once, not on every cache call"
    assert "127.0.0.1" in unavailable[0].getMessage()

    redis_caches.start()  # same port, empty
    assert redis_caches.key_count() == 0
    time.sleep(0.4)  # past the retry pause
    for _ in range(3):
        assert client.get("/en/").status_code == 200
        if redis_caches.key_count():
            break
        time.sleep(0.4)
    assert redis_caches.key_count() > 0, "keys are written again once Redis is back"
    assert any("reachable again" in r.getMessage() for r in caplog.records)


def test_a_hung_redis_does_not_stall_every_request(client, site_home, redis_caches, monkeypatch):
    monkeypatch.setattr(FailOpenRedisCache, "retry_after", 5.0)  # the production pause
    assert client.get("/en/").status_code == 200
    os.kill(redis_caches.process.pid, signal.SIGSTOP)  # accepts connections, never answers
    try:
        timings = []
        for _ in range(4):
            response, elapsed = timed_get(client, "/en/")
            assert response.status_code == 200
            timings.append(elapsed)
        # One socket timeout (0.5 s) opens the breaker; later requests skip Redis.
        assert timings[0] < 2.5, timings
        assert max(timings[1:]) < 0.5, timings
    finally:
        os.kill(redis_caches.process.pid, signal.SIGCONT)


def test_sign_ins_survive_a_redis_outage(client, site_home, redis_caches):
    user = get_user_model().objects.create_superuser("ops-admin", "ops@example.com", "x" * 16)
    client.force_login(user)
    assert client.get("/admin/").status_code == 200

    redis_caches.stop()
    assert client.get("/admin/").status_code == 200, "the session is read from PostgreSQL"

    client.logout()
    client.force_login(user)  # signing in while Redis is down works too
    assert client.get("/admin/").status_code == 200

    redis_caches.start()
    time.sleep(0.4)
    assert client.get("/admin/").status_code == 200
