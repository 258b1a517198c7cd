"""What officers do with an inquiry: statuses, owner, notes, replies and follow-up.

Every change is one transaction that updates the inquiry, records an `InquiryEvent`
(who, when, from which status to which) and queues any email through `queue_email`,
so the history and the mail can never disagree with the inquiry.

    New ──assign──▶ Assigned ──▶ In progress ──reply──▶ Answered ──▶ Closed
     ▲  ╲                 ╲────────reply────────────▶    │  ▲           │
     │   ╲─▶ Spam          (Answered ⇄ In progress)        │  └─reopen──┘ (to In progress)
     └──────┘ (false positive)

Logging never includes personal data: inquiries are named by their id only.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import transaction
from django.template.loader import get_template, select_template
from django.utils import timezone, translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from zoneportal.zones.profile import zone_profile, zone_text

from .mail import queue_email
from .models import Inquiry, InquiryEvent, OutgoingEmail

logger = logging.getLogger(__name__)

Status = Inquiry.Status

# The statuses an officer may move an inquiry to by hand, from each status. Assigned
# and Answered are reached through `assign` and `reply`, which do more than that.
TRANSITIONS: dict[str, set[str]] = {
    Status.NEW: {Status.SPAM},
    Status.ASSIGNED: {Status.IN_PROGRESS, Status.SPAM},
    Status.IN_PROGRESS: {Status.ANSWERED},
    Status.ANSWERED: {Status.IN_PROGRESS, Status.CLOSED},
    Status.CLOSED: {Status.IN_PROGRESS},
    Status.SPAM: {Status.NEW},
}
CAN_ASSIGN = {Status.NEW, Status.ASSIGNED, Status.IN_PROGRESS, Status.ANSWERED}
CAN_REPLY = {Status.ASSIGNED, Status.IN_PROGRESS, Status.ANSWERED}


class WorkflowError(Exception):
    """An action that is not allowed for the inquiry as it is; the message is for the officer."""


def allowed_statuses(inquiry: Inquiry) -> list[str]:
    return [status for status in Status.values if status in TRANSITIONS[inquiry.status]]


def _check_not_anonymised(inquiry: Inquiry) -> None:
    if inquiry.anonymised_at:
        raise WorkflowError(_("This inquiry has been anonymised and can no longer be changed."))


def _locked(inquiry: Inquiry) -> Inquiry:
    """Re-read the inquiry inside the transaction, locked, so concurrent officers queue up."""
    fresh = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    inquiry.__dict__.update(
        {field.attname: getattr(fresh, field.attname) for field in Inquiry._meta.concrete_fields}
    )
    return inquiry


def _event(inquiry, kind, actor, *, from_status="", to_status="", text=""):
    return InquiryEvent.objects.create(
        inquiry=inquiry,
        kind=kind,
        actor=actor,
        from_status=from_status,
        to_status=to_status,
        text=text,
    )


@transaction.atomic
def change_status(inquiry: Inquiry, to_status: str, by) -> InquiryEvent:
    """Move the inquiry to `to_status` by hand, if the status machine allows it."""
    inquiry = _locked(inquiry)
    _check_not_anonymised(inquiry)
    from_status = inquiry.status
    if to_status not in TRANSITIONS.get(from_status, set()):
        raise WorkflowError(
            _("An inquiry that is “%(from)s” cannot be moved to “%(to)s”.")
            % {
                "from": Status(from_status).label,
                "to": Status(to_status).label if to_status in Status.values else to_status,
            }
        )
    now = timezone.now()
    inquiry.status = to_status
    fields = ["status"]
    if to_status == Status.CLOSED:
        inquiry.closed_at = now
        fields.append("closed_at")
    elif from_status == Status.CLOSED:
        inquiry.closed_at = None
        fields.append("closed_at")
    if to_status == Status.ANSWERED and inquiry.first_answered_at is None:
        # Answered outside the composer (by phone, in a meeting): the clock stops too.
        inquiry.first_answered_at = now
        fields.append("first_answered_at")
    inquiry.save(update_fields=fields)
    logger.info("inquiry %s: status %s -> %s", inquiry.pk, from_status, to_status)
    return _event(
        inquiry, InquiryEvent.Kind.STATUS, by, from_status=from_status, to_status=to_status
    )


def officer_language(user) -> str:
    """The user's preferred admin language if the site has it, else English."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.objects.filter(user=user).first()
    language = profile.preferred_language if profile else ""
    codes = dict(settings.LANGUAGES)
    return language if language in codes else "en"


def _admin_url(inquiry: Inquiry) -> str:
    from django.urls import reverse

    base = getattr(settings, "WAGTAILADMIN_BASE_URL", "").rstrip("/")
    return base + reverse("inquiry:inspect", args=[inquiry.pk])


@transaction.atomic
def assign(inquiry: Inquiry, owner, by) -> InquiryEvent:
    """Give the inquiry an owner and tell them by email, in their admin language."""
    inquiry = _locked(inquiry)
    _check_not_anonymised(inquiry)
    if inquiry.status not in CAN_ASSIGN:
        raise WorkflowError(
            _("An inquiry that is “%(status)s” cannot be assigned.")
            % {"status": Status(inquiry.status).label}
        )
    if owner is None or not owner.is_active:
        raise WorkflowError(_("Choose an active officer."))
    from_status = inquiry.status
    inquiry.owner = owner
    inquiry.assigned_at = timezone.now()
    fields = ["owner", "assigned_at"]
    if inquiry.status == Status.NEW:
        inquiry.status = Status.ASSIGNED
        fields.append("status")
    inquiry.save(update_fields=fields)
    event = _event(
        inquiry,
        InquiryEvent.Kind.ASSIGNED,
        by,
        from_status=from_status,
        to_status=inquiry.status,
        text=owner.get_full_name() or owner.get_username(),
    )
    if owner.email:
        language = officer_language(owner)
        with translation.override(language):
            subject = gettext("Inquiry %(reference)s is assigned to you") % {
                "reference": inquiry,
            }
            body = get_template("inquiries/email/owner_assigned.txt").render(
                {
                    "inquiry": inquiry,
                    "owner": owner,
                    "by": by,
                    "url": _admin_url(inquiry),
                    "due": _answer_due(inquiry),
                }
            )
        queue_email(
            kind=OutgoingEmail.Kind.OWNER_NOTICE,
            to=owner.email,
            language=language,
            subject=subject,
            body=body,
            inquiry=inquiry,
        )
    logger.info("inquiry %s: assigned to user %s", inquiry.pk, owner.pk)
    return event


def _answer_due(inquiry):
    from .service_levels import answer_due

    return None if inquiry.first_answered_at else answer_due(inquiry)


@transaction.atomic
def add_note(inquiry: Inquiry, text: str, by, *, follow_up: bool = False) -> InquiryEvent:
    """An internal note (never sent to the investor); `follow_up` records the follow-up."""
    inquiry = _locked(inquiry)
    _check_not_anonymised(inquiry)
    text = text.strip()
    if not text:
        raise WorkflowError(_("Write the note first."))
    if follow_up:
        inquiry.followed_up_at = timezone.now()
        inquiry.save(update_fields=["followed_up_at"])
    logger.info("inquiry %s: note added (follow-up: %s)", inquiry.pk, follow_up)
    return _event(inquiry, InquiryEvent.Kind.NOTE, by, text=text)


def reply_template_names(language: str) -> list[str]:
    return [f"inquiries/email/reply_{language}.txt", "inquiries/email/reply_en.txt"]


def render_reply(inquiry: Inquiry, text: str, by) -> tuple[str, str]:
    """Subject and body of a reply in the investor's language (greeting, text, sign-off)."""
    language = inquiry.reply_language or "en"
    with translation.override(language):
        subject = gettext("Your inquiry %(reference)s") % {"reference": inquiry}
        body = select_template(reply_template_names(language)).render(
            {
                "inquiry": inquiry,
                "text": text.strip(),
                "officer": by.get_full_name() or by.get_username(),
                "site_name": zone_text(zone_profile(), language).official_name,
            }
        )
    return subject, body


@transaction.atomic
def reply(inquiry: Inquiry, text: str, by) -> OutgoingEmail:
    """Email the investor the officer's text; record it and mark the inquiry Answered."""
    inquiry = _locked(inquiry)
    _check_not_anonymised(inquiry)
    if inquiry.status not in CAN_REPLY:
        raise WorkflowError(
            _("Assign the inquiry before replying.")
            if inquiry.status == Status.NEW
            else _("An inquiry that is “%(status)s” cannot be replied to.")
            % {"status": Status(inquiry.status).label}
        )
    if not text.strip():
        raise WorkflowError(_("Write the reply first."))
    subject, body = render_reply(inquiry, text, by)
    email = queue_email(
        kind=OutgoingEmail.Kind.REPLY,
        to=inquiry.email,
        language=inquiry.reply_language or "en",
        subject=subject,
        body=body,
        inquiry=inquiry,
    )
    from_status = inquiry.status
    inquiry.status = Status.ANSWERED
    fields = ["status"]
    if inquiry.first_answered_at is None:
        inquiry.first_answered_at = timezone.now()
        fields.append("first_answered_at")
    inquiry.save(update_fields=fields)
    _event(
        inquiry,
        InquiryEvent.Kind.REPLY,
        by,
        from_status=from_status,
        to_status=Status.ANSWERED,
        text=text.strip(),
    )
    logger.info("inquiry %s: reply queued as email %s", inquiry.pk, email.pk)
    return email


def officers():
    """Active users who may own inquiries (change permission), for the assignment form."""
    from django.contrib.auth.models import Permission
    from django.db.models import Q

    permission = Permission.objects.get(
        content_type__app_label="inquiries", codename="change_inquiry"
    )
    return (
        get_user_model()
        .objects.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(user_permissions=permission)
            | Q(groups__permissions=permission)
        )
        .distinct()
        .order_by("first_name", "last_name", "username")
    )
