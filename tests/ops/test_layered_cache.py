"""Fragments kept per process in front of the shared cache, and the structure version
read once per request: fewer round trips to Redis for every page."""

import time

import pytest
from django.core.cache import cache, caches
from django.test import override_settings

from zoneportal.core import cache as structure
from zoneportal.ops.layered_cache import LayeredCache

SHARED = {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "zp-shared"}


@pytest.fixture
def layered(settings):
    settings.CACHES = {**settings.CACHES, "shared-for-test": SHARED}
    layer = LayeredCache(
        "zp-layer-test", {"OPTIONS": {"SHARED_ALIAS": "shared-for-test", "LOCAL_TIMEOUT": 1}}
    )
    layer.clear()
    yield layer, caches["shared-for-test"]
    layer.clear()


def test_a_fragment_is_written_to_both_and_then_read_locally(layered):
    layer, shared = layered
    layer.set("template.cache.nav.v7", "<nav>7</nav>", 3600)
    assert shared.get("template.cache.nav.v7") == "<nav>7</nav>"  # other servers see it
    shared.delete("template.cache.nav.v7")
    assert layer.get("template.cache.nav.v7") == "<nav>7</nav>"  # no round trip


def test_a_fragment_another_server_rendered_is_fetched_once_and_kept(layered, monkeypatch):
    layer, shared = layered
    shared.set("template.cache.footer.v7", "<footer/>", 3600)
    reads = []
    original = shared.get
    monkeypatch.setattr(shared, "get", lambda *a, **k: reads.append(a[0]) or original(*a, **k))
    assert [layer.get("template.cache.footer.v7") for _ in range(3)] == ["<footer/>"] * 3
    assert reads == ["template.cache.footer.v7"]
    assert layer.get("template.cache.missing", "default") == "default"


def test_the_local_copy_lives_at_most_local_timeout(layered):
    layer, shared = layered
    layer.set("k", "old", 3600)
    shared.set("k", "new", 3600)
    assert layer.get("k") == "old"
    time.sleep(1.1)
    assert layer.get("k") == "new"


def test_an_uncached_fragment_is_stored_nowhere_and_clear_empties_both(layered):
    layer, shared = layered
    layer.set("preview", "<p>draft</p>", 0)  # {% cache 0 %}: previews
    assert layer.get("preview") is None and shared.get("preview") is None
    layer.set("k", "v", 3600)
    layer.clear()
    assert layer.get("k") is None and shared.get("k") is None


@pytest.mark.django_db
def test_a_page_request_reads_the_structure_version_once(client, article, monkeypatch):
    client.get(article.url)  # warm
    reads = []
    original = structure._read_version
    monkeypatch.setattr(structure, "_read_version", lambda: reads.append(1) or original())
    response = client.get(article.url)
    assert response.status_code == 200
    assert len(reads) == 1


def test_a_bump_inside_a_request_is_seen_by_the_rest_of_it():
    with structure.pinned_structure_version():
        before = structure.structure_version()
        structure.bump_structure_version()
        assert structure.structure_version() > before


def test_versions_never_repeat_after_the_shared_cache_is_emptied():
    # Redis keeps nothing on disk: after a restart the version must not start again at
    # a number whose fragments a process may still hold.
    for _ in range(3):
        structure.bump_structure_version()
    before = structure.structure_version()
    time.sleep(0.01)
    cache.clear()
    assert structure.structure_version() > before


@override_settings(CACHES={"default": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}})
def test_without_a_reachable_cache_each_read_gets_a_version_of_its_own():
    first = structure.structure_version()
    time.sleep(0.002)
    assert structure.structure_version() != first
