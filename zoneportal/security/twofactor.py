"""Optional TOTP two-factor sign-in for staff.

Enrolment: Account > Two-step verification (/admin/two-factor/) shows a QR code
(SVG rendered on the server with segno, nothing loaded from elsewhere) and the secret;
entering a code from the app confirms the device.

Sign-in: after the password, a user with a confirmed device is "pending" until they
enter a code at /admin/two-factor/verify/. While pending, `TwoFactorMiddleware`
answers every request (admin or public, so login-restricted pages are covered too)
with a redirect to that page, except the page itself, sign-out and static files.
Five wrong codes in one session sign the user out.
"""

from urllib.parse import urlencode

import segno
from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth import logout
from django.contrib.auth.signals import user_logged_in
from django.dispatch import receiver
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods

from . import audit
from .models import TOTPDevice, has_confirmed_device
from .secretbox import UnreadableSecret
from .totp import new_secret, provisioning_uri

SESSION_REQUIRED = "zp_2fa_required"
SESSION_VERIFIED = "zp_2fa_verified"
SESSION_FAILURES = "zp_2fa_failures"
MAX_FAILURES = 5


@receiver(user_logged_in, dispatch_uid="zoneportal_two_factor_pending")
def _mark_pending(sender, request, user, **kwargs):
    if request is None or not hasattr(request, "session"):
        return
    request.session.pop(SESSION_VERIFIED, None)
    request.session.pop(SESSION_FAILURES, None)
    request.session[SESSION_REQUIRED] = has_confirmed_device(user)


def is_pending(request) -> bool:
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return False
    session = request.session
    return bool(session.get(SESSION_REQUIRED)) and not session.get(SESSION_VERIFIED)


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
        if is_pending(request):
            allowed = (
                reverse("zoneportal_two_factor_verify"),
                reverse("wagtailadmin_logout"),
                settings.STATIC_URL,
            )
            if not request.path.startswith(allowed):
                verify = reverse("zoneportal_two_factor_verify")
                return redirect(f"{verify}?{urlencode({'next': request.get_full_path()})}")
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=gettext_lazy("Code from your authenticator app"),
        max_length=10,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}
        ),
    )


def _qr_svg(uri: str) -> str:
    return segno.make(uri, error="m").svg_inline(scale=4, dark="#000", light="#fff")


@require_http_methods(["GET", "POST"])
def verify(request):
    if not is_pending(request):
        return redirect(safe_next(request, request.GET.get("next")))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
        if device is not None and device.verify(form.cleaned_data["code"]):
            request.session[SESSION_VERIFIED] = True
            request.session.pop(SESSION_FAILURES, None)
            request.session.cycle_key()
            audit.log_event(request.user, audit.TWO_FACTOR_PASSED, request)
            return redirect(safe_next(request, request.POST.get("next")))
        failures = request.session.get(SESSION_FAILURES, 0) + 1
        request.session[SESSION_FAILURES] = failures
        audit.log_event(request.user, audit.TWO_FACTOR_FAILED, request)
        if failures >= MAX_FAILURES:
            logout(request)
            messages.error(request, _("Too many wrong codes. Sign in again."))
            return redirect("wagtailadmin_login")
        form.add_error("code", _("That code is not valid. Check the time on your phone."))
    return TemplateResponse(
        request,
        "security/two_factor_verify.html",
        {"form": form, "next": safe_next(request, request.GET.get("next"))},
    )


@require_http_methods(["GET", "POST"])
def manage(request):
    """Enrol (QR code + confirm) or turn off two-step verification for oneself."""
    device = TOTPDevice.objects.filter(user=request.user).first()
    form = CodeForm(request.POST or None)
    if device is None:
        device = TOTPDevice.objects.create(user=request.user, secret=new_secret())
    if request.method == "POST" and form.is_valid():
        if device.verify(form.cleaned_data["code"]):
            if device.confirmed:
                device.delete()
                request.session.pop(SESSION_REQUIRED, None)
                audit.log_event(request.user, audit.TWO_FACTOR_DISABLED, request)
                messages.success(request, _("Two-step verification is turned off."))
            else:
                device.confirmed = True
                device.save(update_fields=["confirmed"])
                request.session[SESSION_REQUIRED] = True
                request.session[SESSION_VERIFIED] = True
                audit.log_event(request.user, audit.TWO_FACTOR_ENABLED, request)
                messages.success(request, _("Two-step verification is on."))
            return redirect("zoneportal_two_factor")
        form.add_error("code", _("That code is not valid. Check the time on your phone."))
    context = {"form": form, "device": device}
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
