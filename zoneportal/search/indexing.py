"""Extra search-index fields that make Chinese, Japanese and Korean text searchable.

`BasePage` lists `CJK_SEARCH_FIELDS` in its `search_fields` and binds the two
functions below as methods, so every page type (they all extend
`BasePage.search_fields`) gets them without its own change. The index then holds,
next to the ordinary fields, the CJK bigrams of the title (boosted like the title
on PostgreSQL) and of the page text used for snippets (`text.page_text`).

The fields are filled when Wagtail indexes a page (on publish, through
django-tasks, and by `manage.py update_index`); run `update_index` once after
deploying this or after changing the tokenisation in `query.py`.
"""

from wagtail.search import index

from .query import cjk_index_text
from .text import page_text

INDEX_TEXT_LIMIT = 100_000
"""Characters of page text indexed: far more than a snippet needs, a bound all the same."""


def cjk_search_title(page) -> str:
    """CJK bigrams of the page title (empty for a Latin-only title)."""
    return cjk_index_text(page.title)


def cjk_search_text(page) -> str:
    """CJK bigrams of the summary, search description and indexed body text."""
    return cjk_index_text(page_text(page, limit=INDEX_TEXT_LIMIT))


CJK_SEARCH_FIELDS = [
    index.SearchField("cjk_search_title", boost=2),
    index.SearchField("cjk_search_text"),
]
