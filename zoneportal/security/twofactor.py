"""Optional TOTP two-factor sign-in for staff.

Enrolment: Account > Two-step verification (/admin/two-factor/) shows a QR code
(SVG rendered on the server with segno, nothing loaded from elsewhere) and the secret;
entering a code from the app confirms the device.

Sign-in: after the password, a user with a confirmed device is "pending" until they
enter a code at /admin/two-factor/verify/. While pending, `TwoFactorMiddleware`
answers every request (admin or public, so login-restricted pages are covered too)
with a redirect to that page, except the page itself, sign-out and static files.
Five wrong codes in one session sign the user out, and ten wrong codes for one user
within 15 minutes, over any number of sign-ins, refuse every code (even the right one)
until the period ends (`ratelimit.second_factor_limit`).

Recovery codes (recovery.py, decision 0013): confirming a device, or asking for new
codes on the same page, shows ten single-use codes once (/admin/two-factor/
recovery-codes/, with a plain-text download). The sign-in step accepts one in place of
a code from the app, counted against the same five failures.

After an administrator's reset (reset.py) the user must enrol again: from sign-in on,
every request is sent to the set-up page until a new device is confirmed.
"""

from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_http_methods

from . import audit, ratelimit, recovery
from .models import EnrolmentRequired, TOTPDevice, has_confirmed_device, must_enrol
from .secretbox import UnreadableSecret
from .totp import new_secret, provisioning_uri

SESSION_REQUIRED = "zp_2fa_required"
SESSION_VERIFIED = "zp_2fa_verified"
SESSION_FAILURES = "zp_2fa_failures"
SESSION_ENROL = "zp_2fa_enrol"
SESSION_NEW_CODES = "zp_2fa_new_codes"
MAX_FAILURES = 5


@receiver(user_logged_in, dispatch_uid="zoneportal_two_factor_pending")
def _mark_pending(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    request.session.pop(SESSION_VERIFIED, None)
    request.session.pop(SESSION_FAILURES, None)
    request.session.pop(SESSION_NEW_CODES, None)
    request.session[SESSION_REQUIRED] = has_confirmed_device(user)
    request.session[SESSION_ENROL] = must_enrol(user)


def is_pending(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    session = request.session
    return bool(session.get(SESSION_REQUIRED)) and not session.get(SESSION_VERIFIED)


def must_enrol_first(request) -> bool:
    """Signed in after an administrator's reset, and no new device confirmed yet."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    return bool(request.session.get(SESSION_ENROL))


def safe_next(request, value: str | None) -> str:
    """`value` if it is a same-site path, else the admin dashboard."""
    if value and url_has_allowed_host_and_scheme(
        value, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return value
    return reverse("wagtailadmin_home")


class TwoFactorMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        common = (
            reverse("wagtailadmin_logout"),
            reverse("wagtailadmin_javascript_catalog"),
            settings.STATIC_URL,
        )
        if is_pending(request):
            verify = reverse("zoneportal_two_factor_verify")
            if not request.path.startswith((verify, *common)):
                return redirect(f"{verify}?{urlencode({'next': request.get_full_path()})}")
        elif must_enrol_first(request):
            enrol = reverse("zoneportal_two_factor")
            if not request.path.startswith((enrol, *common)):
                return redirect(enrol)
        return self.get_response(request)


class CodeForm(forms.Form):
    """One code: from the authenticator app, or (`kind`) a recovery code, or either."""

    APP, RECOVERY, EITHER = "app", "recovery", "either"
    LABELS = {
        APP: gettext_lazy("Code from your authenticator app"),
        RECOVERY: gettext_lazy("Recovery code"),
        EITHER: gettext_lazy("Code from your authenticator app, or a recovery code"),
    }

    code = forms.CharField(max_length=40)

    def __init__(self, *args, kind=APP, autofocus=True, **kwargs):
        super().__init__(*args, **kwargs)
        field = self.fields["code"]
        field.label = self.LABELS[kind]
        attrs = {"autocomplete": "one-time-code" if kind == self.APP else "off"}
        if kind == self.APP:
            attrs["inputmode"] = "numeric"
        if autofocus:
            attrs["autofocus"] = True
        field.widget.attrs.update(attrs)


def _qr_svg(uri: str) -> str:
    return segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff")


def _tell_remaining(request, left: int) -> None:
    if left == 0:
        messages.warning(
            request,
            _(
                "You signed in with your last recovery code. Generate new ones on your "
                "two-step verification page."
            ),
        )
    else:
        messages.warning(
            request,
            ngettext(
                "You signed in with a recovery code. %(count)d recovery code is left.",
                "You signed in with a recovery code. %(count)d recovery codes are left.",
                left,
            )
            % {"count": left},
        )


def check_second_factor(request, device, code: str) -> str | None:
    """ "app" or "recovery" if `code` is a current app code or an unused recovery code.

    A recovery code is used up by this call, audited with the number left, and the
    user is told how many remain.
    """
    if device is None or not device.confirmed:
        return None
    if recovery.looks_like_recovery_code(code):
        if not recovery.use(device, code):
            return None
        left = recovery.remaining(device)
        audit.log_event(request.user, audit.TWO_FACTOR_RECOVERY_CODE_USED, request, remaining=left)
        _tell_remaining(request, left)
        return CodeForm.RECOVERY
    return CodeForm.APP if device.verify(code) else None


@require_http_methods(["GET", "POST"])
def verify(request):
    if not is_pending(request):
        return redirect(safe_next(request, request.GET.get("next")))
    use_recovery = request.GET.get("recovery") == "1" or request.POST.get("recovery") == "1"
    form = CodeForm(request.POST or None, kind=CodeForm.RECOVERY if use_recovery else CodeForm.APP)
    if request.method == "POST" and form.is_valid():
        user_limit = ratelimit.second_factor_limit()
        if user_limit.reached(str(request.user.pk)):
            # Even the right code is refused until the user's budget is back.
            return _sign_out_after_too_many(request)
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        code = form.cleaned_data["code"]
        if check_second_factor(request, device, code):
            request.session[SESSION_VERIFIED] = True
            request.session.pop(SESSION_FAILURES, None)
            user_limit.clear(str(request.user.pk))
            request.session.cycle_key()
            audit.log_event(request.user, audit.TWO_FACTOR_PASSED, request)
            return redirect(safe_next(request, request.POST.get("next")))
        failures = request.session.get(SESSION_FAILURES, 0) + 1
        request.session[SESSION_FAILURES] = failures
        method = "recovery" if recovery.looks_like_recovery_code(code) else "app"
        audit.log_event(request.user, audit.TWO_FACTOR_FAILED, request, method=method)
        user_limit.hit(str(request.user.pk))
        if failures >= MAX_FAILURES or user_limit.reached(str(request.user.pk)):
            return _sign_out_after_too_many(request)
        if method == "recovery":
            form.add_error("code", _("That recovery code is not valid or was already used."))
        else:
            form.add_error("code", _("That code is not valid. Check the time on your phone."))
    next_url = safe_next(request, request.POST.get("next") or request.GET.get("next"))
    return TemplateResponse(
        request,
        "security/two_factor_verify.html",
        {
            "form": form,
            "next": next_url,
            "use_recovery": use_recovery,
            "switch_query": urlencode(
                {"next": next_url, **({} if use_recovery else {"recovery": 1})}
            ),
        },
    )


def _sign_out_after_too_many(request):
    logout(request)
    messages.error(request, _("Too many wrong codes. Sign in again."))
    return redirect("wagtailadmin_login")


def _issue_recovery_codes(request, device):
    """New codes for `device`, kept in the session until the next page shows them once."""
    codes = recovery.generate(device)
    request.session[SESSION_NEW_CODES] = codes
    audit.log_event(
        request.user, audit.TWO_FACTOR_RECOVERY_CODES_GENERATED, request, count=len(codes)
    )
    return redirect("zoneportal_two_factor_recovery_codes")


def _confirm(request, device):
    device.confirmed = True
    device.save(update_fields=["confirmed"])
    EnrolmentRequired.objects.filter(user=request.user).delete()
    request.session[SESSION_REQUIRED] = True
    request.session[SESSION_VERIFIED] = True
    request.session.pop(SESSION_ENROL, None)
    audit.log_event(request.user, audit.TWO_FACTOR_ENABLED, request)
    messages.success(request, _("Two-step verification is on."))
    return _issue_recovery_codes(request, device)


@require_http_methods(["GET", "POST"])
def manage(request):
    """Enrol (QR code + confirm), get new recovery codes, or turn off, for oneself."""
    device = TOTPDevice.objects.filter(user=request.user).first()
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, secret=new_secret())
    data = request.POST if request.method == "POST" else None
    regenerate = request.POST.get("action") == "regenerate"
    kind = CodeForm.EITHER if device.confirmed else CodeForm.APP
    form = CodeForm(None if regenerate else data, kind=kind)
    new_codes_form = CodeForm(
        data if regenerate else None, kind=kind, prefix="regenerate", autofocus=False
    )
    posted = new_codes_form if regenerate else form
    if data is not None and posted.is_valid():
        code = posted.cleaned_data["code"]
        if not device.confirmed:
            if device.verify(code):
                return _confirm(request, device)
        elif check_second_factor(request, device, code):
            if regenerate:
                return _issue_recovery_codes(request, device)
            device.delete()  # and its recovery codes
            request.session.pop(SESSION_REQUIRED, None)
            audit.log_event(request.user, audit.TWO_FACTOR_DISABLED, request)
            messages.success(request, _("Two-step verification is turned off."))
            return redirect("zoneportal_two_factor")
        posted.add_error("code", _("That code is not valid. Check the time on your phone."))
    context = {
        "form": form,
        "new_codes_form": new_codes_form,
        "device": device,
        "enrolment_required": must_enrol_first(request),
        "recovery_codes_left": recovery.remaining(device) if device.confirmed else 0,
    }
    if not device.confirmed:
        try:
            secret = device.secret
        except UnreadableSecret:  # its key is gone; nothing was confirmed with it
            secret = device.secret = new_secret()
            device.save(update_fields=["encrypted_secret"])
        issuer = getattr(settings, "WAGTAIL_SITE_NAME", "ZonePortal")
        uri = provisioning_uri(secret, request.user.get_username(), issuer)
        context.update(qr_svg=_qr_svg(uri), secret=secret)
    return TemplateResponse(request, "security/two_factor_manage.html", context)


@never_cache
@require_http_methods(["GET"])
def recovery_codes(request):
    """The new recovery codes, once: they leave the session as this page is made."""
    codes = request.session.pop(SESSION_NEW_CODES, None)
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    return TemplateResponse(
        request,
        "security/two_factor_recovery_codes.html",
        {"codes": codes, "device": device, "recovery_codes_left": recovery.remaining(device)},
    )


@never_cache
@require_http_methods(["POST"])
def download_recovery_codes(request):
    """The codes just shown, as a text file (posted back from that page; no script needed).

    Only codes that are still unused codes of the user's device go into the file, so
    this cannot be used to serve arbitrary text.
    """
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    codes = recovery.unused_among(device, request.POST.getlist("code"))
    if not codes:
        messages.error(
            request, _("Those recovery codes are no longer valid. Generate new ones here.")
        )
        return redirect("zoneportal_two_factor")
    site = getattr(settings, "WAGTAIL_SITE_NAME", "ZonePortal")
    lines = [
        _("Recovery codes for %(user)s at %(site)s")
        % {"user": request.user.get_username(), "site": site},
        _("Each code works once, in place of a code from your authenticator app."),
        "",
        *codes,
        "",
    ]
    response = HttpResponse("\r\n".join(lines), content_type="text/plain; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="recovery-codes.txt"'
    return response
