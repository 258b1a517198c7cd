"""Optional TOTP two-factor sign-in (RFC 6238)."""

import hashlib
import io
import re
import time

import pytest
from wagtail.models import ModelLogEntry

from tests.inquiries.factories import PASSWORD as OFFICER_PASSWORD
from zoneportal.security import audit, recovery
from zoneportal.security.models import EnrolmentRequired, RecoveryCode, TOTPDevice
from zoneportal.security.totp import code_at, current_step, hotp, matching_step

from .conftest import PASSWORD


@pytest.mark.parametrize(
    ("unix_time", "expected"),
    [
        (59, "94287082"),
        (1111111109, "07081804"),
        (1234567890, "89005924"),
        (2000000000, "69279037"),
    ],
)
def test_rfc_6238_sha1_vectors(unix_time, expected):
    assert hotp(b"12345678901234567890", unix_time // 30, digits=8, digest=hashlib.sha1) == expected


def test_codes_allow_one_step_of_drift_and_nothing_else():
    secret = "JBSWY3DPEHPK3PXP"
    now = 1_700_000_000
    step = current_step(now)
    assert matching_step(secret, code_at(secret, step - 1), now=now) == step - 1
    assert matching_step(secret, code_at(secret, step - 3), now=now) is None
    assert matching_step(secret, "12345", now=now) is None
    assert matching_step(secret, "１２３４５６", now=now) is None  # full-width digits


@pytest.fixture
def enrolled(admin_user):
    return TOTPDevice.objects.create(user=admin_user, secret="JBSWY3DPEHPK3PXP", confirmed=True)


def sign_in(client):
    return client.post("/admin/login/", {"username": "chief", "password": PASSWORD})


@pytest.mark.django_db
def test_enrolment_shows_a_server_rendered_qr_code_and_confirms_with_a_code(client, admin_user):
    client.force_login(admin_user)
    response = client.get("/admin/two-factor/")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<svg" in html
    assert "otpauth" not in html  # the URI is only inside the QR code
    assert not re.search(r"(src|href)=\"https?://", html.split("<svg", 1)[1].split("</svg>")[0])
    device = TOTPDevice.objects.get(user=admin_user)
    assert not device.confirmed
    response = client.post("/admin/two-factor/", {"code": code_at(device.secret, current_step())})
    assert response.status_code == 302
    device.refresh_from_db()
    assert device.confirmed
    assert ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_ENABLED).exists()


@pytest.mark.django_db
def test_account_page_links_to_two_step_verification(client, admin_user):
    client.force_login(admin_user)
    assert "/admin/two-factor/" in client.get("/admin/account/").content.decode()


@pytest.mark.django_db
def test_enrolled_user_must_enter_a_code_before_any_page(client, enrolled, site_home):
    response = sign_in(client)
    assert response.status_code == 302
    for url in ("/admin/", "/admin/pages/", "/en/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/two-factor/verify/")
    response = client.post(
        "/admin/two-factor/verify/",
        {"code": code_at(enrolled.secret, current_step()), "next": "/admin/pages/"},
    )
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_a_code_cannot_be_replayed(client, enrolled):
    code = code_at(enrolled.secret, current_step())
    sign_in(client)
    client.post("/admin/two-factor/verify/", {"code": code})
    client.post("/admin/logout/")
    sign_in(client)
    response = client.post("/admin/two-factor/verify/", {"code": code})
    assert response.status_code == 200  # refused, the form again
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")


@pytest.mark.django_db
def test_five_wrong_codes_sign_the_user_out(client, enrolled):
    sign_in(client)
    for _ in range(4):
        assert client.post("/admin/two-factor/verify/", {"code": "000000"}).status_code == 200
    response = client.post("/admin/two-factor/verify/", {"code": "000000"})
    assert response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    assert ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_FAILED).count() == 5


@pytest.mark.django_db
def test_guessing_over_several_sign_ins_is_limited_per_user(client, enrolled):
    """Signing in again gives no new budget: after ten wrong codes over two sign-ins
    even the right code is refused for the period, and the user is signed out."""
    for _sign_in in range(2):
        sign_in(client)
        for _ in range(5):
            response = client.post("/admin/two-factor/verify/", {"code": "000000"})
        assert response["Location"].startswith("/admin/login/")
    sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/", {"code": code_at(enrolled.secret, current_step())}
    )
    assert response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    assert client.get("/admin/").status_code == 302


@pytest.mark.django_db
def test_a_right_code_clears_the_users_guess_count(client, enrolled):
    sign_in(client)
    for _ in range(4):
        client.post("/admin/two-factor/verify/", {"code": "000000"})
    client.post("/admin/two-factor/verify/", {"code": code_at(enrolled.secret, current_step())})
    client.post("/admin/logout/")
    for _sign_in in range(2):
        sign_in(client)
        for _ in range(4):
            assert client.post("/admin/two-factor/verify/", {"code": "000000"}).status_code == 200
        client.post("/admin/logout/")
    sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/", {"code": code_at(enrolled.secret, current_step() + 1)}
    )
    assert response["Location"] == "/admin/"


@pytest.mark.parametrize(
    "target", ["//evil.com/", "https://evil.com/", "/\\evil.com", "javascript:alert(1)"]
)
@pytest.mark.django_db
def test_verify_next_is_same_site_only(client, enrolled, target):
    sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/",
        {"code": code_at(enrolled.secret, current_step()), "next": target},
    )
    assert response["Location"] == "/admin/"


@pytest.mark.django_db
def test_users_without_a_device_are_not_asked(client, admin_user):
    sign_in(client)
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_turning_off_needs_a_current_code(client, enrolled, admin_user):
    client.force_login(admin_user)
    session = client.session
    session["zp_2fa_verified"] = True
    session.save()
    client.post("/admin/two-factor/", {"code": "000000"})
    assert TOTPDevice.objects.filter(pk=enrolled.pk).exists()
    time.sleep(0)  # same step is fine: the device's last step is still 0
    client.post("/admin/two-factor/", {"code": code_at(enrolled.secret, current_step())})
    assert not TOTPDevice.objects.filter(pk=enrolled.pk).exists()


# Administrator's reset (zoneportal/security/reset.py) -------------------------------


@pytest.fixture
def ann(db):
    """An investment officer who uses two-step verification and has recovery codes."""
    from tests.inquiries.factories import officer

    user = officer("ann")
    device = TOTPDevice.objects.create(user=user, secret="JBSWY3DPEHPK3PXP", confirmed=True)
    recovery.generate(device)
    return user


def reset_url(user):
    return f"/admin/two-factor/reset/{user.pk}/"


def helpdesk(username="helpdesk"):
    """Admin access and the dedicated permission, nothing else."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group, Permission

    user = get_user_model().objects.create_user(username, f"{username}@example.com", PASSWORD)
    group = Group.objects.create(name="Two-step help desk")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="reset_two_factor"),
    )
    user.groups.add(group)
    return user


@pytest.mark.django_db
def test_a_superuser_resets_a_lost_phone_and_the_user_must_enrol_again(client, admin_user, ann):
    client.force_login(admin_user)
    listing = client.get("/admin/users/").content.decode()
    assert f'href="{reset_url(ann)}"' in listing
    assert f'href="{reset_url(admin_user)}"' not in listing  # not oneself
    page = client.get(reset_url(ann))
    assert "10 unused recovery codes" in page.content.decode()

    response = client.post(reset_url(ann), REMOTE_ADDR="198.51.100.7")
    assert response["Location"] == "/admin/users/"
    assert not TOTPDevice.objects.filter(user=ann).exists()
    assert not RecoveryCode.objects.exists()
    entry = ModelLogEntry.objects.get(action=audit.TWO_FACTOR_RESET)
    assert (entry.object_id, entry.user_id) == (str(ann.pk), admin_user.pk)
    assert entry.data["ip"] == "198.51.100.7" and entry.data["had_device"] is True
    assert entry.timestamp is not None

    # Ann signs in with her password and can do nothing before a new device is set up.
    client.post("/admin/logout/")
    client.post("/admin/login/", {"username": "ann", "password": OFFICER_PASSWORD})
    for url in ("/admin/", "/admin/pages/", "/admin/account/"):
        response = client.get(url)
        assert response["Location"] == "/admin/two-factor/", url
    page = client.get("/admin/two-factor/")
    assert "An administrator has reset your two-step verification" in page.content.decode()
    device = TOTPDevice.objects.get(user=ann)
    response = client.post("/admin/two-factor/", {"code": code_at(device.secret, current_step())})
    assert response["Location"] == "/admin/two-factor/recovery-codes/"
    assert client.get("/admin/").status_code == 200
    assert not EnrolmentRequired.objects.filter(user=ann).exists()
    # And from now on her sign-ins ask for the new device's code.
    client.post("/admin/logout/")
    client.post("/admin/login/", {"username": "ann", "password": OFFICER_PASSWORD})
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")


@pytest.mark.django_db
def test_the_dedicated_permission_allows_a_reset_but_not_of_a_superuser(client, admin_user, ann):
    TOTPDevice.objects.create(user=admin_user, secret="JBSWY3DPEHPK3PXP", confirmed=True)
    client.force_login(helpdesk())
    assert client.post(reset_url(admin_user)).status_code == 403
    assert TOTPDevice.objects.filter(user=admin_user).exists()
    response = client.post(reset_url(ann))
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=ann).exists()


@pytest.mark.parametrize("who", ["officer", "editor"])
@pytest.mark.django_db
def test_staff_without_the_permission_get_403(client, ann, editor_user, who):
    from tests.inquiries.factories import officer

    client.force_login(officer("bob") if who == "officer" else editor_user)
    assert client.get(reset_url(ann)).status_code == 403
    assert client.post(reset_url(ann)).status_code == 403
    assert client.post("/admin/two-factor/reset/999999/").status_code == 403  # no probing
    assert TOTPDevice.objects.filter(user=ann, confirmed=True).exists()
    assert RecoveryCode.objects.count() == 10
    assert not ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_RESET).exists()


@pytest.mark.django_db
def test_the_reset_needs_a_csrf_token(admin_user, ann):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(admin_user)
    assert client.post(reset_url(ann)).status_code == 403
    assert TOTPDevice.objects.filter(user=ann).exists()


@pytest.mark.django_db
def test_the_permission_can_be_granted_to_a_group(client, admin_user):
    from django.contrib.auth.models import Permission

    permission = Permission.objects.get(codename="reset_two_factor")
    client.force_login(admin_user)
    html = client.get("/admin/groups/new/").content.decode()
    assert f'value="{permission.pk}"' in html


@pytest.mark.django_db
def test_operators_reset_from_the_command_line_audited_as_the_system(ann):
    from django.core.management import CommandError, call_command

    call_command("reset_two_factor", "ann", stdout=io.StringIO())
    assert not TOTPDevice.objects.filter(user=ann).exists()
    assert EnrolmentRequired.objects.filter(user=ann).exists()
    entry = ModelLogEntry.objects.get(action=audit.TWO_FACTOR_RESET)
    assert entry.user is None
    assert entry.data["via"] == "manage.py reset_two_factor"
    with pytest.raises(CommandError):
        call_command("reset_two_factor", "nobody")
