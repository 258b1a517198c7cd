"""Admin sign-in: lockout per user and per IP, identical messages, passwords, sessions."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.test import Client
from django.utils import translation
from wagtail.models import ModelLogEntry

from zoneportal.security import audit
from zoneportal.security.lockout import LOCKOUT_MESSAGE, reset

from .conftest import PASSWORD

LOGIN = "/admin/login/"


def attempt(client, username, password="wrong-password-123", ip="203.0.113.5"):  # noqa: S107
    return client.post(LOGIN, {"username": username, "password": password}, REMOTE_ADDR=ip)


def errors(response) -> list[str]:
    return [str(e) for e in response.context["form"].non_field_errors()]


@pytest.mark.django_db
def test_user_is_locked_out_after_five_failures_even_with_the_right_password(client, admin_user):
    for _ in range(5):
        response = attempt(client, "chief")
        assert response.status_code == 200
    response = attempt(client, "chief", PASSWORD)
    assert response.status_code == 200  # not signed in
    assert errors(response) == [str(LOCKOUT_MESSAGE)]
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_is_per_user_name_across_addresses(client, admin_user):
    for n in range(5):
        attempt(client, "chief", ip=f"198.51.100.{n}")
    response = attempt(client, "chief", PASSWORD, ip="198.51.100.99")
    assert errors(response) == [str(LOCKOUT_MESSAGE)]


@pytest.mark.django_db
def test_lockout_is_per_address_across_user_names(client, admin_user, settings):
    settings.ZONEPORTAL_LOCKOUT_IP_FAILURES = 8
    for n in range(8):
        attempt(client, f"guess{n}", ip="192.0.2.7")
    response = attempt(client, "chief", PASSWORD, ip="192.0.2.7")
    assert errors(response) == [str(LOCKOUT_MESSAGE)]
    # Another address is unaffected and signs in.
    other = Client()
    assert attempt(other, "chief", PASSWORD, ip="192.0.2.8").status_code == 302


@pytest.mark.django_db
def test_lockout_treats_user_names_differing_in_case_and_spaces_as_one(client):
    get_user_model().objects.create_user("tanaka@example.jp", "tanaka@example.jp", PASSWORD)
    typed = ["Tanaka@Example.jp", "TANAKA@EXAMPLE.JP", " tanaka@example.jp", "Tanaka@example.JP"]
    for n, username in enumerate([*typed, "tanaka@Example.jp"]):
        attempt(Client(), username, ip=f"198.51.100.{60 + n}")
    response = attempt(client, "tanaka@example.jp", PASSWORD, ip="198.51.100.99")
    assert response.status_code == 200, "signed in after five failures on the same name"
    assert errors(response) == [str(LOCKOUT_MESSAGE)]
    assert "_auth_user_id" not in client.session


@pytest.mark.django_db
def test_lockout_message_is_identical_for_unknown_and_existing_users(admin_user):
    responses = {}
    for username in ("chief", "nobody-by-that-name"):
        client = Client()
        for n in range(6):
            response = attempt(client, username, ip=f"10.9.{len(username)}.{n}")
        responses[username] = response
    known, unknown = responses["chief"], responses["nobody-by-that-name"]
    assert errors(known) == errors(unknown) == [str(LOCKOUT_MESSAGE)]
    assert known.status_code == unknown.status_code


@pytest.mark.django_db
def test_before_lockout_the_error_does_not_reveal_whether_the_user_exists(client, admin_user):
    assert errors(attempt(client, "chief")) == errors(attempt(client, "no-such-user"))


@pytest.mark.django_db
def test_lockout_message_is_localized(client, admin_user):
    for _ in range(5):
        attempt(client, "chief")
    response = client.post(
        LOGIN,
        {"username": "chief", "password": PASSWORD},
        REMOTE_ADDR="203.0.113.5",
        HTTP_ACCEPT_LANGUAGE="zh-hans",
    )
    with translation.override("zh-hans"):
        expected = str(LOCKOUT_MESSAGE)
    assert not expected.startswith("Too many")
    assert errors(response) == [expected]


@pytest.mark.django_db
def test_successful_sign_in_clears_the_user_counter_and_reset_lifts_a_lockout(client, admin_user):
    for _ in range(4):
        attempt(client, "chief")
    assert attempt(client, "chief", PASSWORD).status_code == 302
    client.logout()
    for _ in range(4):
        attempt(client, "chief")
    assert attempt(client, "chief", PASSWORD).status_code == 302  # counter started again
    client.logout()
    for _ in range(5):
        attempt(client, "chief")
    reset(username="chief", ip="203.0.113.5")
    assert attempt(client, "chief", PASSWORD).status_code == 302


@pytest.mark.django_db
def test_failed_sign_ins_are_audited_without_password_or_clear_user_name(client, admin_user):
    site_entries_before = ModelLogEntry.objects.count()
    for _ in range(5):
        attempt(client, "chief", password="hunter2-secret-typed")
    attempt(client, "hunter2-secret-typed-as-username")
    entries = ModelLogEntry.objects.filter(action=audit.SIGN_IN_FAILED)
    assert entries.count() == 6
    assert ModelLogEntry.objects.filter(action=audit.LOCKOUT).count() == 1
    for entry in ModelLogEntry.objects.all()[site_entries_before:]:
        dumped = str(entry.data) + entry.label
        assert "hunter2" not in dumped
    user_type = ContentType.objects.get_for_model(admin_user)
    known = entries.filter(content_type=user_type, object_id=str(admin_user.pk)).first()
    assert known.data["ip"] == "203.0.113.5"
    assert known.data["known_user"] is True


@pytest.mark.django_db
def test_sign_in_and_sign_out_are_audited(client, admin_user):
    assert attempt(client, "chief", PASSWORD).status_code == 302
    client.post("/admin/logout/")
    actions = list(
        ModelLogEntry.objects.filter(
            content_type=ContentType.objects.get_for_model(admin_user), object_id=str(admin_user.pk)
        ).values_list("action", flat=True)
    )
    assert audit.SIGN_IN in actions
    assert audit.SIGN_OUT in actions


@pytest.mark.parametrize(
    "password",
    [
        "short",  # under 12 characters
        "123456789012345",  # numeric
        "password1234",  # common
        "wuxi-wnd-2024!",  # built on the zone's name (the demo zone's profile)
        "aaaaaaaaaaaaaaaa",  # repetitive
        "x" * 300,  # absurdly long
    ],
)
@pytest.mark.django_db
def test_weak_passwords_are_refused(password, demo_zone):
    with pytest.raises(ValidationError):
        validate_password(password)


@pytest.mark.django_db
def test_a_strong_password_is_accepted():
    validate_password("granite-lantern-ferry-orbit")


@pytest.mark.django_db
def test_sessions_expire(client, admin_user, settings):
    attempt(client, "chief", PASSWORD)
    session = client.session
    assert session.get_expire_at_browser_close()  # "Remember me" not ticked
    assert session.get_expiry_age() <= 8 * 60 * 60
    client.logout()
    client.post(
        LOGIN, {"username": "chief", "password": PASSWORD, "remember": "on"}, REMOTE_ADDR="1.2.3.4"
    )
    assert client.session.get_expiry_age() == settings.SESSION_COOKIE_AGE == 8 * 60 * 60


@pytest.mark.django_db
def test_admin_login_requires_csrf(admin_user):
    client = Client(enforce_csrf_checks=True)
    response = client.post(LOGIN, {"username": "chief", "password": PASSWORD})
    assert response.status_code == 403
    client.get(LOGIN)
    token = client.cookies["csrftoken"].value
    response = client.post(
        LOGIN, {"username": "chief", "password": PASSWORD, "csrfmiddlewaretoken": token}
    )
    assert response.status_code == 302
