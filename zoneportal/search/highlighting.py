"""Search-result snippets with the matched words wrapped in <mark>.

Pure Python, no database: give it plain text and the query terms (from
`zoneportal.search.query.normalise_query`). Matches are found on the plain text,
then every piece of text is HTML-escaped on its own and only the <mark> tags this
module writes are left unescaped, so neither the query nor the page content can
inject markup.

Matching is case-insensitive. A term of three or more characters also matches
words that start with it ("invest" marks "investment"), and the whole word is
marked; shorter terms ("SK") only match whole words. Terms in scripts written
without spaces (Chinese, Japanese, Korean, Thai ...) match anywhere.
"""

import html
import re
from collections.abc import Iterable, Sequence

from django.utils.safestring import SafeString, mark_safe

SNIPPET_WORDS = 30
"""Approximate length of a snippet, in words."""

WORDS_BEFORE_MATCH = 8
"""How many words of context to keep before the first match."""

ELLIPSIS = "…"

_WORD = re.compile(r"\S+")
_ONLY_SPACE = re.compile(r"\s+")
_MIN_PREFIX_LENGTH = 3
_SUFFIXES = ("ing", "es", "ed", "s")
# Scripts without spaces between words: a term there is a substring, not a word.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)

Span = tuple[int, int]


def _term_pattern(term: str) -> str:
    if _UNSPACED.search(term):
        return re.escape(term)
    # Word boundaries only make sense next to word characters ("<b" or "a+" have none).
    before = r"(?<!\w)" if term[0].isalnum() else ""
    if not term[-1].isalnum():
        return before + re.escape(term)
    if len(term) < _MIN_PREFIX_LENGTH:
        return rf"{before}{re.escape(term)}(?!\w)"
    stem = term
    for suffix in _SUFFIXES:
        if term.lower().endswith(suffix) and len(term) - len(suffix) >= 4:
            stem = term[: -len(suffix)]
            break
    return rf"{before}{re.escape(stem)}\w*"


def find_spans(text: str, terms: Iterable[str]) -> list[Span]:
    """Character ranges of `text` matching any of `terms`, sorted and merged.

    Each term is matched on its own, so overlapping matches of different terms
    (e.g. "无锡" and "锡新" in "无锡新区") are all found; overlapping or touching
    ranges are then merged into one.
    """
    spans: list[Span] = []
    for term in terms:
        if not term:
            continue
        pattern = re.compile(_term_pattern(term), re.IGNORECASE)
        spans.extend(m.span() for m in pattern.finditer(text) if m.end() > m.start())
    return _merge(sorted(spans), text)


def _merge(spans: Sequence[Span], text: str) -> list[Span]:
    """Merge overlapping spans, and spans separated only by whitespace (a phrase)."""
    merged: list[Span] = []
    for start, end in spans:
        if merged:
            last_start, last_end = merged[-1]
            gap = text[last_end:start]
            if start <= last_end or _ONLY_SPACE.fullmatch(gap):
                merged[-1] = (last_start, max(last_end, end))
                continue
        merged.append((start, end))
    return merged


def _render(text: str, spans: Sequence[Span], offset: int = 0) -> str:
    """Escape `text` and wrap each span (given relative to `offset`) in <mark>."""
    parts = []
    position = 0
    for start, end in spans:
        start, end = max(start - offset, 0), min(end - offset, len(text))
        if end <= position or start >= len(text):
            continue
        start = max(start, position)
        parts.append(html.escape(text[position:start]))
        parts.append(f"<mark>{html.escape(text[start:end])}</mark>")
        position = end
    parts.append(html.escape(text[position:]))
    return "".join(parts)


def highlight(text: str, terms: Iterable[str]) -> SafeString:
    """All of `text`, escaped, with every match marked (for titles)."""
    text = text or ""
    return mark_safe(_render(text, find_spans(text, list(terms))))  # noqa: S308 - escaped


def snippet(
    text: str,
    terms: Iterable[str],
    *,
    words: int = SNIPPET_WORDS,
    words_before: int = WORDS_BEFORE_MATCH,
) -> SafeString:
    """About `words` words of `text` around the first match, escaped and marked.

    Without a match (the page matched on a field not in `text`, or through
    stemming) the opening words are returned. An ellipsis marks text cut at
    either end.
    """
    text = text or ""
    tokens = [m.span() for m in _WORD.finditer(text)]
    if not tokens:
        return mark_safe("")  # noqa: S308 - empty
    spans = find_spans(text, list(terms))

    first_word = 0
    if spans:
        first_char = spans[0][0]
        first_word = next((i for i, (_start, end) in enumerate(tokens) if end > first_char), 0)
    start_word = max(first_word - words_before, 0)
    end_word = min(start_word + words, len(tokens))
    start_word = max(end_word - words, 0)  # near the end: show a full window anyway

    begin, finish = tokens[start_word][0], tokens[end_word - 1][1]
    body = _render(text[begin:finish], spans, offset=begin)
    prefix = f"{ELLIPSIS} " if start_word > 0 else ""
    suffix = f" {ELLIPSIS}" if end_word < len(tokens) else ""
    return mark_safe(prefix + body + suffix)  # noqa: S308 - every part escaped in _render
