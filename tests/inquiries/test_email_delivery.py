"""Email delivery: retries with backoff, a final Failed state, never sent twice, the sweep."""

import datetime as dt
import smtplib

import pytest
from django.core.management import call_command
from django.utils import timezone

from zoneportal.inquiries import tasks
from zoneportal.inquiries.mail import queue_email
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

pytestmark = pytest.mark.django_db


@pytest.fixture
def inquiry(db):
    return Inquiry.objects.create(
        reference="WND-2026-000042",
        name="Hanako Sato",
        email="hanako@example.jp",
        stage=Inquiry.Stage.EXPLORING,
        message="Hello",
        reply_language="ja",
        submitted_language="ja",
        privacy_notice_version="1",
        consented_at=timezone.now(),
    )


@pytest.fixture
def queued(inquiry, django_capture_on_commit_callbacks):
    """An acknowledgement row whose delivery has not been attempted yet."""
    with django_capture_on_commit_callbacks(execute=False):
        return queue_email(
            kind=OutgoingEmail.Kind.ACKNOWLEDGEMENT,
            to=inquiry.email,
            language="ja",
            subject="受付 WND-2026-000042",
            body="本文",
            inquiry=inquiry,
        )


@pytest.fixture
def mail_down(monkeypatch):
    """Make every send fail as if the SMTP server refused connections."""
    calls = []

    def refuse(email):
        calls.append(email.pk)
        raise ConnectionRefusedError(111, "Connection refused")

    monkeypatch.setattr(tasks, "_send", refuse)
    return calls


def test_delivery_sends_once_and_records_it(queued, mailoutbox):
    assert tasks.attempt_delivery(queued.pk) == OutgoingEmail.State.SENT
    assert tasks.attempt_delivery(queued.pk) == OutgoingEmail.State.SENT  # a duplicate task
    deliver = tasks.deliver_email.call  # the task function itself
    deliver(queued.pk)
    assert len(mailoutbox) == 1
    assert mailoutbox[0].subject == "受付 WND-2026-000042"
    queued.refresh_from_db()
    assert queued.state == OutgoingEmail.State.SENT
    assert queued.attempts == 1 and queued.sent_at is not None
    events = InquiryEvent.objects.filter(kind=InquiryEvent.Kind.EMAIL)
    assert events.count() == 1 and "sent" in events.get().text


def test_failure_schedules_a_retry_with_backoff(queued, mail_down):
    before = timezone.now()
    assert tasks.attempt_delivery(queued.pk) == OutgoingEmail.State.RETRYING
    queued.refresh_from_db()
    assert queued.attempts == 1
    assert queued.last_error.startswith("ConnectionRefusedError")
    assert before + dt.timedelta(minutes=1) <= queued.next_attempt_at
    assert queued.next_attempt_at <= timezone.now() + dt.timedelta(minutes=1)

    tasks.attempt_delivery(queued.pk)
    queued.refresh_from_db()
    assert queued.attempts == 2
    assert queued.next_attempt_at >= before + dt.timedelta(minutes=5)


def test_after_the_last_attempt_the_email_is_failed_and_the_history_says_so(
    queued, mail_down, settings
):
    settings.ZONEPORTAL_EMAIL_RETRY_MINUTES = [1, 5]
    states = [tasks.attempt_delivery(queued.pk) for _ in range(4)]
    assert states == ["retrying", "retrying", "failed", "failed"]
    assert len(mail_down) == 3  # nothing is attempted once failed
    queued.refresh_from_db()
    assert queued.attempts == 3 and queued.next_attempt_at is None
    event = InquiryEvent.objects.get(kind=InquiryEvent.Kind.EMAIL)
    assert "failed after 3 attempts" in event.text


def test_smtp_errors_are_recorded_without_addresses():
    error = smtplib.SMTPRecipientsRefused({"hanako@example.jp": (550, b"No such user")})
    assert "hanako" not in tasks.describe_error(error)
    assert "550" in tasks.describe_error(error)


def test_failure_logs_carry_no_personal_data(queued, mail_down, caplog):
    with caplog.at_level("DEBUG"):
        tasks.attempt_delivery(queued.pk)
    assert "hanako" not in caplog.text and "受付" not in caplog.text


def test_sweep_delivers_emails_whose_retry_is_due(queued, mail_down, monkeypatch, mailoutbox):
    tasks.attempt_delivery(queued.pk)
    # Not due yet: the sweep leaves it alone.
    call_command("retry_stalled_emails", "--grace-minutes", "0")
    assert len(mail_down) == 1
    OutgoingEmail.objects.filter(pk=queued.pk).update(
        next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
    )
    monkeypatch.undo()  # the mail server is back
    call_command("retry_stalled_emails", "--grace-minutes", "0")
    queued.refresh_from_db()
    assert queued.state == OutgoingEmail.State.SENT and queued.attempts == 2
    assert len(mailoutbox) == 1
    call_command("retry_stalled_emails", "--grace-minutes", "0")
    assert len(mailoutbox) == 1


def test_sweep_rescues_a_queued_email_whose_task_was_lost(queued, mailoutbox):
    call_command("retry_stalled_emails")  # created just now: within the grace period
    assert mailoutbox == []
    OutgoingEmail.objects.filter(pk=queued.pk).update(
        created_at=timezone.now() - dt.timedelta(minutes=30)
    )
    call_command("retry_stalled_emails")
    assert len(mailoutbox) == 1


def test_enqueue_failure_never_breaks_the_committed_request(queued, monkeypatch, caplog):
    from zoneportal.inquiries import mail

    def broken(*args, **kwargs):
        raise RuntimeError("queue down")

    monkeypatch.setattr(type(tasks.deliver_email), "enqueue", broken)
    mail._enqueue_delivery(queued.pk)  # does not raise
    assert "not enqueued" in caplog.text


def test_database_backend_defers_the_retry(queued, mail_down, settings):
    """With django-tasks-db (production) a failed attempt enqueues its retry with run_after."""
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    tasks.attempt_delivery(queued.pk)
    queued.refresh_from_db()
    result = DBTaskResult.objects.get()
    assert result.run_after == queued.next_attempt_at
    assert result.args_kwargs == {"args": [queued.pk], "kwargs": {}}


def test_database_backend_worker_delivers_the_queued_email(
    inquiry, settings, django_capture_on_commit_callbacks, mailoutbox, monkeypatch
):
    """Production path: the commit enqueues a django-tasks-db task; `db_worker` sends it."""
    from django_tasks_db.management.commands import db_worker
    from django_tasks_db.models import DBTaskResult

    # The worker closes "old" connections between tasks; inside the test's transaction
    # that would close the test's own PostgreSQL connection (SQLite in memory ignores it).
    monkeypatch.setattr(db_worker, "close_old_connections", lambda: None)

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    with django_capture_on_commit_callbacks(execute=True):
        email = queue_email(
            kind=OutgoingEmail.Kind.ACKNOWLEDGEMENT,
            to=inquiry.email,
            language="en",
            subject="Received WND-2026-000042",
            body="Body",
            inquiry=inquiry,
        )
    assert DBTaskResult.objects.count() == 1
    assert mailoutbox == []  # nothing is sent in the web request
    call_command("db_worker", "--batch", "--no-startup-delay", "--no-reload", verbosity=0)
    email.refresh_from_db()
    assert email.state == OutgoingEmail.State.SENT
    assert [m.subject for m in mailoutbox] == ["Received WND-2026-000042"]
