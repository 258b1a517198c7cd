"""The translation status of every page in every locale.

A "row" is one translation group: the pages that share a `translation_key`. Each
row has a source page and one cell per locale saying whether the page exists there
and whether it is in step with its source. See docs/decisions/0007-translations-app.md
for the rules; in short:

* The source is the locale wagtail-localize translates from, else the default
  locale (English), else the locale that published the page first.
* A translation kept by wagtail-localize is *outdated* when the source page was
  published after its content was last extracted (`TranslationSource.last_updated_at`);
  otherwise it is *in progress* while strings are untranslated, else *up to date*.
* A translation made by hand (copy, or translation stopped) is *outdated* when the
  source was published after the translation was last saved.
* A page missing in a locale is *missing* when its source is in the default locale;
  a page that a locale published on its own is *not translated* elsewhere, which
  is a choice rather than a gap.

Everything is computed from a fixed number of `values()` queries, whatever the
number of pages, so the report stays fast as the site grows.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import datetime
from uuid import UUID

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Count, F
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page
from wagtail_localize.models import StringSegment, Translation, TranslationSource

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


@dataclass
class Cell:
    locale: Locale
    status: Status
    page: PageInfo | None = None
    translation_source_id: int | None = None
    """Set when wagtail-localize keeps this translation in step (Sync is possible)."""
    percent_translated: int | None = None

    @property
    def managed_by_localize(self) -> bool:
        return self.translation_source_id is not None

    @property
    def label(self) -> str:
        if self.status == Status.IN_PROGRESS and self.percent_translated is not None:
            return _("In progress (%(percent)s%%)") % {"percent": self.percent_translated}
        return str(self.status.label)


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
    segment_totals: dict[int, int]
    segments_translated: dict[tuple[int, int], int]


def ordered_locales() -> list[Locale]:
    """Locales in the order of settings.LANGUAGES (English first)."""
    order = {code: index for index, (code, _name) in enumerate(settings.WAGTAIL_CONTENT_LANGUAGES)}
    return sorted(Locale.objects.all(), key=lambda loc: order.get(loc.language_code, len(order)))


def build_rows(locales: list[Locale] | None = None) -> list[Row]:
    """One row per translation group, ordered like the page tree of the source locale."""
    facts = _fetch_facts(locales or ordered_locales())
    rows = [row for pages in facts.groups.values() if (row := _build_row(pages, facts))]
    return sorted(
        rows, key=lambda row: (row.source_locale.pk != facts.default_locale_id, row.source.path)
    )


def _fetch_facts(locales: list[Locale]) -> _Facts:
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
        default_locale_id=_default_locale_id(locales),
        groups=groups,
        pages_by_path={page.path: page for page in pages},
        sources=sources,
        enabled_translations=set(enabled),
        translated_source_ids={source_id for source_id, _locale_id in enabled},
        segment_totals=_segment_totals(page_type),
        segments_translated=_segments_translated(page_type),
    )


def _default_locale_id(locales: list[Locale]) -> int:
    default_code = settings.LANGUAGE_CODE
    return next((loc.pk for loc in locales if loc.language_code == default_code), locales[0].pk)


def _segment_totals(page_type) -> dict[int, int]:
    """Number of translatable strings per TranslationSource."""
    totals = (
        StringSegment.objects.filter(source__object__content_type=page_type)
        .values("source_id")
        .annotate(total=Count("id"))
    )
    return {item["source_id"]: item["total"] for item in totals}


def _segments_translated(page_type) -> dict[tuple[int, int], int]:
    """Number of strings translated without error, per (TranslationSource, locale)."""
    done = (
        StringSegment.objects.filter(
            source__object__content_type=page_type,
            string__translations__context=F("context"),
            string__translations__has_error=False,
        )
        .values("source_id", "string__translations__locale_id")
        .annotate(done=Count("id"))
    )
    return {
        (item["source_id"], item["string__translations__locale_id"]): item["done"] for item in done
    }


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
    if target is None:
        missing = Status.NOT_TRANSLATED if row.is_locale_original else Status.MISSING
        return Cell(locale, missing)
    if target.alias_of_id is not None:
        return Cell(locale, Status.ALIAS, page=target)
    source = facts.sources.get((row.source.translation_key, row.source.locale_id))
    if source and (source["id"], locale.pk) in facts.enabled_translations:
        return _classify_localized(row.source, source, locale, target, facts)
    return _classify_by_hand(row.source, locale, target)


def _classify_localized(
    source_page: PageInfo, source: dict, locale: Locale, target: PageInfo, facts: _Facts
) -> Cell:
    cell = Cell(locale, Status.UP_TO_DATE, page=target, translation_source_id=source["id"])
    published = source_page.last_published_at
    if published and published > source["last_updated_at"]:
        cell.status = Status.OUTDATED
        return cell
    total = facts.segment_totals.get(source["id"], 0)
    done = facts.segments_translated.get((source["id"], locale.pk), 0)
    if done < total:
        cell.status = Status.IN_PROGRESS
        cell.percent_translated = int(100 * done / total)
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
