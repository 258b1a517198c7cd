"""Running a site search and preparing the results for display.

No search promotions (wagtail.contrib.search_promotions) and no query logging:
results come straight from the configured Wagtail search backend (SQLite FTS5 in
development and tests, PostgreSQL full text in production), ranked by relevance.
"""

import datetime
from dataclasses import dataclass

from django.utils.safestring import SafeString
from wagtail.models import Locale, Page
from wagtail.search.query import Or, PlainText

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


@dataclass
class SearchOutcome:
    results: object
    """Lazy, sliceable, countable search results, most relevant first."""
    relaxed: bool = False
    """True if nothing matched as typed and the relaxed CJK query was used."""


def run_search(query: NormalisedQuery, locale: Locale, home: Page | None) -> SearchOutcome:
    """Search results for `query`, most relevant first.

    `.specific()` is applied before searching, so a page of results is fetched with
    one query per page type. All tokens must match ("and"). Only when that finds
    nothing and the query has a long CJK word, the relaxed query is tried: the word
    may then be split in two ("하이닉스투자" finds "하이닉스의 투자"). The count of the
    first search is cached by Wagtail, so the paginator does not repeat it.
    """
    pages = searchable_pages(locale, home).specific()
    results = pages.search(query.search_string, operator="and")
    alternatives = query.relaxed_search_strings()
    if not alternatives or results.count():
        return SearchOutcome(results)
    relaxed = Or([PlainText(alternative, operator="and") for alternative in alternatives])
    return SearchOutcome(pages.search(relaxed), relaxed=True)


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
