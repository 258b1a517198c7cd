"""IDOR on admin objects, CSRF on state-changing views, host header poisoning, audit log."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import mail
from django.core.files.base import ContentFile
from django.test import Client
from wagtail.documents import get_document_model
from wagtail.models import ModelLogEntry

from zoneportal.core.models import StandardPage
from zoneportal.security import audit


@pytest.fixture
def objects(site_home, make_page, make_image, admin_user):
    page = make_page(site_home, StandardPage, title="Budget", slug="budget")
    document = get_document_model()(title="Memo")
    document.file.save("memo.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return {
        "page": page,
        "image": make_image(),
        "document": document,
        "user": admin_user,
        "group": Group.objects.get_or_create(name="Editors")[0],
    }


@pytest.mark.django_db
def test_editor_without_permissions_cannot_reach_objects_by_guessed_ids(
    client, editor_user, objects
):
    client.force_login(editor_user)
    urls = [
        f"/admin/pages/{objects['page'].pk}/edit/",
        f"/admin/pages/{objects['page'].pk}/delete/",
        f"/admin/pages/{objects['page'].pk}/edit/preview/",
        f"/admin/images/{objects['image'].pk}/",
        f"/admin/images/{objects['image'].pk}/delete/",
        f"/admin/documents/edit/{objects['document'].pk}/",
        f"/admin/users/{objects['user'].pk}/",
        f"/admin/users/{objects['user'].pk}/delete/",
        f"/admin/groups/{objects['group'].pk}/",
    ]
    for url in urls:
        response = client.get(url)
        assert response.status_code in {302, 403, 404}, url
        if response.status_code == 302 and response["Location"].startswith("/en/admin/"):
            # Wagtail answered 404; LocaleMiddleware offers the prefixed path, also a 404.
            assert client.get(response["Location"]).status_code == 404, url
        elif response.status_code == 302:
            assert response["Location"] == "/admin/" or "login" in response["Location"], url
    response = client.post(f"/admin/users/{objects['user'].pk}/delete/")
    assert response.status_code in {302, 403}
    assert get_user_model().objects.filter(pk=objects["user"].pk).exists()


@pytest.mark.django_db
def test_anonymous_visitors_get_the_login_page_for_every_admin_object(client, objects):
    for url in (f"/admin/pages/{objects['page'].pk}/edit/", f"/admin/users/{objects['user'].pk}/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")


@pytest.mark.django_db
def test_state_changing_views_enforce_csrf(admin_user, objects):
    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    for url, data in [
        (f"/admin/pages/{objects['page'].pk}/delete/", {}),
        (f"/admin/users/{objects['user'].pk}/delete/", {}),
        ("/admin/two-factor/", {"code": "123456"}),
        ("/admin/logout/", {}),
        ("/admin/password_reset/", {"email": "chief@example.com"}),
    ]:
        assert client.post(url, data).status_code == 403, url
    assert StandardPage.objects.filter(pk=objects["page"].pk).exists()


@pytest.mark.django_db
def test_page_password_form_enforces_csrf(site_home, make_page):
    from django.urls import reverse
    from wagtail.models import PageViewRestriction

    page = make_page(site_home, StandardPage, title="Locked", slug="locked")
    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="pw-123456"
    )
    url = reverse("wagtailcore_authenticate_with_password", args=[restriction.pk, page.pk])
    client = Client(enforce_csrf_checks=True)
    assert client.post(url, {"password": "pw-123456", "return_url": page.url}).status_code == 403


@pytest.mark.django_db
def test_password_reset_ignores_an_attacker_host_header(client, admin_user, settings):
    response = client.post(
        "/admin/password_reset/", {"email": "chief@example.com"}, HTTP_HOST="evil.com"
    )
    assert response.status_code == 400  # not in ALLOWED_HOSTS
    assert not mail.outbox
    # An allowed but different host still gets links to WAGTAILADMIN_BASE_URL.
    settings.ALLOWED_HOSTS = ["testserver", "alias.example.org"]
    client.post(
        "/admin/password_reset/", {"email": "chief@example.com"}, HTTP_HOST="alias.example.org"
    )
    assert len(mail.outbox) == 1
    assert f"{settings.WAGTAILADMIN_BASE_URL}/admin/password_reset/confirm/" in mail.outbox[0].body
    assert "alias.example.org" not in mail.outbox[0].body


@pytest.mark.django_db
def test_absolute_urls_do_not_follow_forwarded_host_headers(client, site_home):
    response = client.get("/robots.txt", HTTP_X_FORWARDED_HOST="evil.com")
    assert b"evil.com" not in response.content
    html = client.get("/en/", HTTP_X_FORWARDED_HOST="evil.com").content.decode()
    assert "evil.com" not in html


@pytest.mark.django_db
def test_group_and_permission_changes_are_audited(admin_user, editor_user):
    group = Group.objects.create(name="Publishers")
    group.permissions.add(Permission.objects.get(codename="publish_page"))
    editor_user.groups.add(group)
    editor_user.user_permissions.add(Permission.objects.get(codename="add_document"))
    editor_user.groups.remove(group)
    editor_user.is_superuser = True
    editor_user.save()
    entries = ModelLogEntry.objects.filter(action__startswith=audit.PREFIX)
    actions = list(entries.values_list("action", flat=True))
    assert actions.count(audit.GROUPS_CHANGED) >= 2
    assert audit.PERMISSIONS_CHANGED in actions
    assert audit.PRIVILEGES_CHANGED in actions
    added = entries.filter(action=audit.GROUPS_CHANGED, data__added__isnull=False).first()
    assert added.data["added"] == ["Publishers"]
    privileges = entries.get(action=audit.PRIVILEGES_CHANGED)
    assert privileges.data["changes"] == {"is_superuser": [False, True]}


@pytest.mark.django_db
def test_group_changes_record_the_acting_admin_user(admin_user, editor_user):
    """Admin views run inside Wagtail's LogContext(user=request.user) (require_admin_access)."""
    from wagtail.log_actions import LogContext

    group = Group.objects.create(name="Reviewers")
    with LogContext(user=admin_user):
        editor_user.groups.add(group)
    entry = ModelLogEntry.objects.filter(action=audit.GROUPS_CHANGED).latest("pk")
    assert entry.user_id == admin_user.pk
    assert entry.data["added"] == ["Reviewers"]


@pytest.mark.django_db
def test_exports_are_audited(client, admin_user, site_home):
    client.force_login(admin_user)
    response = client.get("/admin/reports/site-history/", {"export": "csv"})
    assert response.status_code == 200
    entry = ModelLogEntry.objects.get(action=audit.EXPORT)
    assert entry.user_id == admin_user.pk
    assert entry.data["format"] == "csv"


@pytest.mark.django_db
def test_security_events_appear_in_site_history(client, admin_user):
    Client().post("/admin/login/", {"username": "chief", "password": "wrong-one-123"})
    client.force_login(admin_user)
    response = client.get("/admin/reports/site-history/")
    assert response.status_code == 200
    assert "Failed sign-in" in response.content.decode()
    # The action can be chosen in the filter.
    assert audit.SIGN_IN_FAILED in response.content.decode()


@pytest.mark.django_db
def test_editors_do_not_see_security_events_in_site_history(client, admin_user, editor_user):
    Client().post("/admin/login/", {"username": "chief", "password": "wrong-one-123"})
    client.force_login(editor_user)
    response = client.get("/admin/reports/site-history/")
    assert response.status_code in {200, 302, 403}
    assert "Failed sign-in from" not in response.content.decode()
