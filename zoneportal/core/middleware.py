"""Request-level caching of the Wagtail Site lookup."""

from django.core.cache import cache
from wagtail.models import Site

from .cache import structure_version


class CachedSiteMiddleware:
    """Resolve the request's Wagtail Site from the shared cache.

    Wagtail queries the Site table (and the root page) on every request. Sites change
    rarely; saving or deleting one bumps the structure version, which is part of the
    key, so every app server sees the change at once.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        host = request._get_raw_host().lower()
        key = f"zoneportal:site:{structure_version()}:{host}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site._find_for_request(request)
            if site is not None:
                site.root_page  # noqa: B018 - load it so the cached copy carries it
                cache.set(key, site, timeout=3600)
        request._wagtail_site = site
        return self.get_response(request)
