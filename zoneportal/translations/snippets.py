"""Translatable snippets (footer texts, news topics ...) in the translation status.

Snippets appear on pages, so their text counts like a page's. Every snippet model
that uses TranslatableMixin is included; a row is one translation group, as for
pages. The rules are those of status.py, with two differences, since plain
snippets have no publish or save dates:

* "not synced" is found by comparing the snippet's fields with the content of its
  latest sync (`TranslationSource.content_json`), as wagtail-localize serialises it;
* a snippet translated by hand (without wagtail-localize) cannot be compared at all:
  it is reported as existing, "(by hand)", and left out of the coverage.

Queries: one per snippet model plus two, whatever the number of snippets.
"""

from __future__ import annotations

import json
from collections import defaultdict
from dataclasses import dataclass, field
from uuid import UUID

from django.contrib.contenttypes.models import ContentType
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.text import capfirst
from modelcluster.models import ClusterableModel, get_serializable_data_for_fields
from wagtail.models import Locale, TranslatableMixin
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import Translation, TranslationSource

from .segments import SegmentCounts
from .status import Cell, Status, classify_localized


@dataclass(frozen=True)
class SnippetInfo:
    instance: TranslatableMixin

    @property
    def id(self):
        return self.instance.pk

    @property
    def title(self) -> str:
        return str(self.instance)

    @property
    def locale_id(self) -> int:
        return self.instance.locale_id


@dataclass
class SnippetRow:
    model: type
    source: SnippetInfo
    source_locale: Locale
    cells: dict[str, Cell] = field(default_factory=dict)
    instances: dict[str, TranslatableMixin] = field(default_factory=dict)
    """The snippet in each locale where it exists, by language code."""

    @property
    def title(self) -> str:
        return self.source.title

    @property
    def type_name(self) -> str:
        return capfirst(self.model._meta.verbose_name)

    @property
    def model_label(self) -> str:
        return self.model._meta.label_lower

    def statuses(self) -> set[str]:
        return {cell.status for cell in self.cells.values()}


def translatable_snippet_models() -> list[type]:
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def build_snippet_rows(
    locales: list[Locale], default_locale_id: int, segments: SegmentCounts
) -> list[SnippetRow]:
    """One row per translation group of every translatable snippet model."""
    models = translatable_snippet_models()
    if not models:
        return []
    content_types = ContentType.objects.get_for_models(*models).values()
    sources = {
        (source["object_id"], source["locale_id"]): source
        for source in TranslationSource.objects.filter(
            object__content_type__in=content_types
        ).values("id", "object_id", "locale_id", "last_updated_at", "content_json")
    }
    enabled = set(
        Translation.objects.filter(
            source__object__content_type__in=content_types, enabled=True
        ).values_list("source_id", "target_locale_id")
    )
    context = _Context(locales, default_locale_id, segments, sources, enabled)
    rows = []
    for model in models:
        groups: dict[UUID, list] = defaultdict(list)
        for instance in model.objects.order_by("pk"):
            groups[instance.translation_key].append(instance)
        rows.extend(context.row(model, instances) for instances in groups.values())
    return rows


@dataclass
class _Context:
    locales: list[Locale]
    default_locale_id: int
    segments: SegmentCounts
    sources: dict[tuple[UUID, int], dict]
    enabled: set[tuple[int, int]]

    def source_of(self, instance) -> dict | None:
        return self.sources.get((instance.translation_key, instance.locale_id))

    def row(self, model, instances) -> SnippetRow:
        source = self._choose_source(instances)
        locales_by_id = {loc.pk: loc for loc in self.locales}
        row = SnippetRow(model, SnippetInfo(source), locales_by_id[source.locale_id])
        by_locale = {instance.locale_id: instance for instance in instances}
        for locale in self.locales:
            target = by_locale.get(locale.pk)
            row.cells[locale.language_code] = self._cell(source, locale, target)
            if target is not None:
                row.instances[locale.language_code] = target
        return row

    def _choose_source(self, instances):
        """The instance wagtail-localize translates from, else the default locale's, else the first."""
        translated_ids = {source_id for source_id, _locale_id in self.enabled}
        localized = [
            instance
            for instance in instances
            if (source := self.source_of(instance)) and source["id"] in translated_ids
        ]
        candidates = localized or instances
        default = [i for i in candidates if i.locale_id == self.default_locale_id]
        return (default or candidates)[0]

    def _cell(self, source_instance, locale: Locale, target) -> Cell:
        if locale.pk == source_instance.locale_id:
            return Cell(locale, Status.ORIGINAL)
        source = self.source_of(source_instance)
        if target is None:
            untranslated = self.segments.untranslated(source["id"]) if source else None
            return Cell(locale, Status.MISSING, progress=untranslated)
        if source is None or (source["id"], locale.pk) not in self.enabled:
            return Cell(locale, Status.UP_TO_DATE)  # by hand: nothing to compare
        cell = Cell(locale, Status.UP_TO_DATE, translation_source_id=source["id"])
        return classify_localized(
            cell,
            self.segments.progress(source["id"], locale.pk),
            changed_since_sync=changed_since_sync(source_instance, source["content_json"]),
            saved_before_sync=False,
        )


def changed_since_sync(instance, content_json: str) -> bool:
    """Whether the snippet's fields differ from its latest sync (no query for plain models).

    Clusterable snippets would need a query per snippet for their child objects;
    they are not compared (none of the portal's snippets is one).
    """
    if isinstance(instance, ClusterableModel):
        return False
    current = json.dumps(get_serializable_data_for_fields(instance), cls=DjangoJSONEncoder)
    return json.loads(current) != json.loads(content_json)
