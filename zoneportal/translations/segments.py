"""How much of each source's text is translated, counted in three aggregate queries.

A *segment* is one visible string of a TranslationSource (its latest sync): a
StringSegment, without the slug, which keeps the source's value in every
language. A segment is *translated* into a locale when a StringTranslation of its
String exists in that locale for the same TranslationContext without `has_error`:
exactly how wagtail-localize matches them (`Translation.get_progress`) and how it
fills the translated page. Otherwise the segment is:

* *changed* when the locale has an error-free translation, in the same context, of
  a string that is no longer a segment of the source there: the source text was
  translated, then edited and synced;
* *missing* when not.

The queries group by source and locale, so their number does not depend on the
number of pages, snippets or languages.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import Count, Exists, F, OuterRef
from wagtail_localize.models import StringSegment, StringTranslation

HIDDEN_CONTEXTS = ("slug",)
"""Segment paths a visitor never reads as text: the slug stays the same in every language."""


@dataclass(frozen=True)
class Progress:
    """The segments of one source in one locale."""

    total: int = 0
    translated: int = 0
    changed: int = 0

    @property
    def missing(self) -> int:
        return self.total - self.translated - self.changed

    @property
    def complete(self) -> bool:
        return self.translated >= self.total

    @property
    def percent(self) -> int:
        """Whole per cent translated, rounded down so that 99.9 % never shows as 100 %."""
        return 100 * self.translated // self.total if self.total else 100


@dataclass
class SegmentCounts:
    totals: dict[int, int]
    translated: dict[tuple[int, int], int]
    changed: dict[tuple[int, int], int]

    def progress(self, source_id: int, locale_id: int) -> Progress:
        key = (source_id, locale_id)
        return Progress(
            total=self.totals.get(source_id, 0),
            translated=self.translated.get(key, 0),
            changed=self.changed.get(key, 0),
        )

    def untranslated(self, source_id: int) -> Progress:
        """The source's segments in a locale that has no translated page: all missing."""
        return Progress(total=self.totals.get(source_id, 0))


def visible_segments():
    return StringSegment.objects.exclude(context__path__in=HIDDEN_CONTEXTS)


def count_segments() -> SegmentCounts:
    """Segment totals, translated and changed counts of every source (3 queries)."""
    return SegmentCounts(totals=_totals(), translated=_translated(), changed=_changed())


def _totals() -> dict[int, int]:
    rows = visible_segments().values("source_id").annotate(total=Count("id"))
    return {row["source_id"]: row["total"] for row in rows}


def _translated() -> dict[tuple[int, int], int]:
    rows = (
        visible_segments()
        .filter(
            string__translations__context=F("context"),
            string__translations__has_error=False,
        )
        .values("source_id", locale_id=F("string__translations__locale_id"))
        .annotate(done=Count("id"))
    )
    return {(row["source_id"], row["locale_id"]): row["done"] for row in rows}


def _changed() -> dict[tuple[int, int], int]:
    """Untranslated segments whose context holds a translation of a former source string."""
    current_translation = StringTranslation.objects.filter(
        translation_of=OuterRef("string_id"),
        context=OuterRef("context_id"),
        locale=OuterRef("target_locale"),
        has_error=False,
    )
    still_a_segment = StringSegment.objects.filter(
        source=OuterRef("source_id"),
        context=OuterRef("context_id"),
        string=OuterRef("earlier_string"),
    )
    rows = (
        visible_segments()
        .filter(context__translations__has_error=False)
        .annotate(
            target_locale=F("context__translations__locale_id"),
            earlier_string=F("context__translations__translation_of_id"),
        )
        .filter(~Exists(current_translation), ~Exists(still_a_segment))
        .values("source_id", "target_locale")
        .annotate(changed=Count("id", distinct=True))
    )
    return {(row["source_id"], row["target_locale"]): row["changed"] for row in rows}
