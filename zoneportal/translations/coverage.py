"""Site-wide translation coverage: translated segments / segments, per language.

Counted over every page and translatable snippet whose text another language
should carry: a translation kept by wagtail-localize (its segments as counted in
segments.py), and a missing page or alias (all its source's segments untranslated).
Left out: the original itself, pages a language published on its own ("not
translated" elsewhere is a choice) and translations made by hand, whose text
wagtail-localize does not track. A missing page whose source text was never
extracted (no TranslationSource: nobody ever started a translation of it) cannot
be counted in segments; it is counted as *unmeasured* instead, and a language with
unmeasured pages never reaches a coverage threshold above 0.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wagtail.models import Locale

from .segments import count_segments
from .snippets import SnippetRow, build_snippet_rows
from .status import Cell, Row, Status, build_rows, default_locale_id, ordered_locales


@dataclass
class Coverage:
    locale: Locale
    translated: int = 0
    total: int = 0
    unmeasured: int = 0
    """Pages or snippets missing in this language whose source text was never extracted."""

    def add(self, cell: Cell) -> None:
        if cell.progress is not None:
            self.translated += cell.progress.translated
            self.total += cell.progress.total
        elif cell.status in (Status.MISSING, Status.ALIAS):
            self.unmeasured += 1

    @property
    def percent(self) -> float:
        """Per cent translated, one decimal, rounded down: 99.96 % is not 100 %."""
        if not self.total:
            return 100.0
        return (1000 * self.translated // self.total) / 10

    def reaches(self, threshold: float) -> bool:
        if self.unmeasured and threshold > 0:
            return False
        return self.percent >= threshold


@dataclass
class Overview:
    """Every page and snippet row, with the segment counts computed once for both."""

    locales: list[Locale]
    pages: list[Row]
    snippets: list[SnippetRow] = field(default_factory=list)

    def coverage(self) -> dict[str, Coverage]:
        """{language_code: Coverage}, site-wide (pages and snippets)."""
        result = {loc.language_code: Coverage(loc) for loc in self.locales}
        for row in [*self.pages, *self.snippets]:
            for code, cell in row.cells.items():
                if code in result:
                    result[code].add(cell)
        return result


def build_overview(locales: list[Locale] | None = None) -> Overview:
    locales = locales or ordered_locales()
    segments = count_segments()
    return Overview(
        locales=locales,
        pages=build_rows(locales, segments),
        snippets=build_snippet_rows(locales, default_locale_id(locales), segments),
    )


def has_gap(cell: Cell) -> bool:
    """Whether a visitor of this language would read untranslated or stale text here."""
    if cell.progress is not None:
        return cell.progress.translated < cell.progress.total or cell.status == Status.OUTDATED
    return cell.status in (Status.MISSING, Status.ALIAS, Status.OUTDATED)
