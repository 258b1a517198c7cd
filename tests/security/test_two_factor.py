"""Optional TOTP two-factor sign-in (RFC 6238)."""

import hashlib
import re
import time

import pytest
from wagtail.models import ModelLogEntry

from zoneportal.security import audit
from zoneportal.security.models import TOTPDevice
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
