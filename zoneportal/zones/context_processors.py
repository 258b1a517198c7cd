from django.utils.functional import SimpleLazyObject

from .profile import zone_profile


def zone(request):
    """`zone`: the request's zone profile (a cached snapshot), read only if a template uses it."""
    return {"zone": SimpleLazyObject(lambda: zone_profile(request))}
