"""Publishing, unpublishing, moving or deleting a news article purges every URL that
shows it, on every cache endpoint, after the transaction commits."""

import datetime as dt
import threading
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.db import transaction
from wagtail.models import Locale

from zoneportal.news.models import NewsArticlePage, NewsIndexPage
from zoneportal.ops import purge

pytestmark = pytest.mark.django_db


class PurgeRecorder:
    """A tiny HTTP server on 127.0.0.1 that records PURGE requests (path, Host)."""

    def __init__(self, status=200):
        self.requests = []
        self.encodings = []
        recorder = self

        class Handler(BaseHTTPRequestHandler):
            def do_PURGE(self):  # noqa: N802
                recorder.requests.append((self.path, self.headers["Host"]))
                recorder.encodings.append((self.path, self.headers["Accept-Encoding"]))
                self.send_response(status)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()

    def paths(self) -> set[str]:
        return {path for path, _host in self.requests}

    def close(self):
        self.server.shutdown()
        self.server.server_close()


@contextmanager
def one_cache_endpoint(settings, status=200):
    """Purging on, to a single recording endpoint that answers `status`."""
    recorder = PurgeRecorder(status)
    purge._local.urls = None
    settings.WAGTAILFRONTENDCACHE = {
        "a": {"BACKEND": "zoneportal.ops.purge.PurgeBackend", "LOCATION": recorder.url}
    }
    try:
        yield recorder
    finally:
        recorder.close()


@pytest.fixture
def caches_tier(settings):
    purge._local.urls = None  # nothing left over from transactions other tests rolled back
    first, second = PurgeRecorder(), PurgeRecorder()
    settings.WAGTAILFRONTENDCACHE = {
        "a": {"BACKEND": "zoneportal.ops.purge.PurgeBackend", "LOCATION": first.url},
        "b": {"BACKEND": "zoneportal.ops.purge.PurgeBackend", "LOCATION": second.url},
    }
    yield first, second
    first.close()
    second.close()


@pytest.fixture
def bilingual(site_home, news_index, article):
    """The article, its index and home also in Chinese."""
    zh, _ = Locale.objects.get_or_create(language_code="zh-hans")
    translated = {}
    for page in (site_home, news_index.get_parent(), news_index, article):
        copy = page.specific.copy_for_translation(zh)
        copy.save_revision().publish()
        translated[page.pk] = copy.specific
    return translated[article.pk]


NEWS = "/media-center/news/"


def expected(*languages, article_slug="park-opens", index=NEWS):
    paths = {"/sitemap.xml"}
    for language in languages:
        paths |= {
            f"/{language}/",
            f"/{language}{index}",
            f"/{language}{index}feed/rss/",
            f"/{language}{index}feed/atom/",
            f"/{language}{index}{article_slug}/",
        }
    return paths


def test_nothing_is_purged_when_no_cache_is_configured(article, settings, monkeypatch):
    calls = []
    monkeypatch.setattr("zoneportal.ops.purge.schedule", calls.append)
    settings.WAGTAILFRONTENDCACHE = {}
    article.save_revision().publish()
    assert calls == []


def test_publish_purges_the_article_in_every_language_and_what_lists_it(
    article, bilingual, caches_tier, django_capture_on_commit_callbacks
):
    first, second = caches_tier
    with django_capture_on_commit_callbacks(execute=True), transaction.atomic():
        article.title = "Park opens (corrected)"
        article.save_revision().publish()
        assert first.requests == [], "nothing is purged before the commit"
    assert first.paths() == expected("en", "zh")
    assert second.paths() == first.paths(), "every cache endpoint gets the same purges"
    assert {host for _path, host in first.requests} == {"testserver"}
    assert len(first.requests) == 2 * len(first.paths()), "each URL once per stored copy"


def test_unpublish_purges_the_same_urls(article, caches_tier, django_capture_on_commit_callbacks):
    first, _ = caches_tier
    with django_capture_on_commit_callbacks(execute=True):
        article.unpublish()
    assert first.paths() == expected("en")


@pytest.fixture
def archive(news_index, make_page):
    return make_page(news_index.get_parent(), NewsIndexPage, title="Archive", slug="archive")


def test_move_purges_old_and_new_urls_and_both_listings(
    article, archive, caches_tier, django_capture_on_commit_callbacks
):
    first, _ = caches_tier
    with django_capture_on_commit_callbacks(execute=True):
        NewsArticlePage.objects.get(pk=article.pk).move(archive, pos="last-child")
    archive_index = "/media-center/archive/"
    assert first.paths() == expected("en") | expected("en", index=archive_index)


def test_delete_purges_the_article_its_listing_and_the_other_language(
    article, bilingual, caches_tier, django_capture_on_commit_callbacks
):
    first, _ = caches_tier
    with django_capture_on_commit_callbacks(execute=True):
        NewsArticlePage.objects.get(pk=article.pk).delete()
    assert first.paths() == expected("en", "zh")


def test_a_related_article_box_pointing_at_it_is_purged(
    article, news_index, make_page, settings, django_capture_on_commit_callbacks
):
    from zoneportal.news.models import NewsArticleRelatedLink

    other = make_page(
        news_index,
        NewsArticlePage,
        title="Other",
        slug="other",
        publication_date=dt.date(2024, 1, 1),
    )
    NewsArticleRelatedLink.objects.create(page=other, article=article)
    with one_cache_endpoint(settings) as recorder:
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        assert f"/en{NEWS}other/" in recorder.paths()


def test_an_unreachable_cache_does_not_break_publishing(
    article, settings, caplog, django_capture_on_commit_callbacks
):
    from .conftest import free_port

    settings.WAGTAILFRONTENDCACHE = {
        "down": {
            "BACKEND": "zoneportal.ops.purge.PurgeBackend",
            "LOCATION": f"http://127.0.0.1:{free_port()}",
        }
    }
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()
    assert NewsArticlePage.objects.get(pk=article.pk).live
    assert any("Could not purge" in record.getMessage() for record in caplog.records)


def test_both_stored_copies_are_purged_and_a_missing_copy_is_no_error(
    article, settings, caplog, django_capture_on_commit_callbacks
):
    # nginx keeps a gzip and a plain copy of each page; a copy that is not cached
    # answers 404, which is not a failure worth an error in the log.
    with one_cache_endpoint(settings, status=404) as recorder:
        with django_capture_on_commit_callbacks(execute=True):
            article.save_revision().publish()
        article_path = f"/en{NEWS}park-opens/"
        copies = sorted(
            ("gzip" if encoding == "gzip" else "plain")
            for path, encoding in recorder.encodings
            if path == article_path
        )
        assert copies == ["gzip", "plain"]
    assert not any("Could not purge" in record.getMessage() for record in caplog.records)


# -- a stale cache or a failing receiver never breaks the editor's action ---------------
def stale_site_root_paths():
    """Wagtail's cached site root paths as a previous database left them in the cache
    (after `make restore`, or a re-created database behind the same Redis): they name
    a Site id that does not exist here."""
    from django.core.cache import cache
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    cache.set(
        SITE_ROOT_PATHS_CACHE_KEY,
        [(987654, "/home/", "http://old-site.example", "en")],
        3600,
        version=SITE_ROOT_PATHS_CACHE_VERSION,
    )


def delete_or_correct(page, action):
    """The editor's action: delete the page, or publish a corrected title."""
    if action == "delete":
        page.delete()
    else:
        page.title = "Park opens (corrected)"
        page.save_revision().publish()


def assert_the_change_went_through(article, action):
    if action == "delete":
        assert not NewsArticlePage.objects.filter(pk=article.pk).exists()
    else:
        assert NewsArticlePage.objects.get(pk=article.pk).title == "Park opens (corrected)"


@pytest.mark.parametrize("action", ["delete", "publish"])
def test_a_stale_site_root_paths_cache_neither_breaks_nor_misdirects_the_purge(
    article, settings, caplog, action, django_capture_on_commit_callbacks
):
    stale_site_root_paths()
    page = NewsArticlePage.objects.get(pk=article.pk)
    with one_cache_endpoint(settings) as recorder:
        with django_capture_on_commit_callbacks(execute=True):
            delete_or_correct(page, action)
        assert f"/en{NEWS}park-opens/" in recorder.paths(), "purged with the real site"
        assert {host for _path, host in recorder.requests} == {"testserver"}
    assert_the_change_went_through(article, action)
    assert any("missing site" in record.getMessage() for record in caplog.records)


@pytest.mark.parametrize("action", ["delete", "publish"])
def test_a_failing_purge_or_menu_receiver_is_logged_and_the_change_goes_through(
    article, settings, caplog, monkeypatch, action, django_capture_on_commit_callbacks
):
    import zoneportal.core.cache

    def broken(*args, **kwargs):
        raise RuntimeError("receiver exploded")

    class BrokenCache:
        incr = set = broken

    monkeypatch.setattr(purge, "urls_for", broken)
    monkeypatch.setattr(zoneportal.core.cache, "cache", BrokenCache())
    page = NewsArticlePage.objects.get(pk=article.pk)
    with one_cache_endpoint(settings) as recorder:
        with django_capture_on_commit_callbacks(execute=True):
            delete_or_correct(page, action)
        assert recorder.requests == []
    if action == "delete":
        assert not NewsArticlePage.objects.filter(pk=article.pk).exists()
    else:
        assert NewsArticlePage.objects.get(pk=article.pk).live
        assert NewsArticlePage.objects.get(pk=article.pk).title == "Park opens (corrected)"
    failures = [r for r in caplog.records if r.name == "zoneportal.ops.signals"]
    assert {r.getMessage().split(" failed")[0] for r in failures} >= {
        "zoneportal.ops.purge.on_delete"
        if action == "delete"
        else "zoneportal.ops.purge.on_publish_or_unpublish",
        "zoneportal.core.cache.bump_structure_version",
    }
    assert all(str(r.exc_info[1]) == "receiver exploded" for r in failures)
