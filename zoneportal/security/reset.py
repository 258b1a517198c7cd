"""An administrator resets another user's two-step verification (a lost phone).

Who may: a superuser, or a user with the permission `security.reset_two_factor`
(grant it to a group under Settings > Groups, "Two-factor device"). Nobody resets
their own (that goes through their own page, with a code), and only a superuser
resets a superuser's.

What it does: deletes the device and with it the recovery codes, and, when the device
was confirmed, records that the user must set up a new one (`EnrolmentRequired`): at
their next sign-in they are sent to the set-up page and can use nothing else until a
new device is confirmed. It is logged against the user reset, with who did it and from
which address (`manage.py reset_two_factor` logs with no user, `via` the command).

Sessions the user already has are not ended: the reset is for someone who lost a
phone, not for a stolen account (for that, deactivate the account or change the
password, which ends the sessions).
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db import transaction
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from . import audit, recovery
from .models import EnrolmentRequired, TOTPDevice

PERMISSION = "security.reset_two_factor"
COMMAND = "manage.py reset_two_factor"


def may_reset_others(actor) -> bool:
    if not getattr(actor, "is_authenticated", False) or not actor.is_active:
        return False
    return actor.is_superuser or actor.has_perm(PERMISSION)


def can_reset(actor, target) -> bool:
    if not may_reset_others(actor) or target.pk == actor.pk:
        return False
    return actor.is_superuser or not target.is_superuser


def reset_two_factor(target, *, actor=None, request=None, via: str | None = None) -> bool:
    """Delete `target`'s device and recovery codes; True if a confirmed device was removed."""
    with transaction.atomic():
        device = TOTPDevice.objects.select_for_update().filter(user=target).first()
        confirmed = bool(device and device.confirmed)
        unused = recovery.remaining(device)
        TOTPDevice.objects.filter(user=target).delete()  # cascades to the recovery codes
        if confirmed:
            EnrolmentRequired.objects.get_or_create(user=target)
    data = {"had_device": confirmed, "unused_recovery_codes": unused}
    if via:
        data["via"] = via
    audit.log_event(target, audit.TWO_FACTOR_RESET, request, user=actor, **data)
    return confirmed


def _forbidden(request):
    """A 403 page (Wagtail's admin would turn PermissionDenied into a redirect home)."""
    return TemplateResponse(request, "security/two_factor_reset_forbidden.html", status=403)


@require_http_methods(["GET", "POST"])
def reset_view(request, user_id):
    """Confirmation page (GET) and the reset itself (POST, CSRF-protected)."""
    if not may_reset_others(request.user):
        return _forbidden(request)
    target = get_object_or_404(get_user_model(), pk=user_id)
    if not can_reset(request.user, target):
        return _forbidden(request)
    device = TOTPDevice.objects.filter(user=target).first()
    if request.method == "POST":
        if reset_two_factor(target, actor=request.user, request=request):
            message = _(
                "Two-step verification of %(user)s is reset. They must set it up again "
                "at their next sign-in."
            )
        else:
            message = _(
                "%(user)s had not turned on two-step verification: there was nothing to reset."
            )
        messages.success(request, message % {"user": target.get_username()})
        return redirect("wagtailusers_users:index")
    return TemplateResponse(
        request,
        "security/two_factor_reset_confirm.html",
        {
            "target": target,
            "confirmed": bool(device and device.confirmed),
            "unused_codes": recovery.remaining(device),
        },
    )
