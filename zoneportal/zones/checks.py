"""System checks of the zone profiles against the installation's settings.

Until the admin and background work (service levels, the daily digest, exports) run
in each zone's own time zone, they use TIME_ZONE. A zone whose profile names another
time zone would get deadlines and digests on the wrong clock without notice, which is
exactly what an upgrade from a single-zone install (TIME_ZONE was the zone's) to the
zone-free default (UTC) would do. Tagged `database`: run by `migrate` and `check
--database default`, not by every management command.
"""

from django.conf import settings
from django.core.checks import Tags, Warning, register
from django.db import DatabaseError


@register(Tags.database)
def time_zones_match_the_settings(app_configs=None, databases=None, **kwargs):
    if not databases:  # database checks run only when asked to (migrate, --database)
        return []
    from .models import ZoneProfile

    try:
        zones = list(
            ZoneProfile.objects.exclude(time_zone=settings.TIME_ZONE).values_list(
                "site__hostname", "time_zone"
            )
        )
    except DatabaseError:  # before the zones table exists (the first migrate)
        return []
    return [
        Warning(
            f"The zone profile of {hostname} uses the time zone {time_zone}, but "
            f"TIME_ZONE is {settings.TIME_ZONE}: the admin, service levels, the daily "
            "digest and exports use TIME_ZONE.",
            hint=f"Set ZONEPORTAL_TIME_ZONE={time_zone} in the environment of the app "
            "servers and the task worker (docs/zones.md).",
            id="zoneportal.W014",
        )
        for hostname, time_zone in zones
    ]
