"""Queue an email for background delivery.

Every email the inquiry pipeline sends (acknowledgement, reply, owner notification,
digest) goes through `queue_email`: the `OutgoingEmail` row is written in the
caller's transaction, and delivery is enqueued only once that transaction commits, so
a rolled-back inquiry never sends mail and a mail server that is down never loses one.
"""

from django.db import transaction

from .models import OutgoingEmail


def queue_email(*, kind, to, language, subject, body, inquiry=None) -> OutgoingEmail:
    email = OutgoingEmail.objects.create(
        inquiry=inquiry, kind=kind, to=to, language=language, subject=subject, body=body
    )
    transaction.on_commit(lambda: _enqueue_delivery(email.pk))
    return email


def _enqueue_delivery(email_id: int) -> None:
    from .tasks import deliver_email

    deliver_email.enqueue(email_id)
