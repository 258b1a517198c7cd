"""Translation status of pages per locale (the rules behind Reports > Translation status)."""

from wagtail_localize.models import StringTranslation, TranslationSource

from zoneportal.core.models import StandardPage
from zoneportal.translations.segments import Progress
from zoneportal.translations.status import (
    Outdated,
    Status,
    build_rows,
    count_by_locale,
    ordered_locales,
)

from .conftest import translate_all_strings


def statuses_of(page):
    """{language_code: status} for the row of `page`'s translation group."""
    row = next(r for r in build_rows() if r.source.translation_key == page.translation_key)
    return {code: cell.status for code, cell in row.cells.items()}


def row_of(page):
    return next(r for r in build_rows() if r.source.translation_key == page.translation_key)


def republish(page, **changes):
    page = StandardPage.objects.get(pk=page.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    page.save_revision().publish()
    return page


def test_japanese_translation_is_up_to_date_and_other_locales_missing(
    english_page, locales, translate
):
    translate(english_page, locales["ja"])

    assert statuses_of(english_page) == {
        "en": Status.ORIGINAL,
        "zh-hans": Status.MISSING,
        "ja": Status.UP_TO_DATE,
        "ko": Status.MISSING,
    }


def test_english_page_edited_after_japanese_translation_is_outdated(
    english_page, locales, translate
):
    translate(english_page, locales["ja"])

    republish(english_page, last_reviewed="2025-03-01")

    assert statuses_of(english_page)["ja"] == Status.OUTDATED


def test_sync_brings_an_outdated_translation_up_to_date(
    english_page, locales, translate, django_capture_on_commit_callbacks
):
    japanese = translate(english_page, locales["ja"])
    republish(english_page, last_reviewed="2025-03-01")

    source = TranslationSource.objects.get_for_instance(english_page)
    source.update_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        source.translations.get(target_locale=locales["ja"]).save_target(publish=True)

    assert statuses_of(english_page)["ja"] == Status.UP_TO_DATE
    japanese.refresh_from_db()
    assert str(japanese.last_reviewed) == "2025-03-01"  # synchronised field followed


def test_changed_text_after_sync_is_outdated_until_translated_and_published(
    site_home, make_page, locales, translate, django_capture_on_commit_callbacks
):
    page = make_page(site_home, StandardPage, title="SK Hynix", listing_summary="A chip maker.")
    translate(page, locales["ja"])
    republish(page, listing_summary="A memory chip maker with a plant in the zone.")
    source = TranslationSource.objects.get_for_instance(page)
    source.update_from_db()

    cell = row_of(page).cells["ja"]
    assert (cell.status, cell.outdated) == (Status.OUTDATED, Outdated.CHANGED)
    assert cell.progress == Progress(total=2, translated=1, changed=1)
    assert cell.label == "Outdated: 1 changed"

    translate_all_strings(source, locales["ja"])
    cell = row_of(page).cells["ja"]
    assert cell.outdated == Outdated.NOT_UPDATED  # translated, but not on the page yet
    assert cell.label == "Outdated: not updated since sync"

    with django_capture_on_commit_callbacks(execute=True):
        source.translations.get(target_locale=locales["ja"]).save_target(publish=True)
    assert statuses_of(page)["ja"] == Status.UP_TO_DATE


def test_new_text_after_sync_is_missing_not_changed(english_page, locales, translate):
    translate(english_page, locales["ja"])
    republish(english_page, listing_summary="A memory chip maker.")  # was empty: new text
    TranslationSource.objects.get_for_instance(english_page).update_from_db()

    cell = row_of(english_page).cells["ja"]
    assert cell.progress == Progress(total=2, translated=1, changed=0)
    assert cell.outdated == Outdated.NOT_UPDATED


def test_started_translation_without_translated_strings_is_in_progress(
    english_page, locales, translate
):
    translate(english_page, locales["ko"], complete=False)

    cell = row_of(english_page).cells["ko"]
    assert cell.status == Status.IN_PROGRESS
    assert cell.progress == Progress(total=1, translated=0, changed=0)
    assert cell.label == "In progress: 1 of 1 missing"


def test_published_translation_with_one_english_string_left_is_not_up_to_date(
    site_home, make_page, locales, translate
):
    """The lie this guards against: a newer Japanese page that still shows English text."""
    page = make_page(site_home, StandardPage, title="Overview", listing_summary="About the zone.")
    translate(page, locales["ja"])
    StringTranslation.objects.filter(
        locale=locales["ja"], translation_of__data="About the zone."
    ).delete()

    cell = row_of(page).cells["ja"]
    assert cell.status == Status.IN_PROGRESS
    assert (cell.progress.total, cell.progress.missing) == (2, 1)
    assert cell.label == "In progress: 1 of 2 missing"


def test_string_translation_with_error_does_not_count_as_translated(
    english_page, locales, translate
):
    translate(english_page, locales["ja"])
    StringTranslation.objects.filter(locale=locales["ja"]).update(has_error=True)

    assert statuses_of(english_page)["ja"] == Status.IN_PROGRESS


def test_page_published_first_in_japanese_is_original_there_and_not_missing_elsewhere(
    site_home, make_page, locales, translate
):
    japanese_home = translate(site_home, locales["ja"])
    japanese_only = make_page(japanese_home, StandardPage, title="日本企業向けセミナー")

    row = next(r for r in build_rows() if r.source.id == japanese_only.id)
    assert row.is_locale_original
    assert row.source_locale == locales["ja"]
    assert {code: cell.status for code, cell in row.cells.items()} == {
        "en": Status.NOT_TRANSLATED,
        "zh-hans": Status.NOT_TRANSLATED,
        "ja": Status.ORIGINAL,
        "ko": Status.NOT_TRANSLATED,
    }
    counts = count_by_locale(build_rows(), ordered_locales())
    assert counts["en"][Status.MISSING] == 0
    assert counts["zh-hans"][Status.MISSING] == 1  # the English home page only


def test_japanese_original_translated_into_english_keeps_japanese_as_source(
    site_home, make_page, locales, translate
):
    japanese_home = translate(site_home, locales["ja"])
    japanese_only = make_page(japanese_home, StandardPage, title="日本企業向けセミナー")

    english = translate(japanese_only, locales["en"], prefix="EN ")

    row = next(r for r in build_rows() if r.source.translation_key == english.translation_key)
    assert row.source.id == japanese_only.id
    assert row.cells["ja"].status == Status.ORIGINAL
    assert row.cells["en"].status == Status.UP_TO_DATE


def test_translation_made_by_hand_is_compared_by_dates(english_page, locales, site_home):
    site_home.copy_for_translation(locales["zh-hans"])
    chinese = english_page.copy_for_translation(locales["zh-hans"])
    chinese.title = "SK海力士"
    chinese.save_revision().publish()
    assert statuses_of(english_page)["zh-hans"] == Status.UP_TO_DATE

    republish(english_page, title="SK hynix")

    assert statuses_of(english_page)["zh-hans"] == Status.OUTDATED


def test_alias_in_another_locale_is_reported_as_untranslated_alias(
    english_page, locales, site_home
):
    korean_home = site_home.copy_for_translation(locales["ko"])
    english_page.create_alias(
        parent=korean_home, update_locale=locales["ko"], reset_translation_key=False
    )

    assert statuses_of(english_page)["ko"] == Status.ALIAS


def test_source_page_published_at_is_what_counts_not_drafts(english_page, locales, translate):
    translate(english_page, locales["ja"])
    draft = StandardPage.objects.get(pk=english_page.pk)
    draft.title = "SK hynix (draft)"
    draft.save_revision()

    assert statuses_of(english_page)["ja"] == Status.UP_TO_DATE
    assert StandardPage.objects.filter(pk=english_page.pk, has_unpublished_changes=True).exists()
