"""Receiving an inquiry: one transaction, then side effects.

`receive_inquiry` writes the inquiry, its reference number, the RECEIVED history
event and (unless it looks like spam) the acknowledgement email row in one database
transaction. Email delivery is enqueued only after that transaction commits
(`mail.queue_email`), so an inquiry is stored before anything else may fail, and a
failed write leaves nothing behind.

Reference numbers read INQ-2026-000123: the prefix from the zone profile (Settings >
Zone profile; ZONEPORTAL_INQUIRY_REFERENCE_PREFIX for a Site without one), the year
received (in the zone's time zone) and the
primary key, zero-padded to six digits. The primary key comes from the database's
own sequence (PostgreSQL) or rowid (SQLite) inside the same transaction, so the
number is unique under any number of concurrent submissions without a counter
table or lock. The sequence runs on across years (it is not reset on 1 January),
and a rolled-back insert leaves a gap, which staff never need to explain.
"""

import uuid

from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from zoneportal.zones.profile import zone_profile, zone_text

from .mail import queue_email
from .models import Inquiry, InquiryEvent, OutgoingEmail


def _zone(zone=None):
    return zone if zone is not None else zone_profile()


def reference_prefix(zone=None) -> str:
    return _zone(zone).reference_prefix


def first_answer_working_days(zone=None) -> int:
    return _zone(zone).first_reply_working_days


def make_reference(inquiry: Inquiry, zone=None) -> str:
    zone = _zone(zone)
    year = inquiry.created_at.astimezone(zone.tzinfo).year
    return f"{zone.reference_prefix}-{year}-{inquiry.pk:06d}"


def find_by_token(token) -> Inquiry | None:
    return Inquiry.objects.filter(submission_token=token).first()


def receive_inquiry(
    *,
    data: dict,
    token: uuid.UUID,
    page,
    submitted_language: str,
    spam_reason: str = "",
) -> tuple[Inquiry, bool]:
    """Store one submission; return (inquiry, created).

    `data` is the form's cleaned data. A second submission with the same token
    (double click, reload, back and resubmit) returns the first inquiry unchanged.
    Database errors propagate: the caller tells the visitor nothing was sent.
    """
    existing = find_by_token(token)
    if existing is not None:
        return existing, False
    zone = zone_profile(page.get_site())
    industry = data.get("industry")
    if industry is not None:
        from .forms import source_industry

        industry = source_industry(industry)
    try:
        with transaction.atomic():
            inquiry = Inquiry.objects.create(
                submission_token=token,
                name=data["name"],
                organisation=data.get("organisation", ""),
                country=data.get("country", ""),
                email=data["email"],
                phone=data.get("phone", ""),
                industry=industry,
                industry_name=industry.title if industry is not None else "",
                stage=data["stage"],
                message=data["message"],
                reply_language=data["reply_language"],
                submitted_language=submitted_language,
                privacy_notice_version=page.privacy_notice_version,
                consented_at=timezone.now(),
                status=Inquiry.Status.SPAM if spam_reason else Inquiry.Status.NEW,
                spam_reason=spam_reason[:255],
            )
            inquiry.reference = make_reference(inquiry, zone)
            inquiry.save(update_fields=["reference"])
            InquiryEvent.objects.create(
                inquiry=inquiry,
                kind=InquiryEvent.Kind.RECEIVED,
                to_status=inquiry.status,
                text=f"Suspected spam: {spam_reason}" if spam_reason else "",
            )
            if not spam_reason:
                queue_acknowledgement(inquiry, zone)
    except IntegrityError:
        # The same form posted twice at the same moment: the other request won.
        existing = find_by_token(token)
        if existing is None:
            raise
        return existing, False
    return inquiry, True


def queue_acknowledgement(inquiry: Inquiry, zone=None) -> OutgoingEmail:
    """The acknowledgement email in the sender's reply language, queued in this transaction."""
    zone = _zone(zone)
    context = {
        "inquiry": inquiry,
        "reference": inquiry.reference,
        "working_days": zone.first_reply_working_days,
        "site_name": zone_text(zone, inquiry.reply_language).official_name,
    }
    with translation.override(inquiry.reply_language):
        subject = render_to_string("inquiries/email/acknowledgement_subject.txt", context)
        body = render_to_string("inquiries/email/acknowledgement.txt", context)
    return queue_email(
        kind=OutgoingEmail.Kind.ACKNOWLEDGEMENT,
        to=inquiry.email,
        language=inquiry.reply_language,
        subject=" ".join(subject.split()),
        body=body.strip() + "\n",
        inquiry=inquiry,
    )
