"""Query normalisation: the one place that turns what a visitor typed into search terms.

Everything that depends on how a query is split into words (the database search,
the highlighted snippets, the "results for ..." line) goes through
`normalise_query`, so a later change of tokenisation (for example bigrams for
Chinese, Japanese and Korean text) only has to touch this module.
"""

import re
import unicodedata
from dataclasses import dataclass

MAX_QUERY_LENGTH = 200
"""Longest query searched; longer input is truncated and the visitor is told."""

MAX_TERMS = 12
"""At most this many distinct words are sent to the search backend."""

# Invisible characters that carry no meaning in a query but would split or glue
# words: zero-width space/joiners, word joiner, BOM, soft hyphen, bidi marks.
_INVISIBLE = dict.fromkeys(
    map(
        ord,
        "\u00ad\u180e\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e"
        "\u2060\u2061\u2062\u2063\u2064\u2066\u2067\u2068\u2069\ufeff",
    ),
    None,
)
_WHITESPACE = re.compile(r"\s+")
_TERM = re.compile(r"\w+")


@dataclass(frozen=True)
class NormalisedQuery:
    text: str
    """The cleaned query as shown back to the visitor and kept in pagination links."""
    terms: tuple[str, ...]
    """Distinct words to search for and highlight, in the order typed."""
    truncated: bool = False
    """True if the input was longer than MAX_QUERY_LENGTH and was cut."""

    @property
    def search_string(self) -> str:
        """What is passed to `QuerySet.search()`: plain words, no backend syntax.

        Quotes, operators and punctuation are dropped, so no input can produce an
        invalid SQLite FTS5 / PostgreSQL tsquery expression.
        """
        return " ".join(self.terms)

    def __bool__(self) -> bool:
        return bool(self.terms)


def _clean_characters(raw: str) -> str:
    # NFKC folds full-width Latin letters and digits (common in CJK input methods)
    # to their ASCII forms, so "ＳＫ" finds "SK".
    text = unicodedata.normalize("NFKC", raw).translate(_INVISIBLE)
    # Control characters (NUL, escape ...) become spaces; whitespace is collapsed below.
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)


def normalise_query(raw: str | None) -> NormalisedQuery:
    """Clean `raw` (a GET parameter) and split it into search terms.

    Strips and collapses whitespace, removes control and zero-width characters,
    caps the length at MAX_QUERY_LENGTH (cutting at a word boundary where
    possible) and extracts the distinct words, case-insensitively.
    """
    text = _WHITESPACE.sub(" ", _clean_characters(raw or "")).strip()
    truncated = len(text) > MAX_QUERY_LENGTH
    if truncated:
        cut = text[:MAX_QUERY_LENGTH]
        space = cut.rfind(" ")
        text = (cut[:space] if space > MAX_QUERY_LENGTH // 2 else cut).strip()

    terms: list[str] = []
    seen: set[str] = set()
    for match in _TERM.finditer(text):
        term = match.group().strip("_")
        if term and term.casefold() not in seen:
            seen.add(term.casefold())
            terms.append(term)
        if len(terms) >= MAX_TERMS:
            break
    return NormalisedQuery(text=text, terms=tuple(terms), truncated=truncated)
