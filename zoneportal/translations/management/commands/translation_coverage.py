"""Print translation coverage per language; fail under a threshold (for CI).

    manage.py translation_coverage                       # every language but the default
    manage.py translation_coverage --locale ja ko --fail-under 100

The figures are those of Reports > Translation status (coverage.py, segments.py).
"""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Page

from zoneportal.translations.coverage import build_overview, has_gap
from zoneportal.translations.status import ordered_locales


class Command(BaseCommand):
    help = "Print translated segments / segments per language and the pages with gaps."

    def add_arguments(self, parser):
        parser.add_argument(
            "--locale",
            dest="language_codes",
            action="extend",
            nargs="+",
            default=[],
            help="Language codes to check (default: every language but the default one).",
        )
        parser.add_argument(
            "--fail-under",
            type=float,
            default=None,
            help="Exit with status 1 when a language's coverage is under this per cent.",
        )

    def handle(self, *args, language_codes, fail_under, **options):
        locales = self._locales(language_codes)
        overview = build_overview(ordered_locales())
        coverage = overview.coverage()
        self.stdout.write("Translation coverage (translated segments / segments):")
        for locale in locales:
            figures = coverage[locale.language_code]
            line = f"  {locale.language_code:8} {figures.translated:>6} / {figures.total:<6} "
            line += f"{figures.percent:5.1f} %"
            if figures.unmeasured:
                line += f"  + {figures.unmeasured} missing, text never extracted"
            self.stdout.write(line)
        for locale in locales:
            self._write_gaps(overview, locale)
        if fail_under is not None:
            self._check(coverage, locales, fail_under)

    def _locales(self, language_codes):
        locales = ordered_locales()
        if language_codes:
            known = {loc.language_code for loc in locales}
            if unknown := sorted(set(language_codes) - known):
                raise CommandError(f"Unknown locale: {', '.join(unknown)}.")
            return [loc for loc in locales if loc.language_code in language_codes]
        return [loc for loc in locales if loc.language_code != settings.LANGUAGE_CODE]

    def _write_gaps(self, overview, locale):
        code = locale.language_code
        page_gaps = [(row, row.cells[code]) for row in overview.pages if has_gap(row.cells[code])]
        snippet_gaps = [
            (row, row.cells[code]) for row in overview.snippets if has_gap(row.cells[code])
        ]
        if not page_gaps and not snippet_gaps:
            return
        self.stdout.write(f"\n{code}: pages and snippets with untranslated or outdated text")
        urls = _urls([cell.page.id if cell.page else row.source.id for row, cell in page_gaps])
        lines = []
        for row, cell in page_gaps:
            page_id = cell.page.id if cell.page else row.source.id
            where = urls.get(page_id) or f"page {page_id}"
            if cell.page is None:
                where += f" (no page in {code})"
            lines.append(f"  {where}  {_gap_text(cell)}")
        self.stdout.write("\n".join(sorted(lines)))
        for row, cell in snippet_gaps:
            self.stdout.write(f"  {row.type_name} “{row.title}”  {_gap_text(cell)}")

    def _check(self, coverage, locales, threshold):
        failing = [loc for loc in locales if not coverage[loc.language_code].reaches(threshold)]
        if failing:
            summary = ", ".join(
                f"{loc.language_code} {coverage[loc.language_code].percent:.1f} %"
                for loc in failing
            )
            raise CommandError(f"Translation coverage under {threshold:g} %: {summary}.")
        self.stdout.write(f"\nEvery language reaches {threshold:g} %.")


def _urls(page_ids) -> dict[int, str]:
    """Site-relative URLs of the given pages (one query, plus Wagtail's cached site roots)."""
    return {page.id: page.get_url() for page in Page.objects.filter(id__in=page_ids)}


def _gap_text(cell) -> str:
    progress = cell.progress
    if progress is None:
        return f"[{cell.label}]"
    counts = f"{progress.missing} missing, {progress.changed} changed of {progress.total}"
    return f"{counts}  [{cell.label}]"
