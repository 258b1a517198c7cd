from django.utils import timezone

from .profile import zone_profile


class ZoneTimeZoneMiddleware:
    """Dates and times of a request in its zone's time zone (the profile's).

    After CachedSiteMiddleware: the Site comes from the cache, the profile too, so a
    warm request costs no query here.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        timezone.activate(zone_profile(request).tzinfo)
        try:
            return self.get_response(request)
        finally:
            timezone.deactivate()
