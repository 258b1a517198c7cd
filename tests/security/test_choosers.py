"""Choosers and admin look-ups list only what the user's groups allow (issue 13, item 4).

An investment officer (inquiry permissions only, the group the migrations create)
must not read the titles of drafts, private or group-only pages, nor the titles and
file names of documents in collections they have no permission on, through any
chooser, search, API or report. Assertions are on the parsed result rows (table
rows, JSON items), never on raw markup.
"""

import json

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.core.files.base import ContentFile
from django.utils import translation
from django.utils.translation import gettext
from wagtail.documents import get_document_model
from wagtail.models import (
    Collection,
    CollectionViewRestriction,
    GroupCollectionPermission,
    GroupPagePermission,
    PageViewRestriction,
)
from wagtail.users.models import UserProfile
from wagtail_localize.models import Translation, TranslationSource

from tests.inquiries.factories import editor, officer
from zoneportal.core.models import SectionPage, StandardPage

pytestmark = pytest.mark.django_db

SECRET = "Confidential land price"
SECRET_FILE = "secret-plan"


@pytest.fixture
def content(site_home, make_page):
    """A public section, a draft, a login-only and a group-only page, two documents."""
    from wagtail.models import Locale

    public = make_page(site_home, SectionPage, title="Invest here")
    draft = StandardPage(title=SECRET, slug="confidential-land-price", live=False)
    site_home.add_child(instance=draft)
    draft.save_revision()
    login_only = make_page(site_home, StandardPage, title=f"{SECRET} (members)")
    PageViewRestriction.objects.create(page=login_only, restriction_type=PageViewRestriction.LOGIN)
    group_only = make_page(public, StandardPage, title=f"{SECRET} (board)")
    board = Group.objects.create(name="Board")
    restriction = PageViewRestriction.objects.create(
        page=group_only, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(board)
    # The draft is being translated: the translations report lists it.
    source, _created = TranslationSource.get_or_create_from_instance(draft)
    Translation.objects.create(
        source=source, target_locale=Locale.objects.get_or_create(language_code="ja")[0]
    )

    root = Collection.get_first_root_node()
    private = root.add_child(name="Board papers")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    press = root.add_child(name="Press")
    Document = get_document_model()
    secret_doc = Document(title="Plan for the new park", collection=private)
    secret_doc.file.save(f"{SECRET_FILE}.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    press_doc = Document(title="Press kit", collection=press)
    press_doc.file.save("press-kit.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {
        "home": site_home,
        "public": public,
        "draft": draft,
        "login_only": login_only,
        "group_only": group_only,
        "secret_doc": secret_doc,
        "press": press,
        "press_doc": press_doc,
    }


def _cells_text(tag) -> str:
    return " ".join(tag.get_text(" ", strip=True).split())


def listed(response) -> list[str]:
    """What a response lists: one string per table row or JSON item (titles, files)."""
    body = response.content.decode()
    items = []
    if response["Content-Type"].startswith("application/json"):
        data = json.loads(body)
        if isinstance(data, dict) and "items" in data:  # the admin API
            for item in data["items"]:
                meta = item.get("meta", {})
                items.append(
                    " | ".join(
                        str(value)
                        for value in (
                            item.get("title"),
                            item.get("admin_display_title"),
                            meta.get("download_url"),
                        )
                        if value
                    )
                )
            return items
        if isinstance(data, dict) and "title" in data:  # an API detail
            return [str(data["title"])]
        result = data.get("result") if isinstance(data, dict) else None
        if result:  # a chooser's "chosen" step
            for entry in result if isinstance(result, list) else [result]:
                items.append(
                    " | ".join(
                        str(entry.get(key))
                        for key in ("title", "adminTitle", "url", "filename")
                        if entry.get(key)
                    )
                )
        body = data.get("html") or "" if isinstance(data, dict) else ""
    soup = BeautifulSoup(body, "html.parser")
    items.extend(_cells_text(row) for row in soup.select("tbody tr"))
    # The browse view's parent page stands above the table too.
    items.extend(_cells_text(tag) for tag in soup.select("h1, h2, .w-header__title"))
    return items


def leaks(rows) -> list[str]:
    return [row for row in rows if SECRET.lower() in row.lower() or SECRET_FILE in row]


def chooser_urls(content):
    home, draft, doc = content["home"], content["draft"], content["secret_doc"]
    return [
        "/admin/choose-page/",
        f"/admin/choose-page/{home.pk}/",
        f"/admin/choose-page/{draft.get_parent().pk}/?page_type=core.standardpage",
        "/admin/choose-page/?page_type=core.standardpage",
        "/admin/choose-page/search/?q=Confidential",
        f"/admin/choose-page/chosen-multiple/?id={draft.pk}",
        "/admin/choose-external-link/",
        "/admin/documents/chooser/",
        "/admin/documents/chooser/results/?q=plan",
        f"/admin/documents/chooser/chosen/{doc.pk}/",
        f"/admin/documents/chooser/chosen-multiple/?id={doc.pk}",
        "/admin/images/chooser/",
        "/admin/images/chooser/results/",
        "/admin/snippets/choose/core/footertext/",
        "/admin/snippets/choose/news/newstopic/",
        "/admin/snippets/choose/media/videofile/",
        "/admin/workflows/task_chooser/",
        "/admin/embeds/chooser/",
        f"/admin/api/main/pages/?child_of={home.pk}",
        "/admin/api/main/pages/?search=Confidential",
        f"/admin/api/main/pages/{draft.pk}/",
        "/admin/api/main/documents/",
        f"/admin/api/main/documents/{doc.pk}/",
        "/admin/api/main/images/",
        "/admin/tag-autocomplete/?term=c",
        "/admin/localize/reports/translations/",
        "/admin/localize/reports/translations/results/",
        "/admin/localize/api/snippets/core/footertext/",
    ]


OTHER_ADMIN_URLS = [
    "/admin/",
    "/admin/pages/search/?q=Confidential",
    "/admin/pages/search/results/?q=Confidential",
    "/admin/pages/",
    "/admin/documents/",
    "/admin/documents/results/?q=plan",
    "/admin/images/",
    "/admin/reports/locked/",
    "/admin/reports/aging-pages/",
    "/admin/reports/site-history/",
    "/admin/reports/site-history/results/",
    "/admin/reports/workflow/",
    "/admin/reports/workflow_tasks/",
    "/admin/reports/page-types-usage/",
    "/admin/reports/translation-status/",
    "/admin/workflows/list/",
    "/admin/workflows/tasks/index/",
    "/admin/redirects/",
    "/admin/forms/",
]


def ajax(client, url):
    return client.get(url, HTTP_X_REQUESTED_WITH="XMLHttpRequest")


def test_an_officer_is_refused_every_chooser_and_look_up(client, content):
    user = officer()
    client.force_login(user)
    with translation.override("en"):
        refusal = gettext("Your groups do not allow you to choose or look up this content.")
    for url in chooser_urls(content):
        response = ajax(client, url)
        assert leaks(listed(response)) == [], url
        assert response.status_code == 403, url
        assert response.content.decode() == refusal, url


def test_the_refusal_is_in_the_officers_admin_language(client, content):
    user = officer()
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "zh-hans"
    profile.save()
    client.force_login(user)
    response = ajax(client, "/admin/choose-page/")
    with translation.override("zh-hans"):
        expected = gettext("Your groups do not allow you to choose or look up this content.")
    assert response.status_code == 403
    assert response.content.decode() == expected
    assert expected != "Your groups do not allow you to choose or look up this content."


def test_no_admin_view_lists_a_protected_title_or_file_to_an_officer(client, content):
    client.force_login(officer())
    for url in [*OTHER_ADMIN_URLS, f"/admin/pages/{content['draft'].pk}/history/"]:
        response = client.get(url)
        if response.status_code == 302:
            assert (
                response["Location"] in ("/admin/", "/en/admin/") or "login" in response["Location"]
            ), url
            continue
        assert response.status_code in (200, 403, 404), url
        assert leaks(listed(response)) == [], url


@pytest.fixture
def news_editor(content, make_page):
    """May edit one section only ("Invest here") and add documents to "Press" only."""
    group = Group.objects.create(name="Section editors")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page", "publish_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=content["public"],
            permission=Permission.objects.get(
                content_type__app_label="wagtailcore", codename=codename
            ),
        )
    for codename in ("add_document", "choose_document"):
        GroupCollectionPermission.objects.create(
            group=group,
            collection=content["press"],
            permission=Permission.objects.get(codename=codename),
        )
    user = editor("section-editor")
    user.groups.set([group])
    return user


def test_a_section_editor_chooses_among_their_pages_and_public_pages_only(
    client, content, news_editor
):
    client.force_login(news_editor)
    home = content["home"]
    rows = listed(ajax(client, f"/admin/choose-page/{home.pk}/"))
    assert any("Invest here" in row for row in rows)
    assert leaks(rows) == []
    # Their own section, group-only page included (they edit it).
    rows = listed(ajax(client, f"/admin/choose-page/{content['public'].pk}/"))
    assert any(f"{SECRET} (board)" in row for row in rows)
    # Search: the group-only page of their section; not the draft or the login-only page.
    rows = listed(ajax(client, "/admin/choose-page/search/?q=Confidential"))
    assert [row for row in rows if "(board)" in row]
    assert [row for row in rows if "(board)" not in row and SECRET.lower() in row.lower()] == []
    # Asking for the draft by id, or browsing under it: refused.
    response = ajax(client, f"/admin/choose-page/chosen-multiple/?id={content['draft'].pk}")
    assert response.status_code == 403
    assert leaks(listed(response)) == []
    response = ajax(client, f"/admin/choose-page/{content['login_only'].pk}/")
    assert response.status_code == 403


def test_a_section_editor_sees_documents_of_their_collections_only(client, content, news_editor):
    client.force_login(news_editor)
    for url in ("/admin/documents/chooser/results/?q=p", "/admin/api/main/documents/"):
        rows = listed(ajax(client, url))
        assert any("Press kit" in row for row in rows), url
        assert leaks(rows) == [], url
    response = ajax(client, f"/admin/api/main/documents/{content['secret_doc'].pk}/")
    if response.status_code == 302:  # Wagtail's 404, offered again under /en/ (also a 404)
        response = ajax(client, response["Location"])
    assert response.status_code == 404
    assert leaks(listed(response)) == []
    response = ajax(client, f"/admin/documents/chooser/chosen/{content['secret_doc'].pk}/")
    assert response.status_code == 403


def test_editors_keep_working_choosers(client, content):
    """The Editors group (every page, the root collection) still finds and picks all."""
    client.force_login(editor())
    rows = listed(ajax(client, "/admin/choose-page/search/?q=Confidential"))
    assert any(row.startswith(SECRET) for row in rows)
    rows = listed(ajax(client, f"/admin/choose-page/{content['home'].pk}/"))
    assert any("Invest here" in row for row in rows)
    response = ajax(client, f"/admin/choose-page/chosen-multiple/?id={content['public'].pk}")
    assert listed(response) and "Invest here" in listed(response)[0]
    rows = listed(ajax(client, "/admin/documents/chooser/results/?q=p"))
    assert any("Press kit" in row for row in rows)
    response = ajax(client, f"/admin/documents/chooser/chosen/{content['press_doc'].pk}/")
    assert listed(response) and "Press kit" in listed(response)[0]
    rows = listed(ajax(client, "/admin/api/main/documents/"))
    assert any("Press kit" in row for row in rows)
    assert ajax(client, "/admin/images/chooser/").status_code == 200
    assert ajax(client, "/admin/snippets/choose/news/newstopic/").status_code == 200


@pytest.mark.django_db
def test_the_migration_withdraws_choose_from_the_inquiry_groups_only():
    """Wagtail's choose migrations grant "choose" on the root collection to every admin
    group that exists when they run; on an install where the inquiry groups came first,
    inquiries 0004 withdraws it from them (and from nobody else)."""
    import importlib

    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from wagtail.models import Collection, GroupCollectionPermission

    migration = importlib.import_module(
        "zoneportal.inquiries.migrations.0004_inquiry_groups_choose_nothing"
    )
    root = Collection.get_first_root_node()
    choose = Permission.objects.get(codename="choose_document")
    for name in ("Investment officers", "Inquiry supervisors", "Editors"):
        group, _ = Group.objects.get_or_create(name=name)
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection=root, permission=choose
        )
    migration.withdraw_choose(apps, None)
    holders = GroupCollectionPermission.objects.filter(permission=choose).values_list(
        "group__name", flat=True
    )
    assert {"Investment officers", "Inquiry supervisors"}.isdisjoint(holders)
    assert "Editors" in holders
