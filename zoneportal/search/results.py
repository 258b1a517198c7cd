"""Running a site search and preparing the results for display.

No search promotions (wagtail.contrib.search_promotions) and no query logging:
results come straight from the configured Wagtail search backend (SQLite FTS5 in
development and tests, PostgreSQL full text in production), ranked by relevance.
"""

import datetime
from dataclasses import dataclass

from django.utils.safestring import SafeString
from wagtail.models import Locale, Page

from zoneportal.core.visibility import public_pages

from .highlighting import highlight, snippet
from .query import NormalisedQuery
from .text import page_text


def searchable_pages(locale: Locale, home: Page | None):
    """Live, public pages in `locale` (within the current site when known)."""
    pages = public_pages(Page.objects.live().filter(locale=locale))
    if home is not None:
        pages = pages.descendant_of(home, inclusive=True)
    return pages


def run_search(query: NormalisedQuery, locale: Locale, home: Page | None):
    """Search results (lazy, sliceable, countable) for `query`, most relevant first.

    `.specific()` is applied before searching, so a page of results is fetched with
    one query per page type. All terms must match ("and").
    """
    pages = searchable_pages(locale, home).specific()
    return pages.search(query.search_string, operator="and")


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
        results.append(
            SearchResult(
                page=page,
                url=page.get_url(request) or "",
                title=highlight(page.title, query.terms),
                snippet=snippet(page_text(page), query.terms),
                type_label=str(specific_class._meta.verbose_name),
                section=sections.get(page.path[:prefix_length], "") if prefix_length else "",
                date=getattr(page, "publication_date", None),
            )
        )
    return results
