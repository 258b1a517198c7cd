"""Admin sign-in lockout: failures counted per username and per client IP in the cache.

Why not django-axes: see docs/decisions/0009-own-sign-in-lockout-and-totp.md. In short,
this is ~150 lines on Django's cache and auth signals, works with any cache backend
(Redis in production, so all app servers share the counters), shows Wagtail's own
login page with a localized message, and needs no database table or migration.
The counting is the portal's one rate counter (ratelimit.Limit, decision 0012): while
Redis is down the counters live in each process's memory, so the lockout still holds
(at most processes x limit attempts) and the outage is logged; it never fails open.

- Every failed `authenticate()` (signal `user_login_failed`) increments two counters:
  one keyed by a keyed hash of the normalised username as typed, one by the client IP.
- When either reaches its limit, sign-in is refused for the lockout period, even with
  the right password. The same message is shown whether or not the user exists, and
  unknown usernames are counted like known ones, so the lockout reveals nothing.
- A successful sign-in clears the username counter (not the IP counter: an attacker
  with one valid account must not reset the IP budget).
"""

import hashlib
import hmac
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.signals import user_logged_in, user_login_failed
from django.core.exceptions import PermissionDenied
from django.dispatch import receiver
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.auth import LoginForm

from zoneportal.core.client_ip import client_ip

from .ratelimit import LOCAL, Limit

LOCKOUT_MESSAGE = _(
    "Too many failed sign-in attempts. Sign-in is blocked for a while; try again later "
    "or ask an administrator to reset your password."
)


@dataclass(frozen=True)
class LockoutPolicy:
    username_limit: int
    ip_limit: int
    seconds: int


def policy() -> LockoutPolicy:
    return LockoutPolicy(
        username_limit=getattr(settings, "ZONEPORTAL_LOCKOUT_USERNAME_FAILURES", 5),
        ip_limit=getattr(settings, "ZONEPORTAL_LOCKOUT_IP_FAILURES", 20),
        seconds=getattr(settings, "ZONEPORTAL_LOCKOUT_SECONDS", 15 * 60),
    )


def username_digest(username: str) -> str:
    """A keyed hash of the username as typed (case- and space-insensitive).

    Used in cache keys and in the audit log of failed sign-ins, so that a password
    typed into the username field is never stored in clear.
    """
    normalised = (username or "").strip().casefold()[:256]
    key = settings.SECRET_KEY.encode()
    return hmac.new(key, normalised.encode(), hashlib.sha256).hexdigest()[:32]


def _limits(username: str | None, request) -> list[tuple[Limit, str]]:
    """The address's counter, and the user name's when one was typed.

    Both are LOCAL limits: while the shared cache is down they count in this process
    (decision 0012), so the lockout never fails open silently.
    """
    limits = policy()
    keys = [(_ip_limit(limits), client_ip(request))]
    if username is not None:
        keys.append((_username_limit(limits), username_digest(username)))
    return keys


def _ip_limit(limits: LockoutPolicy) -> Limit:
    return Limit("signin-ip", limits.ip_limit, limits.seconds, when_cache_down=LOCAL, hold=True)


def _username_limit(limits: LockoutPolicy) -> Limit:
    return Limit(
        "signin-user", limits.username_limit, limits.seconds, when_cache_down=LOCAL, hold=True
    )


def is_locked_out(username: str | None, request) -> bool:
    return any(limit.reached(identity) for limit, identity in _limits(username, request))


def register_failure(username: str | None, request) -> bool:
    """Count one failure; True if this failure locked the username or the IP out."""
    # Every counter is raised (a list, not a short-circuiting generator).
    locked = [limit.hit(identity) == limit.limit for limit, identity in _limits(username, request)]
    return any(locked)


def clear_username(username: str) -> None:
    _username_limit(policy()).clear(username_digest(username))


def reset(username: str | None = None, ip: str | None = None) -> None:
    """Lift a lockout by hand (from `manage.py shell`)."""
    if username is not None:
        clear_username(username)
    if ip is not None:
        _ip_limit(policy()).clear(ip)


class LockoutModelBackend(ModelBackend):
    """ModelBackend that refuses every sign-in while the username or IP is locked out.

    Raising PermissionDenied stops Django from trying other backends and still sends
    `user_login_failed`, so the refusal is counted and audited like any failure.
    """

    def authenticate(self, request, username=None, password=None, **kwargs):
        if username is None:
            username = kwargs.get(self._username_field())
        if is_locked_out(username, request):
            if request is not None:
                request.zoneportal_locked_out = True
            raise PermissionDenied(LOCKOUT_MESSAGE)
        return super().authenticate(request, username=username, password=password, **kwargs)

    @staticmethod
    def _username_field():
        from django.contrib.auth import get_user_model

        return get_user_model().USERNAME_FIELD


class LockoutLoginForm(LoginForm):
    """Wagtail's login form with the lockout message (WAGTAILADMIN_USER_LOGIN_FORM)."""

    error_messages = {
        **LoginForm.error_messages,
        "locked_out": LOCKOUT_MESSAGE,
    }

    def clean(self):
        username = self.cleaned_data.get("username")
        if username is not None and is_locked_out(username, self.request):
            # Count and audit this attempt too: hammering a locked account keeps it locked.
            from .audit import log_failed_sign_in

            register_failure(username, self.request)
            log_failed_sign_in(username, self.request, locked_out=False)
            raise self.get_lockout_error()
        try:
            return super().clean()
        except Exception:
            if getattr(self.request, "zoneportal_locked_out", False) or is_locked_out(
                username, self.request
            ):
                raise self.get_lockout_error() from None
            raise

    def get_lockout_error(self):
        from django.core.exceptions import ValidationError

        return ValidationError(self.error_messages["locked_out"], code="locked_out")


@receiver(user_login_failed, dispatch_uid="zoneportal_lockout_count_failure")
def _count_failure(sender, credentials, request=None, **kwargs):
    if request is not None and getattr(request, "zoneportal_failure_counted", False):
        return
    from .audit import log_failed_sign_in

    username = credentials.get("username")
    locked = register_failure(username, request)
    if request is not None:
        request.zoneportal_failure_counted = True
    log_failed_sign_in(username, request, locked_out=locked)


@receiver(user_logged_in, dispatch_uid="zoneportal_lockout_clear")
def _clear_on_success(sender, request, user, **kwargs):
    clear_username(user.get_username())
