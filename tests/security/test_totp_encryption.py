"""TOTP secrets are encrypted at rest (zoneportal/security/secretbox.py).

A copy of the database (a backup, a leaked dump) must not be enough to generate
codes: the column holds a Fernet token, never the base32 secret. Codes still verify;
keys rotate (ZONEPORTAL_TOTP_KEY, SECRET_KEY_FALLBACKS); a device enrolled before the
encryption migration keeps working after it, and the migration reverses.
"""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor

from zoneportal.security import secretbox
from zoneportal.security.models import TOTPDevice
from zoneportal.security.totp import code_at, current_step

from .conftest import PASSWORD

SECRET = "JBSWY3DPEHPK3PXP"
BEFORE = [("security", "0001_initial")]
# 0002 encrypts; the app's code also needs the later ones (0003: recovery codes).
LATEST = [("security", "0003_two_factor_recovery")]


def stored_column(pk, column="encrypted_secret"):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT {column} FROM security_totpdevice WHERE id = %s", [pk])  # noqa: S608
        return cursor.fetchone()[0]


def sign_in_with_code(client):
    client.post("/admin/login/", {"username": "chief", "password": PASSWORD})
    return client.post(
        "/admin/two-factor/verify/",
        {"code": code_at(SECRET, current_step()), "next": "/admin/pages/"},
    )


@pytest.mark.django_db
def test_the_database_never_holds_the_secret_in_clear(client, admin_user):
    client.force_login(admin_user)
    html = client.get("/admin/two-factor/").content.decode()
    device = TOTPDevice.objects.get(user=admin_user)
    stored = stored_column(device.pk)
    assert re.fullmatch(r"[A-Z2-7]{32}", device.secret)
    assert device.secret in html  # the person enrolling sees it, in clear
    assert device.secret not in stored
    assert stored.startswith("gAAAA")  # a Fernet token
    # Enrolment confirms with a code from the app, as before.
    client.post("/admin/two-factor/", {"code": code_at(device.secret, current_step())})
    device.refresh_from_db()
    assert device.confirmed


@pytest.mark.django_db
def test_a_stolen_row_is_useless_under_another_secret_key(admin_user, settings):
    device = TOTPDevice.objects.create(user=admin_user, secret=SECRET, confirmed=True)
    settings.SECRET_KEY = "another-installation-entirely"
    device.refresh_from_db()
    with pytest.raises(secretbox.UnreadableSecret):
        device.secret  # noqa: B018
    # A sign-in with the right code is refused (logged), not a server error.
    assert device.verify(code_at(SECRET, current_step())) is False


@pytest.mark.django_db
def test_rotating_secret_key_keeps_devices_and_re_encrypts_them(client, admin_user, settings):
    device = TOTPDevice.objects.create(user=admin_user, secret=SECRET, confirmed=True)
    old_token = stored_column(device.pk)
    settings.SECRET_KEY_FALLBACKS = [settings.SECRET_KEY]
    settings.SECRET_KEY = "the-new-secret-key-after-rotation"
    response = sign_in_with_code(client)
    assert response["Location"] == "/admin/pages/"
    new_token = stored_column(device.pk)
    assert new_token != old_token
    # Re-encrypted with the new key: the old one can now be dropped.
    settings.SECRET_KEY_FALLBACKS = []
    device.refresh_from_db()
    assert device.secret == SECRET


@pytest.mark.django_db
def test_a_dedicated_key_takes_over_and_can_be_rotated(admin_user, settings, monkeypatch):
    device = TOTPDevice.objects.create(user=admin_user, secret=SECRET, confirmed=True)
    settings.ZONEPORTAL_TOTP_KEY = "first-dedicated-key"  # SECRET_KEY's still decrypts
    device.refresh_from_db()
    assert device.verify(code_at(SECRET, current_step()))
    del settings.ZONEPORTAL_TOTP_KEY
    monkeypatch.setenv("ZONEPORTAL_TOTP_KEY", "second-key,first-dedicated-key")
    settings.SECRET_KEY = "unrelated"  # only the dedicated key is left to read it
    device.refresh_from_db()
    assert device.secret == SECRET
    monkeypatch.setenv("ZONEPORTAL_TOTP_KEY", "second-key")
    with pytest.raises(secretbox.UnreadableSecret):
        device.secret  # noqa: B018 - not yet re-encrypted with the second key


@pytest.mark.django_db
def test_an_unreadable_unconfirmed_enrolment_starts_again(client, admin_user, settings):
    TOTPDevice.objects.create(user=admin_user, secret=SECRET)
    settings.SECRET_KEY = "another-key"
    client.force_login(admin_user)
    response = client.get("/admin/two-factor/")
    assert response.status_code == 200
    device = TOTPDevice.objects.get(user=admin_user)
    assert device.secret != SECRET and device.secret in response.content.decode()


# Migrations run in their own transactions; serialized_rollback puts back the rows the
# migrations made once the test has flushed the tables (see tests/conftest.py).
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_a_device_enrolled_before_the_migration_works_after_it(client, admin_user):
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    old_apps = executor.loader.project_state(BEFORE).apps
    OldDevice = old_apps.get_model("security", "TOTPDevice")  # noqa: N806
    pk = OldDevice.objects.create(user_id=admin_user.pk, secret=SECRET, confirmed=True).pk
    assert stored_column(pk, "secret") == SECRET

    executor = MigrationExecutor(connection)
    executor.migrate(LATEST)
    stored = stored_column(pk)
    assert SECRET not in stored
    assert TOTPDevice.objects.get(pk=pk).secret == SECRET
    assert sign_in_with_code(client)["Location"] == "/admin/pages/"

    # The reverse puts the secret back in clear for the old code.
    executor = MigrationExecutor(connection)
    executor.migrate(BEFORE)
    assert stored_column(pk, "secret") == SECRET
    executor = MigrationExecutor(connection)
    executor.migrate(LATEST)
    assert TOTPDevice.objects.get(pk=pk).secret == SECRET
