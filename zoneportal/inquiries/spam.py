"""Spam defence of the public inquiry form, without any third-party service.

Everything here works offline and in mainland China (no captcha loaded from
another host):

- a honeypot field that people never see or reach, but form-filling bots do;
- a signed timestamp issued with the form: a post sooner than
  ZONEPORTAL_INQUIRY_MIN_FILL_SECONDS after the form was served, or without a valid
  signature, is a script;
- too many links in the message;
- rate limits per client IP and per email address (case folded) through the cache.

Suspected spam is *kept* (status Spam, with the reason) and the sender sees the
ordinary success page, so a bot learns nothing; rate-limited senders are told
plainly (HTTP 429). Nothing here logs personal data: cache keys hold hashes.
"""

import re
import time
import uuid
from dataclasses import dataclass

from django.conf import settings
from django.core import signing

from zoneportal.core.client_ip import client_ip  # noqa: F401 - re-exported for views
from zoneportal.security.ratelimit import OPEN, Limit

FORM_KEY_SALT = "zoneportal.inquiries.form-key"
RATE_WINDOW_SECONDS = 3600
LINK_RE = re.compile(r"(https?://|www\.|\[url|<a\s)", re.IGNORECASE)


def _setting(name, default):
    return getattr(settings, name, default)


def min_fill_seconds() -> float:
    return float(_setting("ZONEPORTAL_INQUIRY_MIN_FILL_SECONDS", 3))


def max_links() -> int:
    return int(_setting("ZONEPORTAL_INQUIRY_MAX_LINKS", 3))


def max_message_length() -> int:
    return int(_setting("ZONEPORTAL_INQUIRY_MAX_MESSAGE_LENGTH", 5000))


# -- form key: submission token + time the form was served ------------------------------


@dataclass(frozen=True)
class FormKey:
    token: uuid.UUID
    issued_at: float


def issue_form_key(token: uuid.UUID | None = None, now: float | None = None) -> str:
    """A signed value carrying the form's submission token and the time it was served."""
    token = token or uuid.uuid4()
    issued = time.time() if now is None else now
    return signing.dumps({"t": str(token), "at": round(issued, 3)}, salt=FORM_KEY_SALT)


def read_form_key(value: str) -> FormKey | None:
    """The key's token and time, or None when it is missing, altered or malformed."""
    if not value:
        return None
    try:
        data = signing.loads(value, salt=FORM_KEY_SALT)
        return FormKey(uuid.UUID(data["t"]), float(data["at"]))
    except (signing.BadSignature, KeyError, TypeError, ValueError):
        return None


# -- spam verdict ------------------------------------------------------------------------


def count_links(*texts: str) -> int:
    return sum(len(LINK_RE.findall(text or "")) for text in texts)


def spam_reason(*, honeypot: str, form_key: FormKey | None, cleaned: dict, now=None) -> str:
    """Why a valid-looking submission is probably spam, or '' when it looks human."""
    now = time.time() if now is None else now
    if honeypot.strip():
        return "honeypot field filled in"
    if form_key is None:
        return "form key missing or altered"
    elapsed = now - form_key.issued_at
    if elapsed < min_fill_seconds():
        return f"sent {max(elapsed, 0):.1f} s after the form was served"
    if count_links(cleaned.get("name", ""), cleaned.get("organisation", "")):
        return "link in the name or organisation"
    links = count_links(cleaned.get("message", ""))
    if links > max_links():
        return f"{links} links in the message"
    return ""


# -- rate limits -------------------------------------------------------------------------


def normalise_email(email: str) -> str:
    """The address as counted: spaces stripped, case folded, so that
    Tanaka@Example.jp and tanaka@example.jp share one limit."""
    return (email or "").strip().casefold()


def _limits(ip: str, email: str) -> list[tuple[Limit, str]]:
    """The per-IP limit, and the per-email one when an address was given.

    OPEN limits: while the cache is down nothing is counted and nothing refused
    (decision 0012); the honeypot and fill-time checks still apply.
    """
    per_ip = int(_setting("ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP", 20))
    limits = [(Limit("inquiry-ip", per_ip, RATE_WINDOW_SECONDS, when_cache_down=OPEN), ip)]
    email = normalise_email(email)
    if email:
        per_email = int(_setting("ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL", 5))
        limits.append(
            (Limit("inquiry-email", per_email, RATE_WINDOW_SECONDS, when_cache_down=OPEN), email)
        )
    return limits


def count_submission(ip: str, email: str) -> bool:
    """Count this submission against the IP and the email address; True when over a limit.

    Increment first, then compare: each counter is raised atomically (the portal's one
    counter, zoneportal.security.ratelimit.Limit: `cache.add` starts a window of
    RATE_WINDOW_SECONDS, `cache.incr` adds one; both are atomic on Redis and on the
    local-memory cache), and the submission is over the limit when the value *it* got
    back is above the limit. Posts processed at the same moment each get a different
    count, so no more than the limit ever get through (a separate read and write let
    one extra through per post in flight).

    What counts: the view calls this only for a valid form that is about to be stored
    (invalid forms, typing mistakes and reloads of a stored form never count), and
    gives the slot back with `uncount_submission` when the post is refused (429), when
    the database fails (the message was not sent) or when another request stored the
    same form first. So, as before, the counters hold the submissions stored in the
    window (spam included), plus those in flight. A refused attempt holds its slot
    only for the moment it is being answered, so a concurrent post may be refused
    spuriously; one is never let through over the limit.

    When the cache is unavailable nothing can be counted and the limits fail open.
    """
    over = False
    for limit, identity in _limits(ip, email):
        if limit.over(identity):
            over = True
    return over


def uncount_submission(ip: str, email: str) -> None:
    """Give back the slot `count_submission` took for a submission that was not stored."""
    for limit, identity in _limits(ip, email):
        limit.give_back(identity)
