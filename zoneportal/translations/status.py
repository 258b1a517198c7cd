"""The translation status of every page in every locale.

A "row" is one translation group: the pages that share a `translation_key`. Each
row has a source page and one cell per locale saying whether the page exists there
and whether it is in step with its source. See docs/decisions/0007-translations-app.md
for the rules; in short:

* The source is the locale wagtail-localize translates from, else the default
  locale (English), else the locale that published the page first.
* A translation kept by wagtail-localize is compared string by string with the
  latest sync of its source (segments.py). It is *outdated* when a source string
  was translated and has changed since, when the source page was published after
  its last sync (`TranslationSource.last_updated_at`), or when the translated page
  was last saved before that sync (the synced text and fields are not on it yet);
  otherwise *in progress* while a string has no translation, else *up to date*.
* A translation made by hand (copy, or translation stopped) is *outdated* when the
  source was published after the translation was last saved.
* A page missing in a locale is *missing* when its source is in the default locale;
  a page that a locale published on its own is *not translated* elsewhere, which
  is a choice rather than a gap.

Everything is computed from a fixed number of `values()` and aggregate queries,
whatever the number of pages, so the report stays fast as the site grows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from enum import StrEnum
from uuid import UUID

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import Translation, TranslationSource

from .segments import Progress, SegmentCounts, count_segments

SECTION_DEPTH = 3
"""Depth of top-level sections: root (1) > locale home page (2) > section (3)."""


class Status(models.TextChoices):
    ORIGINAL = "original", _("Original")
    UP_TO_DATE = "up_to_date", _("Up to date")
    IN_PROGRESS = "in_progress", _("In progress")
    OUTDATED = "outdated", _("Outdated")
    ALIAS = "alias", _("Alias, not translated")
    MISSING = "missing", _("Missing")
    NOT_TRANSLATED = "not_translated", _("Not translated")


@dataclass(frozen=True)
class PageInfo:
    """The few columns of a page the report needs (fetched with `values()`)."""

    id: int
    title: str
    translation_key: UUID
    locale_id: int
    alias_of_id: int | None
    live: bool
    path: str
    depth: int
    last_published_at: datetime | None
    latest_revision_created_at: datetime | None

    @property
    def last_saved_at(self) -> datetime | None:
        stamps = [s for s in (self.last_published_at, self.latest_revision_created_at) if s]
        return max(stamps, default=None)


PAGE_COLUMNS = [f.name for f in PageInfo.__dataclass_fields__.values()]


class Outdated(StrEnum):
    """Why a translation kept by wagtail-localize is outdated."""

    CHANGED = "changed"
    """Translated source strings were edited, then synced."""
    NOT_SYNCED = "not_synced"
    """The source was published after its last sync: its changes are not extracted yet."""
    NOT_UPDATED = "not_updated"
    """The translated object was last saved before the latest sync of its source."""


@dataclass
class Cell:
    locale: Locale
    status: Status
    page: PageInfo | None = None
    translation_source_id: int | None = None
    """Set when wagtail-localize keeps this translation in step (Sync is possible)."""
    progress: Progress | None = None
    """The source's segments in this locale; None when they cannot be counted: the
    source text was never extracted, the translation was made by hand, or the cell
    is the original or a local page's *not translated*."""
    outdated: Outdated | None = None

    @property
    def managed_by_localize(self) -> bool:
        return self.translation_source_id is not None

    @property
    def label(self) -> str:
        return cell_label(self)


def cell_label(cell: Cell) -> str:
    """The status with its numbers: "Outdated: 3 changed", "In progress: 12 of 80 missing"."""
    progress = cell.progress
    numbers = {}
    if progress is not None:
        numbers = {
            "changed": progress.changed,
            "missing": progress.missing,
            "total": progress.total,
        }
    if cell.outdated == Outdated.CHANGED and progress.missing:
        return gettext("Outdated: %(changed)s changed, %(missing)s missing") % numbers
    if cell.outdated == Outdated.CHANGED:
        return gettext("Outdated: %(changed)s changed") % numbers
    if cell.outdated == Outdated.NOT_SYNCED:
        return gettext("Outdated: not synced")
    if cell.outdated == Outdated.NOT_UPDATED:
        return gettext("Outdated: not updated since sync")
    if cell.status == Status.IN_PROGRESS and progress is not None:
        return gettext("In progress: %(missing)s of %(total)s missing") % numbers
    return str(cell.status.label)


@dataclass
class Row:
    source: PageInfo
    source_locale: Locale
    is_locale_original: bool
    """True when the page was published first in a locale other than the default."""
    section_key: UUID | None
    cells: dict[str, Cell] = field(default_factory=dict)

    @property
    def title(self) -> str:
        return self.source.title

    def statuses(self) -> set[str]:
        return {cell.status for cell in self.cells.values()}


@dataclass
class _Facts:
    """Everything fetched from the database, indexed for the classification step."""

    locales: list[Locale]
    default_locale_id: int
    groups: dict[UUID, list[PageInfo]]
    pages_by_path: dict[str, PageInfo]
    sources: dict[tuple[UUID, int], dict]
    enabled_translations: set[tuple[int, int]]
    translated_source_ids: set[int]
    segments: SegmentCounts


def ordered_locales() -> list[Locale]:
    """Locales in the order of settings.LANGUAGES (English first)."""
    order = {code: index for index, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    return sorted(Locale.objects.all(), key=lambda loc: order.get(loc.language_code, len(order)))


def build_rows(
    locales: list[Locale] | None = None, segments: SegmentCounts | None = None
) -> list[Row]:
    """One row per translation group, ordered like the page tree of the source locale.

    Pass `segments` (segments.count_segments()) to share the counts with the snippet rows.
    """
    facts = _fetch_facts(locales or ordered_locales(), segments or count_segments())
    rows = [row for pages in facts.groups.values() if (row := _build_row(pages, facts))]
    return sorted(
        rows, key=lambda row: (row.source_locale.pk != facts.default_locale_id, row.source.path)
    )


def _fetch_facts(locales: list[Locale], segments: SegmentCounts) -> _Facts:
    page_type = ContentType.objects.get_for_model(Page)
    pages = [
        PageInfo(**values) for values in Page.objects.filter(depth__gt=1).values(*PAGE_COLUMNS)
    ]
    groups: dict[UUID, list[PageInfo]] = defaultdict(list)
    for page in pages:
        groups[page.translation_key].append(page)
    sources = {
        (source["object_id"], source["locale_id"]): source
        for source in TranslationSource.objects.filter(object__content_type=page_type).values(
            "id", "object_id", "locale_id", "last_updated_at"
        )
    }
    enabled = list(
        Translation.objects.filter(
            source__object__content_type=page_type, enabled=True
        ).values_list("source_id", "target_locale_id")
    )
    return _Facts(
        locales=locales,
        default_locale_id=default_locale_id(locales),
        groups=groups,
        pages_by_path={page.path: page for page in pages},
        sources=sources,
        enabled_translations=set(enabled),
        translated_source_ids={source_id for source_id, _locale_id in enabled},
        segments=segments,
    )


def default_locale_id(locales: list[Locale]) -> int:
    default_code = settings.LANGUAGE_CODE
    return next((loc.pk for loc in locales if loc.language_code == default_code), locales[0].pk)


def _choose_source(pages: list[PageInfo], facts: _Facts) -> PageInfo | None:
    """The page the others are (or would be) translated from."""
    originals = [page for page in pages if page.alias_of_id is None]
    if not originals:
        return None
    localized_sources = [
        page
        for page in originals
        if (source := facts.sources.get((page.translation_key, page.locale_id)))
        and source["id"] in facts.translated_source_ids
    ]
    candidates = localized_sources or originals
    in_default_locale = [p for p in candidates if p.locale_id == facts.default_locale_id]
    if in_default_locale:
        return in_default_locale[0]
    return min(candidates, key=lambda page: page.id)


def _build_row(pages: list[PageInfo], facts: _Facts) -> Row | None:
    source = _choose_source(pages, facts)
    if source is None:
        return None
    locales_by_id = {loc.pk: loc for loc in facts.locales}
    row = Row(
        source=source,
        source_locale=locales_by_id[source.locale_id],
        is_locale_original=source.locale_id != facts.default_locale_id,
        section_key=_section_key(source, facts),
    )
    pages_by_locale = {page.locale_id: page for page in pages}
    for locale in facts.locales:
        row.cells[locale.language_code] = _classify(
            row, locale, pages_by_locale.get(locale.pk), facts
        )
    return row


def _section_key(page: PageInfo, facts: _Facts) -> UUID | None:
    """translation_key of the top-level section the page lives in (same in every locale)."""
    if page.depth < SECTION_DEPTH:
        return None
    section = facts.pages_by_path.get(page.path[: SECTION_DEPTH * Page.steplen])
    return section.translation_key if section else None


def _classify(row: Row, locale: Locale, target: PageInfo | None, facts: _Facts) -> Cell:
    if locale.pk == row.source.locale_id:
        return Cell(locale, Status.ORIGINAL, page=row.source)
    source = facts.sources.get((row.source.translation_key, row.source.locale_id))
    if target is None and row.is_locale_original:
        return Cell(locale, Status.NOT_TRANSLATED)
    if target is None or target.alias_of_id is not None:
        status = Status.MISSING if target is None else Status.ALIAS
        untranslated = facts.segments.untranslated(source["id"]) if source else None
        return Cell(locale, status, page=target, progress=untranslated)
    if source and (source["id"], locale.pk) in facts.enabled_translations:
        cell = Cell(locale, Status.UP_TO_DATE, page=target, translation_source_id=source["id"])
        synced_at = source["last_updated_at"]
        published, saved = row.source.last_published_at, target.last_saved_at
        return classify_localized(
            cell,
            facts.segments.progress(source["id"], locale.pk),
            changed_since_sync=bool(published and published > synced_at),
            saved_before_sync=bool(saved and saved < synced_at),
        )
    return _classify_by_hand(row.source, locale, target)


def classify_localized(
    cell: Cell, progress: Progress, *, changed_since_sync: bool, saved_before_sync: bool
) -> Cell:
    """Set the status of a translation wagtail-localize keeps, from its segment counts.

    `changed_since_sync`: the source was published (changed) after its latest sync,
    so the counts describe an older version. `saved_before_sync`: the translated
    object was last saved before that sync, so the synced text is not on it yet.
    """
    cell.progress = progress
    if changed_since_sync:
        cell.outdated = Outdated.NOT_SYNCED
    elif progress.changed:
        cell.outdated = Outdated.CHANGED
    elif saved_before_sync:
        cell.outdated = Outdated.NOT_UPDATED
    if cell.outdated:
        cell.status = Status.OUTDATED
    elif not progress.complete:
        cell.status = Status.IN_PROGRESS
    return cell


def _classify_by_hand(source_page: PageInfo, locale: Locale, target: PageInfo) -> Cell:
    """A translation wagtail-localize does not track: compare save and publish times."""
    published = source_page.last_published_at
    saved = target.last_saved_at
    if published and (saved is None or published > saved):
        return Cell(locale, Status.OUTDATED, page=target)
    return Cell(locale, Status.UP_TO_DATE, page=target)


def count_by_locale(rows: list[Row], locales: list[Locale]) -> dict[str, dict[str, int]]:
    """{language_code: {status: number of pages}} for the summary at the top of the report."""
    counts = {loc.language_code: dict.fromkeys(Status.values, 0) for loc in locales}
    for row in rows:
        for code, cell in row.cells.items():
            if code in counts:
                counts[code][cell.status] += 1
    return counts
