"""Request-level caching of the Wagtail Site lookup."""

from django.core.cache import cache
from wagtail.models import Site

from .cache import pinned_structure_version, structure_version


class CachedSiteMiddleware:
    """Resolve the request's Wagtail Site from the shared cache.

    Wagtail queries the Site table (and the root page) on every request. Sites change
    rarely; saving or deleting one bumps the structure version, which is part of the
    key, so every app server sees the change at once. The version is read once here
    for the whole request (core/cache.py).
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        with pinned_structure_version():
            request._wagtail_site = self.find_site(request)
            return self.get_response(request)

    @staticmethod
    def find_site(request):
        host = request._get_raw_host().lower()
        key = f"zoneportal:site:{structure_version()}:{host}:{request.get_port()}"
        site = cache.get(key)
        if site is None:
            site = Site._find_for_request(request)
            if site is not None:
                # The cached copy carries its root page, specific: routing starts with
                # root_page.localized (HomePage's is cached, core/cached_pages.py).
                site.root_page = site.root_page.specific
                cache.set(key, site, timeout=3600)
        return site
