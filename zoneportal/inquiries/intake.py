"""Receiving an inquiry: one transaction, then side effects.

`receive_inquiry` writes the inquiry, its reference number, the RECEIVED history
event and (unless it looks like spam) the acknowledgement email row in one database
transaction. Email delivery is enqueued only after that transaction commits
(`mail.queue_email`), so an inquiry is stored before anything else may fail, and a
failed write leaves nothing behind.

Reference numbers read WND-2026-000123: the prefix from
ZONEPORTAL_INQUIRY_REFERENCE_PREFIX, the year received (site time zone) and the
primary key, zero-padded to six digits. The primary key comes from the database's
own sequence (PostgreSQL) or rowid (SQLite) inside the same transaction, so the
number is unique under any number of concurrent submissions without a counter
table or lock. The sequence runs on across years (it is not reset on 1 January),
and a rolled-back insert leaves a gap, which staff never need to explain.
"""

import uuid

from django.conf import settings
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation

from .mail import queue_email
from .models import Inquiry, InquiryEvent, OutgoingEmail


def reference_prefix() -> str:
    return getattr(settings, "ZONEPORTAL_INQUIRY_REFERENCE_PREFIX", "WND")


def first_answer_working_days() -> int:
    levels = getattr(settings, "ZONEPORTAL_INQUIRY_SERVICE_LEVELS", {})
    return int(levels.get("first_answer_within_working_days", 2))


def make_reference(inquiry: Inquiry) -> str:
    year = timezone.localtime(inquiry.created_at).year
    return f"{reference_prefix()}-{year}-{inquiry.pk:06d}"


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
            inquiry.reference = make_reference(inquiry)
            inquiry.save(update_fields=["reference"])
            InquiryEvent.objects.create(
                inquiry=inquiry,
                kind=InquiryEvent.Kind.RECEIVED,
                to_status=inquiry.status,
                text=f"Suspected spam: {spam_reason}" if spam_reason else "",
            )
            if not spam_reason:
                queue_acknowledgement(inquiry)
    except IntegrityError:
        # The same form posted twice at the same moment: the other request won.
        existing = find_by_token(token)
        if existing is None:
            raise
        return existing, False
    return inquiry, True


def queue_acknowledgement(inquiry: Inquiry) -> OutgoingEmail:
    """The acknowledgement email in the sender's reply language, queued in this transaction."""
    context = {
        "inquiry": inquiry,
        "reference": inquiry.reference,
        "working_days": first_answer_working_days(),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }
    with translation.override(inquiry.reply_language):
        context["site_name"] = translation.gettext("Wuxi National Hi-tech District")
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
