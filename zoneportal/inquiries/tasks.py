"""Background tasks of the inquiry pipeline (django-tasks).

`deliver_email` sends one `OutgoingEmail`. It locks the row and checks its state
first, so an email is never sent twice even if its task runs twice (a duplicate
enqueue, the sweep, two workers). A failed attempt is recorded on the row
(attempts, last error, next attempt) and retried with backoff
(ZONEPORTAL_EMAIL_RETRY_MINUTES: 1, 5, 15, 60, 240, 720 minutes); after the last
one the email is Failed. Delivery and final failure are written to the inquiry's
history (an EMAIL event).

With a backend that can defer (django_tasks_db in production) the retry is
enqueued with `run_after`; with the immediate backend (development, tests) it waits
for `retry_stalled_emails`, which also rescues emails whose task was lost.
"""

import datetime as dt
import logging
import smtplib

from django.conf import settings
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.utils import timezone
from django_tasks import task

from .models import InquiryEvent, OutgoingEmail

logger = logging.getLogger(__name__)

DEFAULT_RETRY_MINUTES = [1, 5, 15, 60, 240, 720]
SMTP_TIMEOUT_SECONDS = 30
STALLED_GRACE_MINUTES = 5


def retry_minutes() -> list[int]:
    return list(getattr(settings, "ZONEPORTAL_EMAIL_RETRY_MINUTES", DEFAULT_RETRY_MINUTES))


def max_attempts() -> int:
    return len(retry_minutes()) + 1


def describe_error(exc: BaseException) -> str:
    """What went wrong, without the addresses some SMTP errors carry."""
    name = type(exc).__name__
    if isinstance(exc, smtplib.SMTPRecipientsRefused):
        codes = sorted({code for code, _message in exc.recipients.values()})
        return f"{name}: codes {codes}"
    if isinstance(exc, smtplib.SMTPSenderRefused):
        return f"{name}: {exc.smtp_code}"
    if isinstance(exc, smtplib.SMTPResponseException):
        text = (
            exc.smtp_error.decode("utf-8", "replace") if isinstance(exc.smtp_error, bytes) else ""
        )
        return f"{name}: {exc.smtp_code} {text}"[:500]
    return f"{name}: {exc}"[:500]


def _send(email: OutgoingEmail) -> None:
    connection = get_connection(timeout=SMTP_TIMEOUT_SECONDS)
    message = EmailMessage(
        subject=email.subject,
        body=email.body,
        to=[email.to],
        connection=connection,
        headers={"X-ZonePortal-Email": str(email.pk)},
    )
    message.send(fail_silently=False)


def _event(email: OutgoingEmail, text: str) -> None:
    if email.inquiry_id:
        InquiryEvent.objects.create(
            inquiry_id=email.inquiry_id, kind=InquiryEvent.Kind.EMAIL, text=text
        )


def attempt_delivery(email_id: int) -> str | None:
    """One delivery attempt; returns the email's state afterwards (None if it is gone)."""
    retry_at = None
    with transaction.atomic():
        email = OutgoingEmail.objects.select_for_update().filter(pk=email_id).first()
        if email is None:
            return None
        if email.state in (OutgoingEmail.State.SENT, OutgoingEmail.State.FAILED):
            return email.state
        email.attempts += 1
        kind = email.get_kind_display()
        try:
            _send(email)
        except Exception as exc:
            email.last_error = describe_error(exc)
            delays = retry_minutes()
            if email.attempts > len(delays):
                email.state = OutgoingEmail.State.FAILED
                email.next_attempt_at = None
                _event(email, f"{kind}: delivery failed after {email.attempts} attempts")
                logger.error(
                    "Email %s failed for good after %s attempts (%s)",
                    email.pk,
                    email.attempts,
                    type(exc).__name__,
                )
            else:
                email.state = OutgoingEmail.State.RETRYING
                retry_at = timezone.now() + dt.timedelta(minutes=delays[email.attempts - 1])
                email.next_attempt_at = retry_at
                logger.warning(
                    "Email %s attempt %s failed (%s); next attempt at %s",
                    email.pk,
                    email.attempts,
                    type(exc).__name__,
                    retry_at.isoformat(),
                )
        else:
            email.state = OutgoingEmail.State.SENT
            email.sent_at = timezone.now()
            email.next_attempt_at = None
            email.last_error = ""
            _event(email, f"{kind}: sent (attempt {email.attempts})")
        email.save(update_fields=["state", "attempts", "last_error", "next_attempt_at", "sent_at"])
    if retry_at is not None:
        _schedule_retry(email.pk, retry_at)
    return email.state


def _schedule_retry(email_id: int, when) -> None:
    from django_tasks import default_task_backend

    if getattr(default_task_backend, "supports_defer", False):
        from .mail import _enqueue_delivery

        _enqueue_delivery(email_id, run_after=when)
    # Otherwise (immediate backend) `retry_stalled_emails` runs it when it is due.


@task()
def deliver_email(email_id: int) -> None:
    """Send one queued email (see the module docstring)."""
    attempt_delivery(email_id)


def stalled_emails(grace_minutes: int = STALLED_GRACE_MINUTES):
    """Emails still owed whose attempt is overdue by more than `grace_minutes`."""
    cutoff = timezone.now() - dt.timedelta(minutes=grace_minutes)
    from django.db.models import Q

    return OutgoingEmail.objects.filter(
        Q(state=OutgoingEmail.State.RETRYING, next_attempt_at__lte=cutoff)
        | Q(state=OutgoingEmail.State.QUEUED, next_attempt_at__isnull=True, created_at__lte=cutoff)
        | Q(state=OutgoingEmail.State.QUEUED, next_attempt_at__lte=cutoff)
    ).order_by("pk")


def requeue_stalled(grace_minutes: int = STALLED_GRACE_MINUTES) -> int:
    """Enqueue delivery of every stalled email; return how many."""
    from .mail import _enqueue_delivery

    ids = list(stalled_emails(grace_minutes).values_list("pk", flat=True))
    for email_id in ids:
        _enqueue_delivery(email_id)
    return len(ids)


@task()
def retry_stalled_emails(grace_minutes: int = STALLED_GRACE_MINUTES) -> int:
    """Periodic sweep: re-enqueue emails whose delivery task was lost or is overdue."""
    return requeue_stalled(grace_minutes)
