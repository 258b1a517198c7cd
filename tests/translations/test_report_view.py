"""Reports > Translation status in the Wagtail admin."""

import csv
import io
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import TranslationSource

from zoneportal.core.models import SectionPage, StandardPage

from .test_status import republish

REPORT_URL = "/admin/reports/translation-status/"


def cell(html, page, language_code):
    """The <td> of `page`'s row for `language_code`, as text."""
    row = html.split(f'<tr data-page="{page.pk}">', 1)[1].split("</tr>", 1)[0]
    return row.split(f'<td data-locale="{language_code}"', 1)[1].split("</td>", 1)[0]


def test_report_is_listed_under_reports_and_shows_each_locale(admin_client, english_page):
    menu = admin_client.get("/admin/").content.decode()
    assert REPORT_URL in menu

    html = admin_client.get(REPORT_URL).content.decode()

    assert "Translation status" in html
    assert 'data-status="original"' in cell(html, english_page, "en")
    missing = cell(html, english_page, "ja")
    assert 'data-status="missing"' in missing
    submit = reverse("wagtail_localize:submit_page_translation", args=[english_page.pk])
    assert f"{submit}?select_locale=ja" in missing


def test_report_follows_a_translation_from_up_to_date_to_outdated_to_synced(
    admin_client, english_page, locales, translate, django_capture_on_commit_callbacks
):
    japanese = translate(english_page, locales["ja"])
    html = admin_client.get(REPORT_URL).content.decode()
    ja_cell = cell(html, english_page, "ja")
    assert 'data-status="up_to_date"' in ja_cell
    assert reverse("wagtailadmin_pages:edit", args=[japanese.pk]) in ja_cell
    assert "Edit translation" in ja_cell

    republish(english_page, last_reviewed="2025-03-01")
    html = admin_client.get(REPORT_URL).content.decode()
    ja_cell = cell(html, english_page, "ja")
    assert 'data-status="outdated"' in ja_cell
    source = TranslationSource.objects.get_for_instance(english_page)
    sync_url = reverse("wagtail_localize:update_translations", args=[source.pk])
    assert sync_url in ja_cell

    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(sync_url, {"publish_translations": "on"})
    assert response.status_code == 302

    html = admin_client.get(REPORT_URL).content.decode()
    assert 'data-status="up_to_date"' in cell(html, english_page, "ja")
    assert 'data-status="missing"' in cell(html, english_page, "ko")


def test_translate_link_starts_a_wagtail_localize_translation(admin_client, english_page, locales):
    submit = reverse("wagtail_localize:submit_page_translation", args=[english_page.pk])
    response = admin_client.post(submit, {"locales": [locales["ko"].pk]})
    assert response.status_code == 302

    html = admin_client.get(REPORT_URL).content.decode()
    ko_cell = cell(html, english_page, "ko")
    assert 'data-status="in_progress"' in ko_cell
    assert "In progress: 1 of 1 missing" in ko_cell  # the title, its only text


def summary_count(html, language_code, status):
    summary = html.split("data-translation-summary", 1)[1].split("</table>", 1)[0]
    cell_pattern = (
        rf'<td data-locale="{language_code}" data-status="{status}">\s*(?:<a [^>]*>)?(\d+)'
    )
    return int(re.search(cell_pattern, summary).group(1))


def test_summary_counts_pages_per_locale_and_status(admin_client, english_page, locales, translate):
    translate(english_page, locales["ja"])  # creates the Japanese home page as an alias
    republish(english_page, last_reviewed="2025-03-01")

    html = admin_client.get(REPORT_URL).content.decode()

    assert summary_count(html, "ja", "outdated") == 1  # the page
    assert summary_count(html, "ja", "alias") == 1  # the home page
    assert summary_count(html, "ja", "up_to_date") == 0
    assert summary_count(html, "ja", "missing") == 0
    assert summary_count(html, "zh-hans", "missing") == 2
    assert summary_count(html, "en", "original") == 2
    assert "?locale=ja&amp;status=outdated" in html


def test_filters_by_locale_and_status(admin_client, site_home, make_page, locales, translate):
    stale = make_page(site_home, StandardPage, title="Stale")
    fresh = make_page(site_home, StandardPage, title="Fresh")
    translate(stale, locales["ja"])
    translate(fresh, locales["ja"])
    republish(stale, last_reviewed="2025-03-01")

    html = admin_client.get(REPORT_URL, {"locale": "ja", "status": "outdated"}).content.decode()

    assert f'<tr data-page="{stale.pk}">' in html
    assert f'<tr data-page="{fresh.pk}">' not in html
    table = html.split("data-translation-status", 1)[1]
    assert 'data-locale="ko"' not in table  # only the chosen locale's column


def test_filters_by_section_in_every_locale(admin_client, site_home, make_page, locales, translate):
    business = make_page(site_home, SectionPage, title="Business")
    about = make_page(site_home, SectionPage, title="About")
    in_business = make_page(business, StandardPage, title="Key industries")
    in_about = make_page(about, StandardPage, title="Overview")
    japanese_business = translate(business, locales["ja"])
    japanese_only = make_page(japanese_business, StandardPage, title="日本企業の進出事例")

    html = admin_client.get(REPORT_URL, {"section": str(business.translation_key)}).content.decode()

    for page in (business, in_business, japanese_only):
        assert f'<tr data-page="{page.pk}">' in html
    assert f'<tr data-page="{in_about.pk}">' not in html
    assert "Original in 日本語" in html


def test_csv_export_has_one_column_per_locale(admin_client, english_page, locales, translate):
    translate(english_page, locales["ja"])
    republish(english_page, last_reviewed="2025-03-01")

    response = admin_client.get(REPORT_URL, {"export": "csv"})

    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0] == [
        "Page ID",
        "Title",
        "Source language",
        "English",
        "简体中文",
        "日本語",
        "한국어",
    ]
    page_row = next(row for row in rows if row[0] == str(english_page.pk))
    assert page_row[1:] == [
        "SK Hynix",
        "English",
        "Original",
        "Missing",
        "Outdated: not synced",
        "Missing",
    ]


def report_queries(client):
    client.get(REPORT_URL)  # warm per-process caches (content types, the site) first
    with CaptureQueriesContext(connection) as captured:
        response = client.get(REPORT_URL)
    assert response.status_code == 200
    return len(captured)


def test_report_queries_do_not_grow_with_pages_or_locales(
    admin_client, site_home, make_page, locales, translate
):
    section = make_page(site_home, SectionPage, title="Business")
    for number in range(5):
        translate(make_page(section, StandardPage, title=f"Company {number}"), locales["ja"])
    few = report_queries(admin_client)

    for number in range(5, 60):
        page = make_page(section, StandardPage, title=f"Company {number}")
        if number % 2:
            translate(page, locales["ja"])
        if number % 3 == 0:
            translate(page, locales["ko"], complete=False)
    assert Page.objects.count() > 60
    many = report_queries(admin_client)

    assert many == few
    assert many <= 25


def test_filtered_results_fragment_for_the_admin_filter_drawer(
    admin_client, english_page, locales, translate
):
    translate(english_page, locales["ja"])

    response = admin_client.get(f"{REPORT_URL}results/", {"locale": "ja", "status": "up_to_date"})

    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html
    assert f'<tr data-page="{english_page.pk}">' in html


def test_users_without_page_permissions_cannot_see_the_report(client, django_user_model):
    from django.contrib.auth.models import Permission

    user = django_user_model.objects.create_user("visitor", "v@example.com", "pw")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    assert REPORT_URL not in client.get("/admin/").content.decode()
    response = client.get(REPORT_URL)
    assert (response.status_code, response.url) == (302, "/admin/")  # permission denied


def test_report_shows_site_wide_coverage_and_footer_snippets(
    admin_client, english_page, locales, translate
):
    from zoneportal.core.models import FooterText

    translate(english_page, locales["ja"])  # 1 of 1 segment; the home page is an alias
    footer = FooterText.objects.create(locale=locales["en"], copyright_line="Copyright WND")
    TranslationSource.get_or_create_from_instance(footer)

    html = admin_client.get(REPORT_URL).content.decode()

    coverage = html.split("data-translation-coverage", 1)[1].split("</table>", 1)[0]
    ja = coverage.split('<tr data-locale="ja">', 1)[1].split("</tr>", 1)[0]
    assert re.search(r'data-coverage="translated">1<', ja)
    assert re.search(r'data-coverage="total">2<', ja)  # the page's title and the footer's line
    assert re.search(r'data-coverage="percent">50[.,]0 %<', ja)
    assert re.search(r'data-coverage="unmeasured">1<', ja)  # the home page, never extracted
    snippets = html.split("data-translation-snippets", 1)[1].split("</table>", 1)[0]
    footer_row = snippets.split(f'data-snippet="core.footertext.{footer.pk}"', 1)[1]
    assert 'data-locale="ja" data-status="missing"' in footer_row.split("</tr>", 1)[0]
