"""The one rate counter (zoneportal.security.ratelimit.Limit), decision 0012.

These run on every pass with a cache that raises, as django-redis does without
IGNORE_EXCEPTIONS; tests/faults/test_redis_down.py repeats the outage against a real
redis-server that is stopped (PostgreSQL/Redis pass).
"""

import logging

import pytest
from django.test import Client
from redis.exceptions import ConnectionError as RedisConnectionError

from zoneportal.security import ratelimit
from zoneportal.security.lockout import LOCKOUT_MESSAGE
from zoneportal.security.ratelimit import LOCAL, OPEN, Limit

from .conftest import PASSWORD


class _DeadCache:
    """Every call fails as a Redis that is not there."""

    def __getattr__(self, name):
        def dead(*args, **kwargs):
            raise RedisConnectionError("Connection refused")

        return dead


@pytest.fixture
def dead_cache(monkeypatch):
    ratelimit.reset_local_counters()
    monkeypatch.setattr(ratelimit, "cache", _DeadCache())
    yield
    ratelimit.reset_local_counters()


def _sign_in(client, username, password, ip):
    return client.post(
        "/admin/login/", {"username": username, "password": password}, REMOTE_ADDR=ip
    )


@pytest.mark.django_db
def test_sign_in_lockout_does_not_fail_open_when_the_cache_is_down(
    client, admin_user, dead_cache, caplog
):
    caplog.set_level(logging.WARNING, logger="zoneportal.security.ratelimit")
    for n in range(5):
        _sign_in(Client(), "chief", "wrong-password-123", f"198.51.100.{n}")
    response = _sign_in(client, "chief", PASSWORD, "198.51.100.50")
    assert response.status_code == 200, "signed in after five failures: the lockout failed open"
    errors = [str(e) for e in response.context["form"].non_field_errors()]
    assert errors == [str(LOCKOUT_MESSAGE)]
    logged = [r.getMessage() for r in caplog.records]
    assert sum("signin-user limit counts in this process only" in m for m in logged) == 1


@pytest.mark.django_db
def test_sign_in_still_works_when_the_cache_is_down(client, admin_user, dead_cache):
    assert _sign_in(client, "chief", PASSWORD, "198.51.100.51").status_code == 302


def test_public_limits_fail_open_and_say_so(dead_cache, caplog):
    caplog.set_level(logging.WARNING, logger="zoneportal.security.ratelimit")
    search = Limit("search-test", 2, 60, when_cache_down=OPEN, fixed_windows=True)
    assert [search.over("203.0.113.9") for _ in range(5)] == [False] * 5
    assert any("search-test limit is not counted" in r.getMessage() for r in caplog.records)


def test_local_counting_is_bounded_per_process(dead_cache):
    guess = Limit("guess-test", 3, 60, when_cache_down=LOCAL)
    assert [guess.over("203.0.113.9") for _ in range(5)] == [False, False, False, True, True]
    assert guess.reached("203.0.113.9")
    assert not guess.reached("203.0.113.10")


def test_a_lock_holds_a_full_period_from_the_locking_hit(monkeypatch):
    touched = []
    real_touch = ratelimit.cache.touch
    monkeypatch.setattr(
        ratelimit.cache, "touch", lambda key, timeout: touched.append(timeout) or real_touch(key)
    )
    lock = Limit("hold-test", 2, 900, hold=True)
    lock.hit("x")
    assert touched == []
    lock.hit("x")
    assert touched == [900]
    assert lock.reached("x")
    lock.clear("x")
    assert not lock.reached("x")


def test_give_back_returns_a_slot_and_keys_hold_no_identity():
    limit = Limit("give-test", 1, 60)
    assert not limit.over("tanaka@example.jp")
    assert limit.over("tanaka@example.jp")
    limit.give_back("tanaka@example.jp")
    limit.give_back("tanaka@example.jp")
    assert not limit.over("tanaka@example.jp")
    assert "tanaka" not in limit.key("tanaka@example.jp")
