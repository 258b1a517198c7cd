"""Background tasks of the inquiry pipeline (django-tasks)."""

from django.core.mail import send_mail
from django.utils import timezone
from django_tasks import task

from .models import OutgoingEmail


@task()
def deliver_email(email_id: int) -> None:
    """Send one queued email. (Retries with backoff: see the intake work.)"""
    email = OutgoingEmail.objects.get(pk=email_id)
    if email.state == OutgoingEmail.State.SENT:
        return
    send_mail(email.subject, email.body, None, [email.to])
    email.state = OutgoingEmail.State.SENT
    email.sent_at = timezone.now()
    email.attempts += 1
    email.save(update_fields=["state", "sent_at", "attempts"])
