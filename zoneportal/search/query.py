"""Query normalisation and tokenisation: the one place that turns text into search terms.

Everything that depends on how text is split into words goes through this module:
the database search (`NormalisedQuery.search_string`), the CJK index text written
for every page (`cjk_index_text`, via `zoneportal.search.indexing`), the
highlighted snippets and the "results for ..." line.

Chinese, Japanese and Korean
----------------------------
The database search backends (SQLite FTS5 `unicode61`, PostgreSQL's default
parser) only split words at spaces and punctuation, so a Chinese sentence is one
"word" and "半导体" inside it is never found. CJK runs (Han, kana and Hangul,
including the Korean particles glued to nouns) are therefore indexed as
overlapping character bigrams plus single characters: "半导体产业" is indexed as
"半 导 体 产 业 半导 导体 体产 产业". A query term is cut the same way, into
bigrams only ("半导体" -> "半导 导体"; a single character stays itself), and all
of them must match. Latin words and numbers keep the backend's own handling
(English stemming: PostgreSQL's "english" configuration, SQLite's porter
tokenizer); a mixed word such as "SK海力士" is split at the change of script into
"SK" and "海力 力士".
"""

import re
import unicodedata
from dataclasses import dataclass, field

MAX_QUERY_LENGTH = 200
"""Longest query searched; longer input is truncated and the visitor is told."""

MAX_TERMS = 12
"""At most this many distinct words are taken from a query."""

MAX_TOKENS = 40
"""At most this many index tokens (words and bigrams) are sent to the backend."""

MAX_RELAXED_ALTERNATIVES = 16
"""At most this many alternatives in the relaxed (fallback) query."""

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

CJK_CHARACTERS = (
    "\u1100-\u11ff"  # Hangul Jamo
    "\u3005-\u3007"  # 々 〆 〇
    "\u3040-\u30ff"  # Hiragana, Katakana (with ー)
    "\u3130-\u318f"  # Hangul compatibility Jamo
    "\u31f0-\u31ff"  # Katakana phonetic extensions
    "\u3400-\u4dbf"  # CJK Extension A
    "\u4e00-\u9fff"  # CJK Unified Ideographs
    "\uac00-\ud7af"  # Hangul syllables
    "\uf900-\ufaff"  # CJK compatibility ideographs
    "\U00020000-\U0003134f"  # CJK Extensions B-G
)
"""Characters written without spaces between words (or, for Hangul, with particles
attached): indexed and searched as character bigrams."""

_SCRIPT_RUN = re.compile(f"[{CJK_CHARACTERS}]+|[^{CJK_CHARACTERS}]+")
_CJK = re.compile(f"[{CJK_CHARACTERS}]")


def is_cjk(text: str) -> bool:
    """True if `text` contains a Chinese, Japanese or Korean character."""
    return bool(_CJK.search(text))


def script_runs(word: str) -> list[str]:
    """`word` cut where it changes between CJK and other scripts: "SK海力士" -> ["SK", "海力士"]."""
    return _SCRIPT_RUN.findall(word)


def bigrams(run: str) -> list[str]:
    """Overlapping character pairs of a CJK run; a single character stays itself."""
    if len(run) < 2:
        return [run] if run else []
    return [run[i : i + 2] for i in range(len(run) - 1)]


def word_tokens(word: str) -> list[str]:
    """What one query word is searched as: Latin runs as they are, CJK runs as bigrams."""
    tokens: list[str] = []
    for run in script_runs(word):
        tokens.extend(bigrams(run) if is_cjk(run) else [run.strip("_")])
    return [token for token in tokens if token]


def cjk_index_text(text: str) -> str:
    """The extra index text for the CJK words in `text` (empty for Latin-only text).

    Each CJK run contributes its single characters (so a one-character query finds
    it) and its bigrams; the Latin part of a mixed word ("SK" in "SK海力士") is
    added too, because the backend sees "SK海力士" as one unknown word. Pure Latin
    words are left to the page's ordinary search fields.
    """
    tokens: list[str] = []
    for match in _TERM.finditer(unicodedata.normalize("NFKC", text or "")):
        word = match.group()
        if not is_cjk(word):
            continue
        for run in script_runs(word):
            if not is_cjk(run):
                tokens.append(run.strip("_"))
                continue
            if len(run) > 1:
                tokens.extend(run)  # single characters
            tokens.extend(bigrams(run))
    return " ".join(token for token in tokens if token)


@dataclass(frozen=True)
class NormalisedQuery:
    text: str
    """The cleaned query as shown back to the visitor and kept in pagination links."""
    terms: tuple[str, ...]
    """Distinct words as typed, in order: shown and highlighted."""
    truncated: bool = False
    """True if the input was longer than MAX_QUERY_LENGTH and was cut."""
    tokens: tuple[str, ...] = field(default=())
    """What the backend searches for: Latin words and CJK bigrams, all required."""
    typed: str = ""
    """The query as typed, whitespace collapsed but not NFKC-folded ("，" stays "，"):
    with `text`, what a page title is compared with for an exact-title match."""

    @property
    def exact_titles(self) -> tuple[str, ...]:
        """The texts that count as typing a page's title exactly."""
        return tuple(dict.fromkeys(t for t in (self.text, self.typed) if t))

    @property
    def search_string(self) -> str:
        """What is passed to `QuerySet.search()`: plain tokens, no backend syntax.

        Quotes, operators and punctuation are dropped, so no input can produce an
        invalid SQLite FTS5 / PostgreSQL tsquery expression.
        """
        return " ".join(self.tokens)

    def relaxed_token_groups(self) -> list[tuple[str, ...]]:
        """Fallback searches for CJK words typed without the spaces the text has.

        "하이닉스투자" is not found in "하이닉스의 투자" because the bigram "스투"
        spanning the two words is missing. Each alternative reads one CJK run of
        four or more characters as two words (see `_two_part_splits`), keeping
        every other token required. A page matches the relaxed query if it matches
        any alternative; all of them are sent as one query (`engine.Match`).
        """
        alternatives: list[tuple[str, ...]] = []
        for term_index, term in enumerate(self.terms):
            for run_index, run in enumerate(script_runs(term)):
                for parts in _two_part_splits(run):
                    split = (term_index, run_index, parts)
                    alternatives.append(_query_tokens(self.terms, split))
        return list(dict.fromkeys(alternatives))[:MAX_RELAXED_ALTERNATIVES]

    def relaxed_search_strings(self) -> list[str]:
        """`relaxed_token_groups` as plain search strings (tokens joined by spaces)."""
        return [" ".join(group) for group in self.relaxed_token_groups()]

    @property
    def cache_key(self) -> str:
        """What identifies the search (case-insensitively), for the result cache."""
        return " ".join(term.casefold() for term in self.terms)

    def highlight_terms(self, text: str) -> list[str]:
        """The strings to mark in `text`: the words typed, the script runs of mixed
        words ("SK" and "海力士" of "SK海力士") and, for a CJK run that `text` does
        not contain whole, its two parts as found by the relaxed search."""
        marked: list[str] = []
        folded = text.casefold()
        for term in self.terms:
            marked.append(term)
            runs = script_runs(term)
            if len(runs) > 1:
                marked.extend(runs)
            for run in runs:
                if is_cjk(run) and run.casefold() not in folded:
                    marked.extend(_split_found_in(run, folded))
        return list(dict.fromkeys(marked))

    def __bool__(self) -> bool:
        return bool(self.terms)


def _two_part_splits(run: str) -> list[tuple[str, str]]:
    """Ways to read a CJK run as two words of at least two characters each: cut in
    two ("하이닉스투자" -> "하이닉스", "투자"), or with one character between them left
    out, typically a particle ("村田製作所の工場" -> "村田製作所", "工場")."""
    if not is_cjk(run) or len(run) < 4:
        return []
    cuts = [(run[:cut], run[cut:]) for cut in range(2, len(run) - 1)]
    gaps = [(run[:cut], run[cut + 1 :]) for cut in range(2, len(run) - 2)]
    return cuts + gaps


def _split_found_in(run: str, folded_text: str) -> list[str]:
    for left, right in _two_part_splits(run):
        if left.casefold() in folded_text and right.casefold() in folded_text:
            return [left, right]
    return []


def _without_controls(text: str) -> str:
    """Invisible characters removed; control characters (NUL, escape ...) and lone
    surrogates (invalid UTF-8) as spaces. Whitespace is collapsed by the caller."""
    text = text.translate(_INVISIBLE)
    return "".join(" " if unicodedata.category(ch) in ("Cc", "Cs") else ch for ch in text)


def _clean_characters(raw: str) -> str:
    # NFKC folds full-width Latin letters and digits (common in CJK input methods)
    # to their ASCII forms, so "ＳＫ" finds "SK", and half-width katakana to full width.
    return _without_controls(unicodedata.normalize("NFKC", raw))


Split = tuple[int, int, tuple[str, str]]
"""(term index, script run index, (left, right)): one CJK run searched as two parts."""


def _query_tokens(terms: tuple[str, ...], split: Split | None = None) -> tuple[str, ...]:
    """The distinct tokens of `terms` (case-insensitively), at most MAX_TOKENS."""
    tokens: dict[str, str] = {}
    for term_index, term in enumerate(terms):
        for run_index, run in enumerate(script_runs(term)):
            if split is not None and split[:2] == (term_index, run_index):
                run_tokens = [token for part in split[2] for token in bigrams(part)]
            else:
                run_tokens = word_tokens(run)
            for token in run_tokens:
                tokens.setdefault(token.casefold(), token)
    return tuple(tokens.values())[:MAX_TOKENS]


def normalise_query(raw: str | None) -> NormalisedQuery:
    """Clean `raw` (a GET parameter) and split it into search terms and tokens.

    Strips and collapses whitespace, removes control and zero-width characters,
    caps the length at MAX_QUERY_LENGTH (cutting at a word boundary where
    possible), extracts the distinct words, case-insensitively, and the index
    tokens they are searched as.
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
    typed = _WHITESPACE.sub(" ", _without_controls(raw or "")).strip()[:MAX_QUERY_LENGTH]
    return NormalisedQuery(
        text=text,
        terms=tuple(terms),
        truncated=truncated,
        tokens=_query_tokens(tuple(terms)),
        typed=typed,
    )
