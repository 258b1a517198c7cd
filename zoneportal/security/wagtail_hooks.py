from django.contrib.auth.models import Permission
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.widgets import Button
from wagtail.log_actions import LogFormatter

from . import (
    audit,
    chooser_hooks,  # noqa: F401 - registers the chooser hooks (choosers.py)
    reset,
    twofactor,
)
from .models import TOTPDevice


@hooks.register("register_admin_urls")
def register_two_factor_urls():
    return [
        path("two-factor/", twofactor.manage, name="zoneportal_two_factor"),
        path("two-factor/verify/", twofactor.verify, name="zoneportal_two_factor_verify"),
        path(
            "two-factor/recovery-codes/",
            twofactor.recovery_codes,
            name="zoneportal_two_factor_recovery_codes",
        ),
        path(
            "two-factor/recovery-codes/download/",
            twofactor.download_recovery_codes,
            name="zoneportal_two_factor_recovery_codes_download",
        ),
        path(
            "two-factor/reset/<int:user_id>/",
            reset.reset_view,
            name="zoneportal_two_factor_reset",
        ),
    ]


@hooks.register("register_permissions")
def register_reset_permission():
    """Lets Settings > Groups grant "reset other users' two-step verification"."""
    return Permission.objects.filter(
        content_type__app_label="security", codename="reset_two_factor"
    )


@hooks.register("register_user_listing_buttons")
def reset_two_factor_button(user, request_user):
    """Users listing, "More" menu: reset two-step verification (confirmation page)."""
    if not reset.can_reset(request_user, user):
        return []
    if not TOTPDevice.objects.filter(user=user).exists():
        return []
    return [
        Button(
            _("Reset two-step verification"),
            url=reverse("zoneportal_two_factor_reset", args=[user.pk]),
            icon_name="lock-open",
            priority=90,
        )
    ]


@hooks.register("register_account_menu_item")
def two_factor_menu_item(request):
    return {
        "url": reverse("zoneportal_two_factor"),
        "label": _("Two-step verification"),
        "help_text": _("Ask for a code from an authenticator app after your password."),
    }


class _SecurityFormatter(LogFormatter):
    """Messages that show the client address (and the export format) from the entry's data."""

    def format_message(self, log_entry):
        data = log_entry.data or {}
        message = str(self.message)
        details = []
        if data.get("ip"):
            details.append(_("from %(ip)s") % {"ip": data["ip"]})
        if "known_user" in data and not data["known_user"]:
            details.append(_("unknown user name"))
        if data.get("format"):
            details.append(data["format"].upper() + " " + data.get("path", ""))
        for key in ("added", "removed"):
            if data.get(key):
                label = _("added") if key == "added" else _("removed")
                details.append(f"{label}: {', '.join(data[key])}")
        if "remaining" in data:
            details.append(_("recovery codes left: %(count)s") % {"count": data["remaining"]})
        if data.get("via"):
            details.append(_("by %(via)s") % {"via": data["via"]})
        if data.get("changes"):
            details.append(", ".join(f"{k}: {v[0]} → {v[1]}" for k, v in data["changes"].items()))
        return f"{message} ({'; '.join(str(d) for d in details)})" if details else message


ACTIONS = [
    (audit.SIGN_IN, _("Sign-in"), _("Signed in")),
    (audit.SIGN_OUT, _("Sign-out"), _("Signed out")),
    (audit.SIGN_IN_FAILED, _("Failed sign-in"), _("Failed sign-in")),
    (audit.LOCKOUT, _("Sign-in lockout"), _("Sign-in locked out after repeated failures")),
    (audit.GROUPS_CHANGED, _("Group membership change"), _("Group membership changed")),
    (audit.PERMISSIONS_CHANGED, _("Permission change"), _("Permissions changed")),
    (audit.PRIVILEGES_CHANGED, _("Account privilege change"), _("Account privileges changed")),
    (audit.EXPORT, _("Export"), _("Data exported")),
    (audit.TWO_FACTOR_ENABLED, _("Two-step verification on"), _("Two-step verification turned on")),
    (
        audit.TWO_FACTOR_DISABLED,
        _("Two-step verification off"),
        _("Two-step verification turned off"),
    ),
    (audit.TWO_FACTOR_PASSED, _("Two-step code accepted"), _("Two-step code accepted")),
    (audit.TWO_FACTOR_FAILED, _("Two-step code refused"), _("Two-step code refused")),
    (
        audit.TWO_FACTOR_RECOVERY_CODES_GENERATED,
        _("New recovery codes"),
        _("New two-step recovery codes made"),
    ),
    (
        audit.TWO_FACTOR_RECOVERY_CODE_USED,
        _("Recovery code used"),
        _("Two-step recovery code used"),
    ),
    (
        audit.TWO_FACTOR_RESET,
        _("Two-step verification reset"),
        _("Two-step verification reset by an administrator"),
    ),
]


@hooks.register("register_log_actions")
def register_security_actions(actions):
    for action, label, message in ACTIONS:
        formatter = type(
            "SecurityFormatter", (_SecurityFormatter,), {"label": label, "message": message}
        )
        actions.register_action(action)(formatter)
