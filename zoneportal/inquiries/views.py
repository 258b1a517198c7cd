"""Serving the "Leave Your Message Here" page: the form, its submission, the thank-you.

GET shows the form; POST validates and stores it, then redirects (303) to the page
with a signed `?sent=` value that shows the reference number (POST/redirect/GET, so
a reload never posts again). Outcomes of a POST:

- invalid: the form again, with an error summary and per-field errors (200);
- the same form key again (double click, reload, back and resubmit): the thank-you
  page of the first submission;
- too many messages from this IP or email address (counted only for valid forms,
  see spam.count_submission): the form again with a plain explanation (429),
  nothing stored;
- suspected spam (honeypot, too fast, forged key, links): stored as Spam without
  an acknowledgement, and the same thank-you page as everyone else;
- database unavailable: the form again with everything typed and a plain "your
  message was NOT sent" (503). Never a thank-you that is not true.
"""

import logging

from django.core import signing
from django.db import InterfaceError, OperationalError
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers, patch_vary_headers
from django.utils.http import urlencode

from . import intake, spam
from .forms import InquiryForm
from .models import Inquiry

logger = logging.getLogger(__name__)

SENT_SALT = "zoneportal.inquiries.sent"
SENT_MAX_AGE = 7 * 24 * 3600
DATABASE_ERRORS = (OperationalError, InterfaceError)


def serve_inquiry_page(page, request, *args, **kwargs):
    if request.method == "POST":
        return _post(page, request)
    if request.GET.get("sent"):
        inquiry = _sent_inquiry(request.GET["sent"])
        if inquiry is not None:
            return _render_sent(page, request, inquiry)
    form = InquiryForm(page=page, initial={"form_key": spam.issue_form_key()})
    return _render_form(page, request, form)


def sent_url(page, request, inquiry: Inquiry) -> str:
    value = signing.dumps(inquiry.pk, salt=SENT_SALT)
    return f"{page.get_url(request)}?{urlencode({'sent': value})}"


def _sent_inquiry(value: str) -> Inquiry | None:
    try:
        pk = signing.loads(value, salt=SENT_SALT, max_age=SENT_MAX_AGE)
    except signing.BadSignature:
        return None
    return Inquiry.objects.filter(pk=pk).only("id", "reference", "status").first()


def _post(page, request):
    form = InquiryForm(request.POST, page=page)
    form_key = spam.read_form_key(request.POST.get("form_key", ""))
    if form_key is None:
        # Keep the visitor's (or the bot's) submission identifiable from here on.
        form.data = form.data.copy()
        form.data["form_key"] = spam.issue_form_key()
    try:
        if form_key is not None:
            existing = intake.find_by_token(form_key.token)
            if existing is not None:
                return HttpResponseRedirect(sent_url(page, request, existing), status=303)

        if not form.is_valid():
            return _render_form(page, request, form)
    except DATABASE_ERRORS as exc:
        return _database_unavailable(page, request, form, exc)

    # Counted before storing, so concurrent posts cannot overshoot the limit; the
    # slot is given back when nothing is stored (spam.count_submission).
    ip, email = spam.client_ip(request), form.cleaned_data["email"]
    if spam.count_submission(ip, email):
        spam.uncount_submission(ip, email)
        return _render_form(page, request, form, problem="rate_limited", status=429)
    try:
        reason = spam.spam_reason(
            honeypot=form.honeypot_value, form_key=form_key, cleaned=form.cleaned_data
        )
        token = (form_key or spam.read_form_key(form.data["form_key"])).token
        inquiry, created = intake.receive_inquiry(
            data=form.cleaned_data,
            token=token,
            page=page,
            submitted_language=page.locale.language_code,
            spam_reason=reason,
        )
    except DATABASE_ERRORS as exc:
        spam.uncount_submission(ip, email)
        return _database_unavailable(page, request, form, exc)
    if not created:  # the same form stored by another request at the same moment
        spam.uncount_submission(ip, email)
    return HttpResponseRedirect(sent_url(page, request, inquiry), status=303)


def _database_unavailable(page, request, form, exc):
    logger.error("Inquiry not stored: database unavailable (%s)", type(exc).__name__)
    return _render_form(page, request, form, problem="database", status=503)


def _no_store(response):
    add_never_cache_headers(response)
    patch_vary_headers(response, ["Cookie"])
    return response


def _render_form(page, request, form, problem=None, status=200):
    context = page.get_context(request)
    context.update({"form": form, "problem": problem, "error_list": form.error_list()})
    response = TemplateResponse(request, page.get_template(request), context, status=status)
    return _no_store(response)


def _render_sent(page, request, inquiry):
    context = page.get_context(request)
    context.update(
        {
            "inquiry": inquiry,
            "reference": inquiry.reference,
            "working_days": intake.first_answer_working_days(),
        }
    )
    response = TemplateResponse(request, "inquiries/inquiry_page_sent.html", context)
    response["X-Robots-Tag"] = "noindex"
    return _no_store(response)
