"""Running a site search and preparing the results for display.

No search promotions (wagtail.contrib.search_promotions) and no query logging:
results come from the Wagtail search index (SQLite FTS5 in development and tests,
PostgreSQL full text in production), ranked by relevance, read by `engine.py` one
page of results at a time. Result pages are cached (see `cached_window`).
"""

import datetime
import hashlib
from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.utils.safestring import SafeString
from wagtail.models import Locale, Page

from zoneportal.core.cache import structure_version
from zoneportal.core.visibility import public_pages

from .backend import index_version
from .engine import Match, Window, pages_in_order, search_window
from .highlighting import highlight, snippet
from .query import NormalisedQuery
from .text import page_text

CACHE_SECONDS = 600
"""Default lifetime of a cached result page (setting ZONEPORTAL_SEARCH_CACHE_SECONDS;
0 turns the cache off)."""


def searchable_pages(locale: Locale, home: Page | None):
    """Live, public pages in `locale` (within the current site when known)."""
    pages = public_pages(Page.objects.live().filter(locale=locale))
    if home is not None:
        pages = pages.descendant_of(home, inclusive=True)
    return pages


def _cache_seconds() -> int:
    return getattr(settings, "ZONEPORTAL_SEARCH_CACHE_SECONDS", CACHE_SECONDS)


class Searcher:
    """One search (query, locale, site) whose results are read a window at a time.

    The query as typed is searched first; only if no page matches it and it has a
    CJK word of four or more characters, the relaxed query (all alternatives in one
    statement) is searched instead. Each window, with its total and whether it came
    from the relaxed query, is cached under the structure version of
    `zoneportal.core.cache`, which every publish, unpublish, move or deletion of a
    page changes, and under the index version of `backend.py`, which every write to
    the search index changes: a cached result never outlives a change of what is
    published, nor an index update that a worker makes after the publish.

    A page whose title equals the query (case-insensitively) is ranked first, then
    pages whose title has every query term, then the others by relevance.
    """

    def __init__(self, query: NormalisedQuery, locale: Locale, home: Page | None):
        self.query = query
        self.pages = searchable_pages(locale, home)
        titles = query.exact_titles
        self.exact = Match(groups=(query.tokens,), titles=titles, prefer_titles=True)
        self.relaxed = Match(
            groups=tuple(query.relaxed_token_groups()), titles=titles, prefer_titles=True
        )
        # The text as typed (case-folded) decides the title match, the terms the rest.
        scope = (
            f"{locale.pk}:{home.pk if home is not None else '-'}:{query.cache_key}:"
            f"{query.typed.casefold()}"
        )
        self._scope_digest = hashlib.sha256(scope.encode()).hexdigest()[:32]
        self._exact_found_nothing = False

    def _key(self, offset: int, limit: int) -> str:
        versions = f"{structure_version()}:{index_version()}"
        return f"zp:search:{versions}:{self._scope_digest}:{offset}:{limit}"

    def window(self, offset: int, limit: int) -> tuple[Window, bool]:
        """(the window of results, True if it is from the relaxed query)."""
        seconds = _cache_seconds()
        key = self._key(offset, limit) if seconds else None
        if key is not None:
            cached = cache.get(key)
            if cached is not None:
                return cached
        if self._exact_found_nothing:
            found = search_window(self.relaxed, self.pages, offset, limit), True
        else:
            found = search_window(self.exact, self.pages, offset, limit), False
            if found[0].total == 0 and self.relaxed:
                self._exact_found_nothing = True
                found = search_window(self.relaxed, self.pages, offset, limit), True
        if key is not None:
            cache.set(key, found, timeout=seconds)
        return found


class SearchHits:
    """Search results as Django's Paginator wants them: countable and sliceable.

    The window the view asked for is fetched up front (with the total); a slice
    for another window (the paginator clamping an out-of-range page number) is
    fetched when asked for. Slices give specific pages, most relevant first.
    """

    ordered = True

    def __init__(self, searcher: Searcher, offset: int, limit: int):
        self.searcher = searcher
        self.offset, self.limit = offset, limit
        self.first, self.relaxed = searcher.window(offset, limit)

    def count(self) -> int:
        return self.first.total

    def __len__(self) -> int:
        return self.first.total

    def __getitem__(self, key):
        if not isinstance(key, slice) or key.step not in (None, 1):
            raise TypeError("search results can only be sliced")
        start = key.start or 0
        stop = min(self.first.total if key.stop is None else key.stop, self.first.total)
        if self.offset <= start and stop <= self.offset + self.limit:
            # Within the window fetched up front (the last page may be cut short).
            ids = self.first.ids[start - self.offset : stop - self.offset]
        else:
            # Another result page (the paginator clamped an out-of-range number):
            # fetch it as a whole page, so it is cached like any other.
            window = self.searcher.window(start, max(self.limit, stop - start))[0]
            ids = window.ids[: max(stop - start, 0)]
        return pages_in_order(ids)


@dataclass
class SearchOutcome:
    results: SearchHits
    """Countable, sliceable search results, most relevant first."""
    relaxed: bool = False
    """True if nothing matched as typed and the relaxed CJK query was used."""


def run_search(
    query: NormalisedQuery, locale: Locale, home: Page | None, *, page: int = 1, per_page: int = 10
) -> SearchOutcome:
    """Search results for `query`, most relevant first, with result page `page`
    (of `per_page` results) fetched: one SQL statement (two when the relaxed CJK
    query is needed), none when cached. All tokens must match ("and"). Only when
    that finds nothing and the query has a long CJK word, the relaxed query is
    used: the word may then be split in two ("하이닉스투자" finds "하이닉스의 투자").
    """
    offset = (max(page, 1) - 1) * per_page
    hits = SearchHits(Searcher(query, locale, home), offset, per_page)
    return SearchOutcome(hits, relaxed=hits.relaxed)


@dataclass
class SearchResult:
    page: Page
    url: str
    title: SafeString
    snippet: SafeString
    type_label: str
    section: str = ""
    date: datetime.date | None = None


def _section_titles(pages: list[Page], home: Page | None) -> dict[str, str]:
    """Map each top-level section path to its title, in one query."""
    if home is None:
        return {}
    depth = home.depth + 1
    prefix_length = Page.steplen * depth
    paths = {p.path[:prefix_length] for p in pages if p.depth > depth}
    if not paths:
        return {}
    sections = Page.objects.filter(path__in=paths).only("path", "title")
    return {section.path: section.title for section in sections}


def build_results(pages, query: NormalisedQuery, home: Page | None, request) -> list[SearchResult]:
    """Display data for one page of (specific) results, in a constant number of queries."""
    pages = list(pages)
    sections = _section_titles(pages, home)
    prefix_length = Page.steplen * (home.depth + 1) if home is not None else 0
    results = []
    for page in pages:
        specific_class = type(page)
        text = page_text(page)
        results.append(
            SearchResult(
                page=page,
                url=page.get_url(request) or "",
                title=highlight(page.title, query.highlight_terms(page.title)),
                snippet=snippet(text, query.highlight_terms(text)),
                type_label=str(specific_class._meta.verbose_name),
                section=sections.get(page.path[:prefix_length], "") if prefix_length else "",
                date=getattr(page, "publication_date", None),
            )
        )
    return results
