"""Wagtail's database search backend, with an index version bumped on every index write.

Settings name this module as the backend (`WAGTAILSEARCH_BACKENDS["default"]["BACKEND"]
= "zoneportal.search.backend"`). `SearchBackend` builds the backend Wagtail would
pick for the database (PostgreSQL full text, SQLite FTS5) and swaps its index class
for a subclass whose writes (pages added or updated, deleted, the index reset or
rebuilt) bump `index_version()` once the write is committed.

Why: cached search results (`results.Searcher`) are keyed by that version as well
as by the structure version. Publishing bumps the structure version at once, but
with a task queue the page is indexed later, by the worker; a search in between
would cache the old answer ("0 results" for a new page, or an empty index on a
fresh start) for the whole cache lifetime. With the index version in the key, the
worker's write makes the next search read the index again.
"""

import functools
import time

from django.core.cache import cache
from django.db import transaction
from wagtail.search.backends.database import SearchBackend as _database_backend

INDEX_VERSION_KEY = "zoneportal:search-index-version"


def index_version() -> int:
    """The current index version (0 while the cache holds none)."""
    version = cache.get(INDEX_VERSION_KEY)
    return version if version is not None else 0


def bump_index_version() -> None:
    """Give the index a new version, so cached search results are read again."""
    try:
        cache.incr(INDEX_VERSION_KEY)
    except ValueError:  # no version yet (or the cache is unreachable)
        # Milliseconds, not 1: a restarted Redis never brings back an old number.
        cache.set(INDEX_VERSION_KEY, time.time_ns() // 1_000_000, timeout=None)


def _bump_after_commit() -> None:
    # After the commit: a search running meanwhile still sees the old rows and
    # must not cache them under the new version.
    transaction.on_commit(bump_index_version, robust=True)


@functools.cache
def _versioned(index_class):
    """`index_class` with every write followed by an index version bump."""

    class VersionedIndex(index_class):
        def add_items(self, model, items):
            super().add_items(model, items)
            _bump_after_commit()

        def delete_item(self, item):
            super().delete_item(item)
            _bump_after_commit()

        def reset(self):
            super().reset()
            _bump_after_commit()

    VersionedIndex.__name__ = VersionedIndex.__qualname__ = f"Versioned{index_class.__name__}"
    return VersionedIndex


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    """The database backend for the default connection, with a versioned index."""
    backend = _database_backend(params)
    backend.index_class = _versioned(type(backend).index_class)
    return backend
