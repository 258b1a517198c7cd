"""Personal data of investors (China's PIPL and the GDPR).

- Retention: `ZONEPORTAL_INQUIRY_RETENTION_MONTHS` (24) after closing. Spam keeps
  personal data just as long, counted from its arrival. `anonymise_expired` (the
  `anonymise_inquiries` command and task, run daily) blanks the personal fields of
  older inquiries and keeps what the statistics need (country, industry, stage,
  languages, dates, status, owner).
- One person's data: `find`, `export` (JSON) and `erase` everything held on an email
  address; the admin's privacy tools call these and write an audit entry per inquiry.

Nothing here logs an address or a name: log lines carry ids and counts only.
"""

from __future__ import annotations

import calendar
import datetime as dt
import logging
from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from django_tasks import task
from wagtail.log_actions import log

from .models import Inquiry, InquiryEvent, OutgoingEmail

logger = logging.getLogger(__name__)

DEFAULT_RETENTION_MONTHS = 24
PLACEHOLDER_DOMAIN = "anonymised.invalid"
# Event kinds whose text may repeat what the investor wrote or was told.
PERSONAL_EVENT_KINDS = [InquiryEvent.Kind.REPLY, InquiryEvent.Kind.NOTE, InquiryEvent.Kind.EMAIL]


def retention_months() -> int:
    return getattr(settings, "ZONEPORTAL_INQUIRY_RETENTION_MONTHS", DEFAULT_RETENTION_MONTHS)


def months_before(moment: dt.datetime, months: int) -> dt.datetime:
    month_index = moment.year * 12 + moment.month - 1 - months
    year, month = divmod(month_index, 12)
    day = min(moment.day, calendar.monthrange(year, month + 1)[1])
    return moment.replace(year=year, month=month + 1, day=day)


def placeholder_email(inquiry_id: int) -> str:
    return f"inquiry-{inquiry_id}@{PLACEHOLDER_DOMAIN}"


def expired(now: dt.datetime | None = None):
    """Inquiries whose retention period is over and that still hold personal data."""
    cutoff = months_before(now or timezone.now(), retention_months())
    return Inquiry.objects.filter(anonymised_at__isnull=True).filter(
        Q(status=Inquiry.Status.CLOSED, closed_at__lt=cutoff)
        | Q(status=Inquiry.Status.SPAM, created_at__lt=cutoff)
    )


@transaction.atomic
def anonymise(inquiry: Inquiry, *, by=None, reason: str = "retention") -> Inquiry:
    """Blank the personal data of one inquiry, its emails and its event texts."""
    inquiry = Inquiry.objects.select_for_update().get(pk=inquiry.pk)
    if inquiry.anonymised_at:
        return inquiry
    placeholder = placeholder_email(inquiry.pk)
    inquiry.name = ""
    inquiry.organisation = ""
    inquiry.email = placeholder
    inquiry.phone = ""
    inquiry.message = ""
    inquiry.spam_reason = ""
    inquiry.anonymised_at = timezone.now()
    inquiry.save(
        update_fields=[
            "name",
            "organisation",
            "email",
            "phone",
            "message",
            "spam_reason",
            "anonymised_at",
        ]
    )
    # Emails to staff (owner notices) keep their recipient; everything else is the investor's.
    investor_kinds = [OutgoingEmail.Kind.ACKNOWLEDGEMENT, OutgoingEmail.Kind.REPLY]
    inquiry.emails.filter(kind__in=investor_kinds).update(to=placeholder)
    inquiry.emails.update(subject="", body="", last_error="")
    inquiry.events.filter(kind__in=PERSONAL_EVENT_KINDS).update(text="")
    InquiryEvent.objects.create(
        inquiry=inquiry, kind=InquiryEvent.Kind.ANONYMISED, actor=by, text=reason
    )
    log(inquiry, "inquiries.anonymise", user=by, data={"reason": reason})
    logger.info("inquiry %s anonymised (%s)", inquiry.pk, reason)
    return inquiry


def anonymise_expired(now: dt.datetime | None = None) -> int:
    """Anonymise every inquiry past its retention period; return how many."""
    count = 0
    for inquiry in expired(now).only("pk").iterator():
        anonymise(inquiry, reason="retention")
        count += 1
    logger.info("retention: %s inquiries anonymised", count)
    return count


@task()
def anonymise_inquiries_task() -> int:
    return anonymise_expired()


# --- One person's data --------------------------------------------------------------


@dataclass
class PersonalData:
    email: str
    inquiries: list
    emails: list

    @property
    def is_empty(self) -> bool:
        return not self.inquiries and not self.emails


def find(email: str) -> PersonalData:
    """Everything held on `email` (case-insensitive): inquiries and the emails sent to it."""
    email = email.strip()
    inquiries = list(
        Inquiry.objects.filter(email__iexact=email, anonymised_at__isnull=True)
        .select_related("owner")
        .prefetch_related("events", "emails")
        .order_by("created_at")
    )
    emails = list(
        OutgoingEmail.objects.filter(to__iexact=email)
        .exclude(inquiry__in=inquiries)
        .order_by("created_at")
    )
    return PersonalData(email=email, inquiries=inquiries, emails=emails)


def _iso(moment):
    return moment.isoformat() if moment else None


def _email_dict(email: OutgoingEmail) -> dict:
    return {
        "kind": email.kind,
        "to": email.to,
        "language": email.language,
        "subject": email.subject,
        "body": email.body,
        "state": email.state,
        "created_at": _iso(email.created_at),
        "sent_at": _iso(email.sent_at),
    }


def export(data: PersonalData) -> dict:
    """A JSON-serialisable copy of `data`, as given to the person who asks for it."""
    return {
        "email": data.email,
        "exported_at": timezone.now().isoformat(),
        "inquiries": [
            {
                "reference": inquiry.reference,
                "received": _iso(inquiry.created_at),
                "name": inquiry.name,
                "organisation": inquiry.organisation,
                "email": inquiry.email,
                "phone": inquiry.phone,
                "country": inquiry.country,
                "industry": inquiry.industry_name,
                "project_stage": inquiry.stage,
                "message": inquiry.message,
                "reply_language": inquiry.reply_language,
                "form_language": inquiry.submitted_language,
                "privacy_notice_version": inquiry.privacy_notice_version,
                "consented_at": _iso(inquiry.consented_at),
                "status": inquiry.status,
                "closed_at": _iso(inquiry.closed_at),
                "replies": [
                    {"sent_at": _iso(event.created_at), "text": event.text}
                    for event in inquiry.events.all()
                    if event.kind == InquiryEvent.Kind.REPLY
                ],
                "emails": [
                    _email_dict(email)
                    for email in inquiry.emails.all()
                    if email.kind != OutgoingEmail.Kind.OWNER_NOTICE
                ],
            }
            for inquiry in data.inquiries
        ],
        "other_emails": [_email_dict(email) for email in data.emails],
    }


def audit(data: PersonalData, action: str, user) -> None:
    """One audit entry per inquiry concerned (the address itself is not logged)."""
    for inquiry in data.inquiries:
        log(inquiry, action, user=user, data={"inquiries": len(data.inquiries)})
    logger.info(
        "%s by user %s: %s inquiries", action, getattr(user, "pk", None), len(data.inquiries)
    )


@transaction.atomic
def erase(data: PersonalData, by) -> int:
    """Anonymise every inquiry and blank every email held on the address; return inquiries."""
    for inquiry in data.inquiries:
        log(inquiry, "inquiries.personal_data_erase", user=by)
        anonymise(inquiry, by=by, reason="erasure request")
    OutgoingEmail.objects.filter(pk__in=[email.pk for email in data.emails]).update(
        to=f"erased@{PLACEHOLDER_DOMAIN}", subject="", body="", last_error=""
    )
    logger.info(
        "erasure by user %s: %s inquiries, %s other emails",
        getattr(by, "pk", None),
        len(data.inquiries),
        len(data.emails),
    )
    return len(data.inquiries)
