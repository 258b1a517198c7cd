"""Refuse a Host header whose port the site does not serve (cache poisoning, issue 13).

nginx's page cache keys on the host name without the port. A page rendered for
`Host: <site>:65535` is stored under the same key as the real one, so anything taken
from that port would be served to every visitor for an hour. Absolute URLs are
built from the configured Site (core/seo.py), so today nothing is; this middleware
is the second wall: such a request gets a localized 400 (`no-store`, never cached)
before sessions, the Site lookup or any view.

A port is served when it is
- absent, 80 or 443 (what browsers and the front nginx send);
- the port of a Wagtail Site (Settings > Sites; e.g. 8000 in development, the test
  cluster's nginx port);
- the port of WAGTAILADMIN_BASE_URL;
- the TCP port this server itself listens on (a request straight to an app server,
  `runserver`, a probe). Not over a unix socket: there gunicorn fills SERVER_PORT
  from the Host header itself, so it proves nothing (REMOTE_ADDR is empty then).

/healthz and /readyz answer before this (zoneportal/ops/health.py).
"""

import logging
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.http.request import split_domain_port
from django.shortcuts import render
from django.utils import translation

from zoneportal.core.seo import site_root_url

logger = logging.getLogger(__name__)

DEFAULT_PORTS = frozenset({"", "80", "443"})


def site_ports() -> frozenset[str]:
    """Ports of the configured Sites, cached until the site structure changes."""
    from wagtail.models import Site

    from zoneportal.core.cache import structure_version

    key = f"zoneportal:site-ports:{structure_version()}"
    ports = cache.get(key)
    if ports is None:
        ports = frozenset(str(port) for port in Site.objects.values_list("port", flat=True))
        cache.set(key, ports, timeout=3600)
    return ports


def _base_url_port() -> str:
    parts = urlsplit(getattr(settings, "WAGTAILADMIN_BASE_URL", "") or "")
    try:
        return str(parts.port or "")
    except ValueError:
        return ""


def request_port(request) -> str:
    """The port named in the Host header ("" when there is none)."""
    _domain, port = split_domain_port(request._get_raw_host())
    return port


def is_served_port(request, port: str) -> bool:
    if port in DEFAULT_PORTS or port == _base_url_port():
        return True
    if request.META.get("REMOTE_ADDR") and port == str(request.META.get("SERVER_PORT", "")):
        return True
    return port in site_ports()


def unknown_port_response(request):
    code = translation.get_language_from_request(request, check_path=True)
    with translation.override(code or settings.LANGUAGE_CODE):
        # The link home names the configured Site: "/" would keep the refused port.
        context = {"home_url": site_root_url(request) + "/"}
        response = render(request, "security/unknown_port.html", context, status=400)
    response["Cache-Control"] = "no-store"
    return response


class HostPortMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        port = request_port(request)
        if not is_served_port(request, port):
            logger.info("Refused Host port %s for %s", port[:8], request.path_info[:80])
            return unknown_port_response(request)
        return self.get_response(request)
