"""Search tests send many searches from one client address: lift the per-IP search
rate limit (zoneportal.security.ratelimit), which has its own tests."""

import pytest


@pytest.fixture(autouse=True)
def _no_search_rate_limit(settings):
    settings.ZONEPORTAL_SEARCH_RATE = 1_000_000
