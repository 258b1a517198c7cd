"""Single-use recovery codes for two-step verification (why our own: decision 0013).

- Ten codes per device, each 16 characters from Crockford's base32 alphabet (80 random
  bits), shown as ``xxxx-xxxx-xxxx-xxxx``. Typing is forgiving: case, spaces and
  hyphens do not matter, and ``o``/``i``/``l`` are read as ``0``/``1``/``1``.
- Only a hash is stored: HMAC-SHA256 keyed with a random per-code salt, in the form
  ``hmac-sha256$<salt hex>$<digest hex>``. With 80 random bits a fast hash is safe
  (no dictionary to try), and checking all ten codes costs microseconds, where a
  password hasher would cost seconds per sign-in.
- A check compares against every unused code of the device with
  `hmac.compare_digest`, without stopping at the first match, and marks the matching
  code used with a conditional UPDATE, so two requests racing with the same code
  cannot both win.
- New codes replace all the old ones (used or not) in one transaction.
"""

import hashlib
import hmac
import secrets

from django.db import transaction
from django.utils import timezone

from .models import RecoveryCode, TOTPDevice

COUNT = 10
LENGTH = 16
GROUP = 4
ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz"  # Crockford's base32: no i, l, o, u
_READ_AS = str.maketrans({"o": "0", "i": "1", "l": "1"})
_SCHEME = "hmac-sha256"


def normalise(code: str) -> str:
    """The code as stored: lower case, no spaces or hyphens, look-alike letters read as digits."""
    cleaned = "".join((code or "").split()).replace("-", "").lower()
    return cleaned.translate(_READ_AS)


def looks_like_recovery_code(code: str) -> bool:
    value = normalise(code)
    return len(value) == LENGTH and value.isascii() and all(c in ALPHABET for c in value)


def _new_code() -> str:
    raw = "".join(secrets.choice(ALPHABET) for _ in range(LENGTH))
    return "-".join(raw[i : i + GROUP] for i in range(0, LENGTH, GROUP))


def _digest(salt: bytes, code: str) -> str:
    return hmac.new(salt, normalise(code).encode(), hashlib.sha256).hexdigest()


def make_hash(code: str) -> str:
    salt = secrets.token_bytes(16)
    return f"{_SCHEME}${salt.hex()}${_digest(salt, code)}"


def hash_matches(stored: str, code: str) -> bool:
    try:
        scheme, salt_hex, digest = stored.split("$")
        salt = bytes.fromhex(salt_hex)
    except ValueError:
        return False
    if scheme != _SCHEME:
        return False
    return hmac.compare_digest(_digest(salt, code), digest)


def generate(device: TOTPDevice) -> list[str]:
    """Replace the device's codes with COUNT new ones; return them in clear (show them once)."""
    codes = [_new_code() for _ in range(COUNT)]
    with transaction.atomic():
        RecoveryCode.objects.filter(device=device).delete()
        RecoveryCode.objects.bulk_create(
            RecoveryCode(device=device, code_hash=make_hash(code)) for code in codes
        )
    return codes


def remaining(device: TOTPDevice | None) -> int:
    if device is None or device.pk is None:
        return 0
    return RecoveryCode.objects.filter(device=device, used_at__isnull=True).count()


def _matching_unused(device: TOTPDevice, code: str) -> RecoveryCode | None:
    found = None
    for candidate in RecoveryCode.objects.filter(device=device, used_at__isnull=True):
        if hash_matches(candidate.code_hash, code) and found is None:
            found = candidate
    return found


def use(device: TOTPDevice | None, code: str) -> bool:
    """True if `code` is an unused recovery code of `device`; it is then used up."""
    if device is None or not looks_like_recovery_code(code):
        return False
    match = _matching_unused(device, code)
    if match is None:
        return False
    updated = RecoveryCode.objects.filter(pk=match.pk, used_at__isnull=True).update(
        used_at=timezone.now()
    )
    return bool(updated)


def unused_among(device: TOTPDevice | None, codes: list[str]) -> list[str]:
    """Those of `codes` that are unused codes of `device`, formatted (for the download)."""
    if device is None:
        return []
    stored = list(
        RecoveryCode.objects.filter(device=device, used_at__isnull=True).values_list(
            "code_hash", flat=True
        )
    )
    valid = []
    for code in codes[:COUNT]:
        if looks_like_recovery_code(code) and any(hash_matches(h, code) for h in stored):
            value = normalise(code)
            valid.append("-".join(value[i : i + GROUP] for i in range(0, LENGTH, GROUP)))
    return valid
