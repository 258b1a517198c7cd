"""Segment coverage: `manage.py translation_coverage`, snippets, and the cost of counting."""

import io
import re

import pytest
from django.core.management import CommandError, call_command
from wagtail.rich_text import RichText
from wagtail_localize.models import StringTranslation, Translation, TranslationSource

from zoneportal.core.models import FooterText, StandardPage
from zoneportal.translations.coverage import build_overview
from zoneportal.translations.segments import Progress, count_segments
from zoneportal.translations.snippets import translatable_snippet_models
from zoneportal.translations.status import Outdated, Status, ordered_locales

from .conftest import translate_all_strings


def coverage_command(*args):
    out = io.StringIO()
    call_command("translation_coverage", *args, stdout=out)
    return out.getvalue()


@pytest.fixture
def japanese_site(site_home, make_page, locales, translate):
    """Home and two pages of two paragraphs each, fully translated into Japanese."""
    translate(site_home, locales["ja"])
    pages = []
    for name in ("Overview", "Contact"):
        body = [
            ("paragraph", RichText(f"<p>{name} first paragraph.</p>")),
            ("paragraph", RichText(f"<p>{name} second paragraph.</p>")),
        ]
        page = make_page(site_home, StandardPage, title=name, body=body)
        translate(page, locales["ja"])
        pages.append(page)
    return pages


def test_fully_translated_site_passes_fail_under_100(japanese_site):
    out = coverage_command("--locale", "ja", "--fail-under", "100")

    assert re.search(r"^  ja +7 / 7 +100\.0 %$", out, re.M)
    assert "Every language reaches 100 %." in out


def test_one_untranslated_segment_fails_and_names_the_page(japanese_site, locales):
    overview_page = japanese_site[0]
    StringTranslation.objects.filter(
        locale=locales["ja"], translation_of__data="Overview second paragraph."
    ).delete()

    with pytest.raises(CommandError, match=r"under 100 %: ja 85\.7 %"):
        coverage_command("--locale", "ja", "--fail-under", "100")

    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("translation_coverage", "--locale", "ja", "--fail-under=100", stdout=out)
    gaps = out.getvalue().split("ja: pages and snippets", 1)[1].strip().splitlines()[1:]
    assert gaps == ["  /ja/overview/  1 missing, 0 changed of 3  [In progress: 1 of 3 missing]"]
    assert overview_page.slug == "overview"
    assert coverage_command("--locale", "ja", "--fail-under", "85")  # 85.7 % passes 85


def test_edited_block_then_sync_marks_only_that_page_outdated_by_one(japanese_site, locales):
    edited, untouched = japanese_site
    edited.body[1].value = RichText("<p>Overview second paragraph, revised.</p>")
    edited.save_revision().publish()
    TranslationSource.objects.get_for_instance(edited).update_from_db()

    rows = {row.source.id: row for row in build_overview().pages}
    cell = rows[edited.id].cells["ja"]
    assert (cell.status, cell.outdated) == (Status.OUTDATED, Outdated.CHANGED)
    assert cell.progress == Progress(total=3, translated=2, changed=1)
    assert rows[untouched.id].cells["ja"].status == Status.UP_TO_DATE

    out = io.StringIO()
    with pytest.raises(CommandError):
        call_command("translation_coverage", "--locale", "ja", "--fail-under=100", stdout=out)
    assert "/ja/overview/  0 missing, 1 changed of 3  [Outdated: 1 changed]" in out.getvalue()
    assert "/ja/contact/" not in out.getvalue()


def test_page_missing_without_extracted_text_fails_any_threshold(site_home, make_page, locales):
    make_page(site_home, StandardPage, title="Never submitted")

    with pytest.raises(CommandError):
        coverage_command("--locale", "ko", "--fail-under", "1")
    assert coverage_command("--locale", "ko", "--fail-under", "0")


def translate_snippet(instance, locale, complete=True):
    source, _created = TranslationSource.get_or_create_from_instance(instance)
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    if complete:
        translate_all_strings(source, locale)
    translation.save_target()
    return source


def footer_row(footer):
    overview = build_overview()
    return next(row for row in overview.snippets if row.source.id == footer.pk), overview


def test_footer_text_is_counted_and_an_unsynced_edit_makes_it_outdated(locales):
    footer = FooterText.objects.create(
        locale=locales["en"], copyright_line="Copyright WND", address="1 Main Street"
    )
    translate_snippet(footer, locales["ja"])
    StringTranslation.objects.filter(translation_of__data="1 Main Street").delete()

    row, overview = footer_row(footer)
    assert row.cells["ja"].label == "In progress: 1 of 2 missing"
    assert row.cells["ko"].status == Status.MISSING
    coverage = overview.coverage()
    assert (coverage["ja"].translated, coverage["ja"].total) == (1, 2)
    assert (coverage["ko"].translated, coverage["ko"].total) == (0, 2)

    footer.copyright_line = "Copyright WND 2026"
    footer.save()
    row, _overview = footer_row(footer)
    assert row.cells["ja"].label == "Outdated: not synced"


def test_counting_takes_a_fixed_number_of_queries(
    japanese_site, site_home, make_page, locales, translate, django_assert_num_queries
):
    locales_list = ordered_locales()
    snippet_models = len(translatable_snippet_models())
    # 3 segment counts, pages + page sources + translations, snippet sources +
    # translations, one per snippet model.
    expected = 3 + 3 + 2 + snippet_models
    with django_assert_num_queries(3):
        count_segments()
    with django_assert_num_queries(expected):
        build_overview(locales_list)

    for number in range(6):
        page = make_page(site_home, StandardPage, title=f"Company {number}")
        translate(page, locales["ko" if number % 2 else "ja"], complete=bool(number % 3))
        footer = FooterText.objects.create(locale=locales["en"], copyright_line=f"C {number}")
        translate_snippet(footer, locales["zh-hans"])
    with django_assert_num_queries(expected):
        overview = build_overview(locales_list)
    assert len(overview.snippets) == 6
