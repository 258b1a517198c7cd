"""Every URL of the Inquiries area refuses users without its permission.

The URLs are read from the viewset itself, so a URL added later without an entry in
REQUIRED fails `test_every_url_of_the_area_is_covered`.
"""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.urls import reverse

from zoneportal.inquiries.admin_views import inquiry_viewset
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

from .factories import editor, inquiry, officer, supervisor

pytestmark = pytest.mark.django_db

# URL name -> the permission it needs.
REQUIRED = {
    "index": "view_inquiry",
    "index_results": "view_inquiry",
    "export": "export_inquiry",
    "inspect": "view_inquiry",
    "assign": "change_inquiry",
    "status": "change_inquiry",
    "note": "change_inquiry",
    "reply": "change_inquiry",
    "delete": "delete_inquiry",
    "history": "view_inquiry",
    "history_results": "view_inquiry",
    "privacy": "erase_personal_data",
}
ALL_PERMISSIONS = sorted(set(REQUIRED.values()))
GUESSED_ID = 987654


def _url_names():
    return [pattern.name for pattern in inquiry_viewset.get_urlpatterns()]


def _url(name, pk):
    pattern = next(p for p in inquiry_viewset.get_urlpatterns() if p.name == name)
    args = []
    if "<int:pk>" in str(pattern.pattern):
        args.append(pk)
    if "<str:format>" in str(pattern.pattern):
        args.append("csv")
    return reverse(inquiry_viewset.get_url_name(name), args=args)


def _post_data(name, user):
    return {
        "assign": {"owner": user.pk},
        "status": {"status": "spam"},
        "note": {"text": "note"},
        "reply": {"text": "reply"},
        "privacy": {"email": "secret.investor@example.jp", "action": "erase", "confirm": "1"},
    }.get(name, {})


def _user_with(codenames, username="someone"):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.com", "x-pass-123456"
    )
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in codenames:
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label="inquiries", codename=codename)
        )
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def secret():
    return inquiry(
        name="Secret Investor",
        email="secret.investor@example.jp",
        message="Confidential expansion plan",
        status=Inquiry.Status.ASSIGNED,
        owner=officer("owner"),
    )


def _assert_refused(response, secret):
    assert response.status_code in (302, 403), response.status_code
    if response.status_code == 302:
        assert "/admin/inquiries/" not in response["Location"]
    body = response.content.decode()
    assert "Secret Investor" not in body and "secret.investor" not in body


def _assert_untouched(secret):
    fresh = Inquiry.objects.get(pk=secret.pk)
    assert (fresh.status, fresh.name, fresh.anonymised_at) == (
        Inquiry.Status.ASSIGNED,
        "Secret Investor",
        None,
    )
    assert not InquiryEvent.objects.filter(inquiry=secret).exclude(kind="received").exists()
    assert not OutgoingEmail.objects.filter(inquiry=secret).exists()


def test_every_url_of_the_area_is_covered():
    assert sorted(_url_names()) == sorted(REQUIRED)


@pytest.mark.parametrize("name", sorted(REQUIRED))
@pytest.mark.parametrize("method", ["get", "post"])
def test_a_user_lacking_the_permission_is_refused(client, secret, name, method):
    others = [codename for codename in ALL_PERMISSIONS if codename != REQUIRED[name]]
    user = _user_with(others)
    client.force_login(user)
    for pk in (secret.pk, GUESSED_ID):
        response = getattr(client, method)(_url(name, pk), _post_data(name, user))
        _assert_refused(response, secret)
    _assert_untouched(secret)


@pytest.mark.parametrize("name", sorted(REQUIRED))
@pytest.mark.parametrize("method", ["get", "post"])
def test_content_editors_and_anonymous_visitors_get_nothing(client, secret, name, method):
    for pk in (secret.pk, GUESSED_ID):
        response = getattr(client, method)(_url(name, pk), _post_data(name, secret.owner))
        assert response.status_code == 302 and "/admin/login/" in response["Location"]
    client.force_login(editor())
    for pk in (secret.pk, GUESSED_ID):
        response = getattr(client, method)(_url(name, pk), _post_data(name, secret.owner))
        _assert_refused(response, secret)
    _assert_untouched(secret)


def _url_names_with_an_id() -> list[str]:
    patterns = {p.name: str(p.pattern) for p in inquiry_viewset.get_urlpatterns()}
    return sorted(name for name in REQUIRED if "<int:pk>" in patterns[name])


@pytest.mark.parametrize("name", _url_names_with_an_id())
def test_a_user_with_the_permission_gets_404_for_a_guessed_id(client, secret, name):
    client.force_login(_user_with([REQUIRED[name]]))
    method = (
        client.get if name in ("inspect", "delete", "history", "history_results") else client.post
    )
    response = method(_url(name, GUESSED_ID), {})
    # Django's LocaleMiddleware answers a 404 to a POST by trying the /en/ prefix.
    assert response.status_code == 404 or (
        response.status_code == 302 and response["Location"].startswith("/en/admin/")
    )


def test_the_groups_hold_the_expected_permissions(secret):
    officer_user, supervisor_user = officer("o2"), supervisor("s2")
    for codename in ("view_inquiry", "change_inquiry", "export_inquiry"):
        assert officer_user.has_perm(f"inquiries.{codename}")
        assert supervisor_user.has_perm(f"inquiries.{codename}")
    for codename in ("delete_inquiry", "erase_personal_data"):
        assert not officer_user.has_perm(f"inquiries.{codename}")
        assert supervisor_user.has_perm(f"inquiries.{codename}")
    assert not editor().has_perm("inquiries.view_inquiry")


def test_officers_see_the_menu_item_and_panel_editors_do_not(client, secret):
    client.force_login(editor())
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/inquiries/" not in home and "inquiry-dashboard" not in home
    client.force_login(officer("o3"))
    home = client.get(reverse("wagtailadmin_home")).content.decode()
    assert "/admin/inquiries/" in home and "inquiry-dashboard" in home


def test_supervisors_can_delete_and_the_deletion_is_logged(client, secret):
    from wagtail.models import ModelLogEntry

    boss = supervisor()
    client.force_login(boss)
    response = client.post(_url("delete", secret.pk))
    assert response.status_code == 302
    assert not Inquiry.objects.filter(pk=secret.pk).exists()
    assert ModelLogEntry.objects.filter(action="wagtail.delete", user=boss).exists()
