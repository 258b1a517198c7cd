"""Request-level caching of the Wagtail Site lookup; the real 404 page under DEBUG."""

from django.conf import settings
from django.core.cache import cache
from django.http import Http404
from wagtail.models import Site

from .cache import pinned_structure_version, structure_version
from .views import page_not_found


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


class DebugNotFoundMiddleware:
    """With DEBUG on (`make run`), unknown URLs get the site's own 404 page.

    Django shows its technical 404 page whenever DEBUG is on, so developers never saw
    templates/404.html. This middleware renders the real page instead: for a view that
    raised Http404 (Wagtail's page router, the search view ...) and for a URL that no
    pattern matched. Set ZONEPORTAL_TECHNICAL_404 = True (the environment variable of
    the same name in settings.dev) to get Django's technical page back. With DEBUG off
    it does nothing: Django already calls handler404.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    @staticmethod
    def active() -> bool:
        return settings.DEBUG and not getattr(settings, "ZONEPORTAL_TECHNICAL_404", False)

    def __call__(self, request):
        response = self.get_response(request)
        if response.status_code == 404 and request.resolver_match is None and self.active():
            # No URL pattern matched, so no view ran: Django answered with its debug page.
            return page_not_found(request)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, Http404) and self.active():
            return page_not_found(request, exception)
        return None
