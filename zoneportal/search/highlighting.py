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

CHARACTERS_PER_WORD = 3
"""In text written without spaces (Chinese, Japanese), this many characters count as
one word of the window: a snippet holds about 90 such characters, 24 before the
match, instead of the whole paragraph that a space-separated "word" would be."""

ELLIPSIS = "…"

_ONLY_SPACE = re.compile(r"\s+")
_MIN_PREFIX_LENGTH = 3
_SUFFIXES = ("ies", "ing", "es", "ed", "s", "y")
"""Endings dropped before prefix-matching a term, so the words the stemming search
found are marked: "parks" marks "park", "policy" and "policies" mark each other."""
# Scripts without spaces between words: a term there is a substring, not a word.
_UNSPACED = re.compile(
    "[\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u2e80-\u2fdf\u3040-\u30ff\u3100-\u31ff"
    "\u3400-\u4dbf\u4e00-\u9fff\uac00-\ud7af\uf900-\ufaff\uff66-\uff9f]"
)

# A unit of the snippet window: one character of an unspaced script, or a run of
# other non-space characters (a word, a number, punctuation).
_UNIT = re.compile(f"{_UNSPACED.pattern}|(?:(?!{_UNSPACED.pattern})\\S)+")

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


def _units(text: str) -> list[tuple[Span, int]]:
    """(span, weight) of each window unit of `text`: a word weighs CHARACTERS_PER_WORD,
    an unspaced character 1."""
    return [
        (m.span(), 1 if _UNSPACED.match(m.group()) else CHARACTERS_PER_WORD)
        for m in _UNIT.finditer(text)
    ]


def _window(units, first: int, budget: int, before: int) -> tuple[int, int]:
    """Indexes [start, end) of units around unit `first`: up to `before` weight of
    context before it, `budget` weight in all, shifted back near the end of the text."""
    start = first
    while start > 0 and sum(w for _span, w in units[start - 1 : first]) <= before:
        start -= 1
    end, used = start, 0
    while end < len(units) and used + units[end][1] <= budget:
        used += units[end][1]
        end += 1
    while start > 0 and used + units[start - 1][1] <= budget:  # near the end: fill up
        start -= 1
        used += units[start][1]
    return start, max(end, start + 1)


def _ellipsis(text: str, at: int, before: bool) -> str:
    """The ellipsis for a cut at `at`, spaced unless the cut is inside unspaced text."""
    neighbour = text[at - 1 : at] if before else text[at : at + 1]
    if _UNSPACED.match(neighbour or " "):
        return ELLIPSIS
    return f"{ELLIPSIS} " if before else f" {ELLIPSIS}"


def snippet(
    text: str,
    terms: Iterable[str],
    *,
    words: int = SNIPPET_WORDS,
    words_before: int = WORDS_BEFORE_MATCH,
) -> SafeString:
    """About `words` words of `text` around the first match, escaped and marked.

    In Chinese or Japanese text, CHARACTERS_PER_WORD characters count as a word, so
    the window is about 90 characters, not the whole run between two spaces.
    Without a match (the page matched on a field not in `text`, or through
    stemming) the opening words are returned. An ellipsis marks text cut at
    either end.
    """
    text = text or ""
    units = _units(text)
    if not units:
        return mark_safe("")  # noqa: S308 - empty
    spans = find_spans(text, list(terms))

    first = 0
    if spans:
        first_char = spans[0][0]
        first = next((i for i, ((_start, end), _w) in enumerate(units) if end > first_char), 0)
    scale = CHARACTERS_PER_WORD
    start, end = _window(units, first, words * scale, words_before * scale)

    begin, finish = units[start][0][0], units[end - 1][0][1]
    body = _render(text[begin:finish], spans, offset=begin)
    prefix = _ellipsis(text, begin, before=True) if start > 0 else ""
    suffix = _ellipsis(text, finish, before=False) if end < len(units) else ""
    return mark_safe(prefix + body + suffix)  # noqa: S308 - every part escaped in _render
