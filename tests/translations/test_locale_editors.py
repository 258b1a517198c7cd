"""Editors limited to one locale: a Japanese editor edits Japanese pages only."""

import pytest
from django.contrib.auth.models import Group
from django.contrib.messages import get_messages
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import GroupPagePermission
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail_localize.wagtail_hooks import page_listing_more_buttons

from zoneportal.core.models import StandardPage
from zoneportal.translations.groups import create_locale_editor_group

REPORT_URL = "/admin/reports/translation-status/"


@pytest.fixture
def japanese_home(site_home, locales, translate):
    return translate(site_home, locales["ja"])


@pytest.fixture
def japanese_editor(django_user_model, japanese_home, locales):
    user = django_user_model.objects.create_user("hanako", "hanako@example.com", "pw")
    user.groups.add(create_locale_editor_group(locales["ja"]))
    return user


@pytest.fixture
def japanese_client(client, japanese_editor):
    client.force_login(japanese_editor)
    return client


@pytest.fixture
def japanese_page(japanese_home, make_page):
    return make_page(japanese_home, StandardPage, title="会社概要", slug="about-us")


def assert_denied(response):
    """Wagtail turns PermissionDenied into a redirect to the dashboard with an error message."""
    assert response.status_code == 302
    assert response.url == "/admin/"
    messages = [str(m).strip() for m in get_messages(response.wsgi_request)]
    assert "Sorry, you do not have permission to access this area." in messages


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def test_group_is_named_after_the_language_and_holds_the_japanese_home_page(
    japanese_editor, japanese_home
):
    group = Group.objects.get(name="Editors (日本語)")
    pages = set(GroupPagePermission.objects.filter(group=group).values_list("page", flat=True))
    assert pages == {japanese_home.pk}


def test_japanese_editor_edits_and_publishes_japanese_pages(japanese_client, japanese_page):
    assert japanese_client.get(edit_url(japanese_page)).status_code == 200

    data = nested_form_data(
        {
            "title": "会社概要（更新）",
            "slug": "about-us",
            "body": streamfield([]),
            "action-publish": "publish",
        }
    )
    response = japanese_client.post(edit_url(japanese_page), data)

    assert response.status_code == 302
    japanese_page.refresh_from_db()
    assert japanese_page.title == "会社概要（更新）"
    assert japanese_page.live and not japanese_page.has_unpublished_changes


def test_japanese_editor_cannot_edit_or_add_english_pages(japanese_client, english_page, site_home):
    assert_denied(japanese_client.get(edit_url(english_page)))
    add_url = reverse("wagtailadmin_pages:add", args=["core", "standardpage", site_home.pk])
    assert_denied(japanese_client.get(add_url))
    assert_denied(japanese_client.post(add_url, {"title": "Sneaky", "slug": "sneaky"}))
    assert not StandardPage.objects.filter(title="Sneaky").exists()


def test_japanese_editor_is_not_offered_and_cannot_start_translations(
    japanese_client, japanese_editor, english_page
):
    buttons = list(page_listing_more_buttons(english_page, japanese_editor))
    assert buttons == []
    submit = reverse("wagtail_localize:submit_page_translation", args=[english_page.pk])
    assert_denied(japanese_client.get(submit))


def test_site_wide_editors_may_start_translations(
    client, django_user_model, english_page, editors_group
):
    editor = django_user_model.objects.create_user("lee", "lee@example.com", "pw")
    editor.groups.add(editors_group)
    client.force_login(editor)

    labels = [str(button.label) for button in page_listing_more_buttons(english_page, editor)]
    assert "Translate this page" in labels
    submit = reverse("wagtail_localize:submit_page_translation", args=[english_page.pk])
    assert client.get(submit).status_code == 200


def test_report_offers_the_japanese_editor_only_japanese_actions(
    japanese_client, english_page, japanese_page
):
    html = japanese_client.get(REPORT_URL).content.decode()

    assert edit_url(japanese_page) in html
    assert edit_url(english_page) not in html
    assert "submit/page/" not in html  # no "Translate": that permission is not theirs


def test_command_creates_one_group_per_locale_and_can_be_rerun(japanese_home):
    call_command("create_locale_editor_groups")
    call_command("create_locale_editor_groups")

    names = set(Group.objects.filter(name__startswith="Editors (").values_list("name", flat=True))
    assert names == {
        "Editors (English)",
        "Editors (简体中文)",
        "Editors (日本語)",
        "Editors (한국어)",
    }
    japanese = Group.objects.get(name="Editors (日本語)")
    assert japanese.page_permissions.filter(page=japanese_home).count() == 5
