"""Purge the page cache (nginx proxy_cache, docs/decisions/0011) when the site changes.

Wagtail's frontend cache gives the HTTP purge backend and PurgeBatch; this module
decides what to purge and when. The `wagtail.contrib.frontend_cache` app itself is not
installed: its signal handlers purge inside the publishing transaction (a visitor
could re-cache the old page before the commit), through the task queue (in production
a database queue, so seconds later), and rewrite /en/ into /zh-hans/, which is not our
prefix (/zh/).

When a page is published, unpublished, moved or deleted, one batch, sent right after
the transaction commits, purges:
- the page (and its routable sub-pages without parameters) in every language it
  exists in, since the language links of each translation change;
- the parent of each translation (the listing that shows it) with its feeds
  (`feed/rss/`, `feed/atom/` of a news index) and other parameterless sub-routes;
- pages that link to it explicitly as a related article;
- every language's home page (latest news) and /sitemap.xml;
- for a move, the old URLs of the page and of up to MAX_MOVED_DESCENDANTS descendants.

Purging is on only when WAGTAILFRONTENDCACHE has backends (CACHE_PURGE_URL in
production). Each URL is one `PURGE <path>` request with the page's Host header to
every endpoint (docs/operations.md, "Cache purge").
"""

import copy
import logging
import threading
from urllib.error import HTTPError, URLError
from urllib.parse import urlsplit, urlunsplit
from urllib.request import ProxyHandler, build_opener

from django.conf import settings
from django.db import transaction
from django.db.models.signals import pre_delete
from django.urls import NoReverseMatch
from wagtail import __version__ as wagtail_version
from wagtail.contrib.frontend_cache.backends import HTTPBackend
from wagtail.contrib.frontend_cache.backends.http import PurgeRequest
from wagtail.contrib.frontend_cache.utils import PurgeBatch, get_backends
from wagtail.contrib.routable_page.models import RoutablePageMixin
from wagtail.models import Page, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from .failsafe import fail_safe

logger = logging.getLogger("zoneportal.ops.purge")

MAX_MOVED_DESCENDANTS = 500
_local = threading.local()


class PurgeBackend(HTTPBackend):
    """Wagtail's HTTPBackend for nginx's page cache (docs/decisions/0011).

    nginx keeps two copies of a page, gzip and plain, under keys that differ by the
    request's encoding, so each URL is purged twice: with `Accept-Encoding: gzip` and
    without. A 404 answer means that copy was not cached, which is fine. Requests have
    a timeout and ignore HTTP(S)_PROXY variables: a hung cache server must not hang
    the editor's request, and purges go to the cache server directly.
    """

    timeout = 3
    encodings = ("gzip", None)

    def __init__(self, params):
        params = dict(params)
        self.timeout = params.pop("TIMEOUT", self.timeout)
        super().__init__(params)
        self.opener = build_opener(ProxyHandler({}))

    def purge(self, url):
        parts = urlsplit(url)
        host = parts.hostname + (f":{parts.port}" if parts.port else "")
        target = urlunsplit([self.cache_scheme, self.cache_netloc, parts.path, parts.query, ""])
        for encoding in self.encodings:
            headers = {"Host": host, "User-Agent": f"Wagtail-frontendcache/{wagtail_version}"}
            if encoding:
                headers["Accept-Encoding"] = encoding
            self._send(PurgeRequest(url=target, headers=headers), url)

    def _send(self, request, url):
        try:
            self.opener.open(request, timeout=self.timeout).close()  # noqa: S310 - configured URL
        except HTTPError as exc:
            if exc.code == 404:  # that copy was not in the cache
                return
            logger.error("Could not purge %s at %s: HTTP %s", url, self.cache_netloc, exc.code)
        except (URLError, OSError) as exc:
            logger.error("Could not purge %s at %s: %s", url, self.cache_netloc, exc)


def enabled() -> bool:
    return bool(getattr(settings, "WAGTAILFRONTENDCACHE", None))


# -- what to purge ----------------------------------------------------------------------
def own_urls(page) -> set[str]:
    """The page's URLs: its cached paths and parameterless routable sub-pages."""
    base = page.get_full_url()
    if not base:
        return set()
    urls = {base + path.lstrip("/") for path in page.get_cached_paths()}
    if isinstance(page, RoutablePageMixin):
        for pattern in page.get_subpage_urls():
            try:
                urls.add(base + page.reverse_subpage(pattern.name))
            except NoReverseMatch:
                continue  # needs parameters (a tag, a year ...)
    return urls


def site_wide_urls(page) -> set[str]:
    """Every language's home page and the sitemap of the page's site."""
    site = page.get_site()
    if site is None:
        return set()
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    urls = {url for url in (home.get_full_url() for home in homes) if url}
    urls.add(site.root_url + "/sitemap.xml")
    return urls


def pages_linking_to(page) -> list:
    from zoneportal.news.models import NewsArticleRelatedLink

    links = NewsArticleRelatedLink.objects.filter(article_id=page.pk).select_related("page")
    return [link.page for link in links]


def urls_for(page) -> set[str]:
    """Every URL that shows the page.

    Wagtail caches the sites' root paths (key "wagtail_site_root_paths", an hour). A
    cache that outlived its database (after a restore, or a re-created database behind
    the same Redis) can name a Site that no longer exists: then that cache entry is
    dropped and the URLs are worked out again from the database.
    """
    try:
        return _urls_for(page)
    except Site.DoesNotExist:
        logger.warning("Cached site root paths name a missing site; clearing that cache")
        Site.clear_site_root_paths_cache()
        for cached in (page, page.__dict__.get("specific")):  # Wagtail's per-instance copy
            if cached is not None:
                cached.__dict__.pop("_wagtail_cached_site_root_paths", None)
        return _urls_for(page)


def _urls_for(page) -> set[str]:
    urls = set()
    translations = Page.objects.filter(translation_key=page.translation_key).specific()
    for translation in translations or [page.specific]:
        urls |= own_urls(translation)
        parent = translation.get_parent()
        if parent is not None and not parent.is_root():
            urls |= own_urls(parent.specific)
        for linking in pages_linking_to(translation):
            urls |= own_urls(linking)
    return urls | site_wide_urls(page)


def moved_urls(page, url_path_before: str, url_path_after: str) -> set[str]:
    """The URLs the page and its descendants had before the move, and have now."""
    urls = set()
    if url_path_before == url_path_after:
        return urls
    moved = [page, *page.get_descendants().specific()[:MAX_MOVED_DESCENDANTS]]
    for current in moved:
        current = current.specific
        urls |= own_urls(current)
        before = copy.copy(current)
        before.url_path = url_path_before + current.url_path[len(url_path_after) :]
        urls |= own_urls(before)
    return urls


# -- when -------------------------------------------------------------------------------
def schedule(urls: set[str]) -> None:
    """Purge these URLs once the current transaction commits (at once outside one)."""
    if not urls:
        return
    pending = getattr(_local, "urls", None)
    if pending is None:
        pending = _local.urls = set()
    pending.update(urls)
    # Registered every time: a rolled-back transaction drops its callback, and the
    # next commit then sends what is pending (an extra purge is harmless).
    transaction.on_commit(flush, robust=True)


def flush() -> None:
    urls, _local.urls = getattr(_local, "urls", None), None
    if not urls or not enabled():
        return
    batch = PurgeBatch(sorted(urls))
    for name, backend in get_backends().items():
        chosen = [u for u in sorted(batch.urls) if backend.invalidates_hostname(urlsplit(u).netloc)]
        backend.purge_batch(chosen)
        logger.info("Purged %d URLs from cache %s", len(chosen), name)


# -- signal handlers --------------------------------------------------------------------
# Each is fail_safe: a purge that cannot be worked out is logged, never the reason an
# editor's publish or delete fails (the page then stays in nginx's cache for at most
# s-maxage).
@fail_safe
def on_publish_or_unpublish(sender, instance, **kwargs):
    if enabled():
        schedule(urls_for(instance))


@fail_safe
def on_move(sender, instance, url_path_before, url_path_after, parent_page_before, **kwargs):
    if enabled():
        urls = urls_for(instance) | moved_urls(instance, url_path_before, url_path_after)
        if parent_page_before is not None and not parent_page_before.is_root():
            urls |= own_urls(parent_page_before.specific)
        schedule(urls)


@fail_safe
def on_delete(sender, instance, **kwargs):
    # Before the delete: the page, its parent and its site still exist.
    if enabled():
        schedule(urls_for(instance))


def connect() -> None:
    page_published.connect(on_publish_or_unpublish, dispatch_uid="zp-purge-published")
    page_unpublished.connect(on_publish_or_unpublish, dispatch_uid="zp-purge-unpublished")
    post_page_move.connect(on_move, dispatch_uid="zp-purge-moved")
    pre_delete.connect(on_delete, sender=Page, dispatch_uid="zp-purge-deleted")
