"""Reports > Translation status: every page in every locale, with links to act.

wagtail-localize's own "Translations" report lists Translation records, so it
cannot show what has never been translated, nor pages translated by hand. This
report starts from the page tree instead (see status.py for the rules).
"""

from __future__ import annotations

import django_filters
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.views.reports import ReportView
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy

from .actions import EditorRights, cell_actions, snippet_cell_actions
from .coverage import Overview, build_overview
from .status import SECTION_DEPTH, Row, Status, count_by_locale, ordered_locales

# Pages an editor can act on: the same rule as Wagtail's own page reports.
REPORT_PERMISSIONS = ["add", "change", "publish"]


def _locale_choices():
    return [(loc.language_code, loc.get_display_name()) for loc in ordered_locales()]


def _section_choices():
    """Top-level sections, one per translation group, named as in the first locale found."""
    choices = {}
    sections = Page.objects.filter(depth=SECTION_DEPTH, alias_of__isnull=True).order_by("path")
    for key, title in sections.values_list("translation_key", "title"):
        choices.setdefault(str(key), title)
    return list(choices.items())


def filter_rows(rows: list[Row], *, locale="", status="", section="") -> list[Row]:
    """Rows in `section` whose cell for `locale` (any locale if empty) has `status`."""
    if section:
        rows = [row for row in rows if str(row.section_key) == section]
    if status and locale:
        rows = [row for row in rows if row.cells[locale].status == status]
    elif status:
        rows = [row for row in rows if status in row.statuses()]
    return rows


class TranslationStatusFilterSet(WagtailFilterSet):
    locale = django_filters.ChoiceFilter(label=_("Locale"), choices=_locale_choices)
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Status.choices)
    section = django_filters.ChoiceFilter(label=_("Section"), choices=_section_choices)

    class Meta:
        # Only for django-filter's bookkeeping: the report filters a list of rows.
        model = Page
        fields = []

    def filter_queryset(self, rows):
        return filter_rows(rows, **self.form.cleaned_data)


class TranslationStatusReportView(ReportView):
    page_title = _("Translation status")
    header_icon = "site"
    results_template_name = "translations/status_report_results.html"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    filterset_class = TranslationStatusFilterSet
    permission_policy = PagePermissionPolicy()
    any_permission_required = REPORT_PERMISSIONS
    export_filename = "translation-status"

    def setup(self, request, *args, **kwargs):
        super().setup(request, *args, **kwargs)
        self.locales = ordered_locales()
        self.list_export = ["source.id", "title", "source_locale", *self._cell_fields()]
        self.export_headings = {
            "source.id": _("Page ID"),
            "title": _("Title"),
            "source_locale": _("Source language"),
            **{
                field: loc.get_display_name()
                for field, loc in zip(self._cell_fields(), self.locales, strict=True)
            },
        }

    def _cell_fields(self):
        return [f"cells.{loc.language_code}.label" for loc in self.locales]

    @cached_property
    def overview(self) -> Overview:
        """Page and snippet rows, counted once per request (segments.py: 3 queries)."""
        return build_overview(self.locales)

    @cached_property
    def all_rows(self) -> list[Row]:
        return self.overview.pages

    def get_queryset(self):
        return self.all_rows

    @cached_property
    def visible_locales(self):
        chosen = self._cleaned_filter("locale")
        return [loc for loc in self.locales if loc.language_code == chosen] or self.locales

    def _cleaned_filter(self, name) -> str:
        if self.filters and self.filters.is_valid():
            return self.filters.form.cleaned_data.get(name) or ""
        return ""

    def decorate_paginated_queryset(self, rows):
        """Attach the visible cells and their links to the rows of the current page only."""
        rights = EditorRights(self.request.user)
        next_url = self.index_url
        for row in rows:
            row.visible_cells = [
                (cell, cell_actions(row, cell, rights, next_url))
                for cell in (row.cells[loc.language_code] for loc in self.visible_locales)
            ]
            row.can_edit_source = rights.can_edit(row.source)
        return rows

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        section_rows = filter_rows(self.all_rows, section=self._cleaned_filter("section"))
        counts = count_by_locale(section_rows, self.visible_locales)
        context["visible_locales"] = self.visible_locales
        context["summary"] = [
            (loc, [(status, counts[loc.language_code][status]) for status in SUMMARY_STATUSES])
            for loc in self.visible_locales
        ]
        context["summary_statuses"] = SUMMARY_STATUSES
        coverage = self.overview.coverage()
        context["coverage"] = [coverage[loc.language_code] for loc in self.visible_locales]
        context["snippet_rows"] = self._snippet_rows()
        return context

    def _snippet_rows(self):
        """Snippet rows with their visible cells and links (not paginated: a few dozen)."""
        rows = self.overview.snippets
        status = self._cleaned_filter("status")
        if status:
            rows = filter_rows(rows, locale=self._cleaned_filter("locale"), status=status)
        for row in rows:
            row.visible_cells = [
                (cell, snippet_cell_actions(row, cell, self.request.user, self.index_url))
                for cell in (row.cells[loc.language_code] for loc in self.visible_locales)
            ]
        return rows


SUMMARY_STATUSES = [
    Status.MISSING,
    Status.OUTDATED,
    Status.IN_PROGRESS,
    Status.UP_TO_DATE,
    Status.ALIAS,
    Status.NOT_TRANSLATED,
    Status.ORIGINAL,
]
