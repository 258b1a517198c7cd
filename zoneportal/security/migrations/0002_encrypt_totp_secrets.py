"""Encrypt the TOTP secrets at rest (zoneportal/security/secretbox.py).

The column becomes `encrypted_secret`, wide enough for a Fernet token, and every
secret still stored in clear is encrypted with the current key. The reverse decrypts
them again (it stops, changing nothing, if a secret cannot be decrypted with the
configured keys rather than leave a secret nobody can read).
"""

from django.db import migrations, models

from zoneportal.security import secretbox


def encrypt_plaintext_secrets(apps, schema_editor):
    TOTPDevice = apps.get_model("security", "TOTPDevice")
    devices = TOTPDevice.objects.using(schema_editor.connection.alias)
    for pk, stored in devices.values_list("pk", "encrypted_secret"):
        if secretbox.looks_plain(stored):
            devices.filter(pk=pk).update(encrypted_secret=secretbox.encrypt(stored))


def decrypt_secrets(apps, schema_editor):
    TOTPDevice = apps.get_model("security", "TOTPDevice")
    devices = TOTPDevice.objects.using(schema_editor.connection.alias)
    for pk, stored in devices.values_list("pk", "encrypted_secret"):
        if secretbox.looks_plain(stored):
            continue
        try:
            plain = secretbox.decrypt(stored)
        except secretbox.UnreadableSecret:
            raise RuntimeError(
                f"The two-step secret of device {pk} cannot be decrypted with the configured "
                "keys (ZONEPORTAL_TOTP_KEY, SECRET_KEY and their fallbacks); not reverting."
            ) from None
        devices.filter(pk=pk).update(encrypted_secret=plain)


class Migration(migrations.Migration):

    dependencies = [
        ("security", "0001_initial"),
    ]

    operations = [
        migrations.RenameField(
            model_name="totpdevice",
            old_name="secret",
            new_name="encrypted_secret",
        ),
        migrations.AlterField(
            model_name="totpdevice",
            name="encrypted_secret",
            field=models.CharField(max_length=255, verbose_name="secret"),
        ),
        migrations.RunPython(encrypt_plaintext_secrets, decrypt_secrets),
    ]
