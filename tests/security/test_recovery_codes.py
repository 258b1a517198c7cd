"""Two-step recovery codes (zoneportal/security/recovery.py, decision 0013).

Ten single-use codes, shown once when a device is confirmed or on demand, stored only
as salted hashes; the sign-in step takes one in place of a code from the app, each
works once, and using one is audited and tells the user how many are left.
"""

import re

import pytest
from django.db import connection
from wagtail.models import ModelLogEntry

from zoneportal.security import audit, recovery
from zoneportal.security.models import RecoveryCode, TOTPDevice
from zoneportal.security.totp import code_at, current_step

from .conftest import PASSWORD

SECRET = "JBSWY3DPEHPK3PXP"
CODE_LIST = re.compile(r'<ol class="zp-recovery-codes">(.*?)</ol>', re.S)


def shown_codes(html: str) -> list[str]:
    match = CODE_LIST.search(html)
    return re.findall(r"<code>([^<]+)</code>", match.group(1)) if match else []


def messages_of(response) -> list[str]:
    return [str(message) for message in response.context["messages"]]


@pytest.fixture
def enrolled(admin_user):
    return TOTPDevice.objects.create(user=admin_user, secret=SECRET, confirmed=True)


@pytest.fixture
def codes(enrolled):
    return recovery.generate(enrolled)


def sign_in(client, username="chief", password=PASSWORD):
    return client.post("/admin/login/", {"username": username, "password": password})


def verified(client, user):
    client.force_login(user)
    session = client.session
    session["zp_2fa_verified"] = True
    session.save()
    return client


@pytest.mark.django_db
def test_enrolment_shows_ten_codes_once_and_stores_only_their_hashes(client, admin_user):
    client.force_login(admin_user)
    client.get("/admin/two-factor/")
    device = TOTPDevice.objects.get(user=admin_user)
    response = client.post("/admin/two-factor/", {"code": code_at(device.secret, current_step())})
    assert response["Location"] == "/admin/two-factor/recovery-codes/"

    page = client.get(response["Location"])
    assert "no-store" in page["Cache-Control"]
    codes = shown_codes(page.content.decode())
    assert len(codes) == 10 and len(set(codes)) == 10
    assert all(re.fullmatch(r"[0-9a-hjkmnp-tv-z]{4}(-[0-9a-hjkmnp-tv-z]{4}){3}", c) for c in codes)

    with connection.cursor() as cursor:
        cursor.execute("SELECT code_hash FROM security_recoverycode")
        stored = [row[0] for row in cursor.fetchall()]
    assert len(stored) == 10
    for code in codes:
        assert not any(code in h or recovery.normalise(code) in h for h in stored)
    assert all(h.startswith("hmac-sha256$") for h in stored)
    assert len({h.split("$")[1] for h in stored}) == 10  # a salt of its own per code

    # Shown once: the page does not show them again.
    assert shown_codes(client.get("/admin/two-factor/recovery-codes/").content.decode()) == []
    entry = ModelLogEntry.objects.get(action=audit.TWO_FACTOR_RECOVERY_CODES_GENERATED)
    assert entry.data["count"] == 10


@pytest.mark.django_db
def test_the_codes_download_as_text_and_only_real_codes_do(client, admin_user, codes):
    verified(client, admin_user)
    response = client.post("/admin/two-factor/recovery-codes/download/", {"code": codes})
    assert response["Content-Type"].startswith("text/plain")
    assert response["Content-Disposition"].startswith("attachment")
    lines = response.content.decode().splitlines()
    assert all(code in lines for code in codes)

    forged = "abcd-efgh-jkmn-pqrs"
    response = client.post("/admin/two-factor/recovery-codes/download/", {"code": [forged]})
    assert response.status_code == 302
    assert forged not in response.content.decode()


@pytest.mark.django_db
def test_a_recovery_code_signs_in_once_and_not_twice(client, enrolled, codes):
    sign_in(client)
    response = client.post(
        "/admin/two-factor/verify/", {"code": codes[3], "next": "/admin/pages/"}, follow=True
    )
    assert response.redirect_chain[0][0] == "/admin/pages/"
    assert response.status_code == 200
    assert any("9 recovery codes are left" in message for message in messages_of(response))
    entry = ModelLogEntry.objects.get(action=audit.TWO_FACTOR_RECOVERY_CODE_USED)
    assert entry.data["remaining"] == 9
    assert entry.data["ip"] == "127.0.0.1"
    assert recovery.remaining(enrolled) == 9

    client.post("/admin/logout/")
    sign_in(client)
    response = client.post("/admin/two-factor/verify/", {"code": codes[3]})
    assert response.status_code == 200  # the form again, with its error
    assert "already used" in str(response.context["form"].errors["code"])
    assert client.get("/admin/")["Location"].startswith("/admin/two-factor/verify/")


@pytest.mark.django_db
def test_a_code_may_be_typed_in_capitals_with_spaces(client, enrolled, codes):
    sign_in(client)
    typed = " " + codes[0].upper().replace("-", " ") + " "
    response = client.post("/admin/two-factor/verify/", {"code": typed, "recovery": "1"})
    assert response["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_sign_in_page_offers_a_recovery_code_form(client, enrolled, codes):
    sign_in(client)
    page = client.get("/admin/two-factor/verify/?next=/admin/pages/")
    assert 'href="/admin/two-factor/verify/?next=%2Fadmin%2Fpages%2F&amp;recovery=1"' in (
        page.content.decode()
    )
    form = client.get("/admin/two-factor/verify/?recovery=1").context["form"]
    assert str(form.fields["code"].label) == "Recovery code"
    assert "inputmode" not in form.fields["code"].widget.attrs


@pytest.mark.django_db
def test_wrong_recovery_codes_count_towards_the_five_failures(client, enrolled, codes):
    sign_in(client)
    for _ in range(4):
        assert client.post("/admin/two-factor/verify/", {"code": "zzzz-zzzz-zzzz-zzzz"}).status_code
    response = client.post("/admin/two-factor/verify/", {"code": "zzzz-zzzz-zzzz-zzzz"})
    assert response["Location"].startswith("/admin/login/")
    assert "_auth_user_id" not in client.session
    failed = ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_FAILED)
    assert [entry.data["method"] for entry in failed] == ["recovery"] * 5
    assert recovery.remaining(enrolled) == 10


@pytest.mark.django_db
def test_new_codes_replace_the_old_ones(client, admin_user, enrolled, codes):
    verified(client, admin_user)
    response = client.post(
        "/admin/two-factor/",
        {"action": "regenerate", "regenerate-code": "000000"},
    )
    assert response.status_code == 200  # refused without a valid code
    assert recovery.unused_among(enrolled, codes) == codes

    response = client.post(
        "/admin/two-factor/",
        {"action": "regenerate", "regenerate-code": code_at(SECRET, current_step())},
    )
    assert response["Location"] == "/admin/two-factor/recovery-codes/"
    new_codes = shown_codes(client.get(response["Location"]).content.decode())
    assert len(new_codes) == 10 and not set(new_codes) & set(codes)
    assert RecoveryCode.objects.filter(device=enrolled).count() == 10
    assert not recovery.use(enrolled, codes[0])  # every old code is gone
    assert recovery.use(enrolled, new_codes[0])
    assert TOTPDevice.objects.get(pk=enrolled.pk).confirmed  # the app still works


@pytest.mark.django_db
def test_a_recovery_code_turns_off_a_lost_phone_and_the_codes_go_with_it(
    client, admin_user, enrolled, codes
):
    verified(client, admin_user)
    page = client.get("/admin/two-factor/")
    assert "You have 10 unused recovery codes." in page.content.decode()
    client.post("/admin/two-factor/", {"code": codes[5]})
    assert not TOTPDevice.objects.filter(pk=enrolled.pk).exists()
    assert not RecoveryCode.objects.exists()
    assert ModelLogEntry.objects.filter(action=audit.TWO_FACTOR_DISABLED).exists()
