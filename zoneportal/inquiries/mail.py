"""Queue an email for background delivery.

Every email the inquiry pipeline sends (acknowledgement, reply, owner notification,
digest) goes through `queue_email`: the `OutgoingEmail` row is written in the
caller's transaction, and delivery is enqueued only once that transaction commits, so
a rolled-back inquiry never sends mail and a mail server that is down never loses one.

If enqueuing itself fails (the task queue is unreachable, or, with the immediate
backend in development, the delivery raised), the row stays Queued and
`manage.py retry_stalled_emails` picks it up: the visitor's request is never failed
after their inquiry was committed.
"""

import logging

from django.db import transaction

from .models import OutgoingEmail

logger = logging.getLogger(__name__)


def queue_email(*, kind, to, language, subject, body, inquiry=None) -> OutgoingEmail:
    email = OutgoingEmail.objects.create(
        inquiry=inquiry, kind=kind, to=to, language=language, subject=subject, body=body
    )
    transaction.on_commit(lambda: _enqueue_delivery(email.pk))
    return email


def _enqueue_delivery(email_id: int, run_after=None) -> None:
    from .tasks import deliver_email

    try:
        task = deliver_email.using(run_after=run_after) if run_after else deliver_email
        task.enqueue(email_id)
    except Exception as exc:  # the sweep retries; never fail the caller after commit
        logger.warning(
            "Email %s not enqueued (%s); retry_stalled_emails will pick it up",
            email_id,
            type(exc).__name__,
        )
