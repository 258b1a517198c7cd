"""Encryption at rest of the TOTP secrets (Fernet: AES-128-CBC + HMAC-SHA256).

Keys, first one encrypts, every one decrypts (so keys can be rotated):

1. `ZONEPORTAL_TOTP_KEY`, a setting or else the environment variable of that name:
   one string or several (a list setting, or comma-separated in the environment),
   newest first. Any long random string will do (`openssl rand -base64 32`).
2. Keys derived from SECRET_KEY and then from each of SECRET_KEY_FALLBACKS: used to
   encrypt when no dedicated key is set, and always accepted for decryption, so
   setting a dedicated key or rotating SECRET_KEY (with the old one moved to
   SECRET_KEY_FALLBACKS) keeps every device readable.

Each key string goes through HKDF-SHA256 (its own salt per source) to a Fernet key.
A secret encrypted with an older key is re-encrypted with the newest one the next
time its owner enters a valid code (`TOTPDevice.verify`); once every enrolled user has
signed in, the old key can be dropped.
"""

import base64
import os
import re

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.kdf.hkdf import HKDF
from django.conf import settings

SETTING = "ZONEPORTAL_TOTP_KEY"
_INFO = b"zoneportal.security.totp-secret"
_DEDICATED_SALT = b"zoneportal.totp-key"
_SECRET_KEY_SALT = b"zoneportal.secret-key"
# A plaintext TOTP secret as totp.new_secret makes it (base32, upper case).
_PLAIN_SECRET = re.compile(r"^[A-Z2-7]+=*$")


class UnreadableSecret(Exception):
    """No configured key decrypts the stored secret (a key was dropped too early)."""


def _derive(material: str, salt: bytes) -> Fernet:
    hkdf = HKDF(algorithm=hashes.SHA256(), length=32, salt=salt, info=_INFO)
    return Fernet(base64.urlsafe_b64encode(hkdf.derive(material.encode())))


def _dedicated_keys() -> list[str]:
    value = getattr(settings, SETTING, None)
    if value is None:
        value = os.environ.get(SETTING, "")
    if isinstance(value, str):
        value = value.split(",")
    return [key.strip() for key in value if key and key.strip()]


def _fernets() -> list[Fernet]:
    """Every key, the one that encrypts first."""
    fernets = [_derive(key, _DEDICATED_SALT) for key in _dedicated_keys()]
    secret_keys = [settings.SECRET_KEY, *getattr(settings, "SECRET_KEY_FALLBACKS", [])]
    return fernets + [_derive(key, _SECRET_KEY_SALT) for key in secret_keys if key]


def encrypt(secret: str) -> str:
    return _fernets()[0].encrypt(secret.encode()).decode()


def decrypt(token: str) -> str:
    try:
        return MultiFernet(_fernets()).decrypt(token.encode()).decode()
    except InvalidToken:
        raise UnreadableSecret() from None


def needs_rotation(token: str) -> bool:
    """True when `token` was not encrypted with the current (first) key."""
    try:
        _fernets()[0].decrypt(token.encode())
    except InvalidToken:
        return True
    return False


def looks_plain(value: str) -> bool:
    """True for a secret still stored in clear (as before encryption at rest)."""
    return bool(_PLAIN_SECRET.match(value or ""))
