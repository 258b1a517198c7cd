"""A zone whose time zone differs from TIME_ZONE is reported (zoneportal.W014)."""

import pytest

from zoneportal.zones.checks import time_zones_match_the_settings
from zoneportal.zones.models import ZoneProfile


@pytest.mark.django_db
def test_a_zone_on_another_clock_than_time_zone_is_reported(site_home, settings):
    settings.TIME_ZONE = "UTC"
    profile = ZoneProfile.for_site(site_home.get_site())
    profile.time_zone = "Asia/Ho_Chi_Minh"
    profile.save()
    warnings = time_zones_match_the_settings(databases=["default"])
    assert [w.id for w in warnings] == ["zoneportal.W014"]
    assert "Asia/Ho_Chi_Minh" in warnings[0].msg and "UTC" in warnings[0].msg
    settings.TIME_ZONE = "Asia/Ho_Chi_Minh"
    assert time_zones_match_the_settings(databases=["default"]) == []


def test_the_check_reads_no_database_unless_asked():
    """`manage.py check` without --database (and every other command) never queries:
    without the django_db mark any query here raises."""
    assert time_zones_match_the_settings(databases=None) == []
