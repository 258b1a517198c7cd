"""Fault tests for the inquiry pipeline: the mail server down and back, and 100
visitors submitting at the same moment.

- Mail down: the form posts to a real SMTP backend aimed at a closed port on
  127.0.0.1. The inquiry is stored, its acknowledgement waits as Retrying with the
  attempt recorded; then a small SMTP server (aiosmtpd) comes up on a free port, the
  retry sweep runs and the email arrives exactly once.
- Concurrency: a real portal (gunicorn, 2 workers x 8 threads) on a fresh database,
  PostgreSQL when DATABASE_URL is set, otherwise a SQLite file (WAL, busy timeout,
  IMMEDIATE transactions); 100 threads load the form, wait at a barrier and post
  together. 100 inquiries, 100 different references.
"""

import datetime as dt
import email
import email.policy
import os
import re
import threading
from concurrent.futures import ThreadPoolExecutor

import pytest
from django.core.management import call_command
from django.utils import timezone

from tests.inquiries.conftest import (  # noqa: F401 - fixtures
    industries,
    inquiry_page,
    post_form,
)
from zoneportal.inquiries import tasks
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

from .portal_server import FormVisitor, free_port, running_portal, stored_inquiries

REFERENCE = re.compile(r"^WND-\d{4}-\d{6}$")


class _Sink:
    """aiosmtpd handler that keeps every message it receives."""

    def __init__(self):
        self.messages = []

    async def handle_DATA(self, server, session, envelope):  # noqa: N802 - aiosmtpd API
        self.messages.append(
            email.message_from_bytes(envelope.content, policy=email.policy.default)
        )
        return "250 Message accepted"


@pytest.mark.django_db
def test_mail_server_down_keeps_the_inquiry_and_delivers_once_it_is_back(
    post_form,  # noqa: F811
    inquiry_page,  # noqa: F811
    settings,
    django_capture_on_commit_callbacks,
):
    from aiosmtpd.controller import Controller

    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = free_port()  # nothing listens there
    settings.EMAIL_USE_TLS = False

    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(inquiry_page, reply_language="ja")
    assert response.status_code == 303  # the visitor gets the reference regardless
    inquiry = Inquiry.objects.get()
    ack = OutgoingEmail.objects.get(inquiry=inquiry)
    assert ack.state == OutgoingEmail.State.RETRYING
    assert ack.attempts == 1
    assert "ConnectionRefusedError" in ack.last_error
    assert ack.next_attempt_at > timezone.now()

    # The mail server comes back on its port.
    sink = _Sink()
    port = free_port()
    controller = Controller(sink, hostname="127.0.0.1", port=port)
    controller.start()
    try:
        settings.EMAIL_PORT = port
        # The retry is due (time passes); the sweep (cron) or the deferred task runs it.
        OutgoingEmail.objects.filter(pk=ack.pk).update(
            next_attempt_at=timezone.now() - dt.timedelta(seconds=1)
        )
        call_command("retry_stalled_emails", "--grace-minutes", "0")
        # Anything running it again (a duplicate task, the next sweep) sends nothing.
        tasks.deliver_email.call(ack.pk)
        call_command("retry_stalled_emails", "--grace-minutes", "0")
    finally:
        controller.stop()

    assert len(sink.messages) == 1
    message = sink.messages[0]
    assert inquiry.reference in message["subject"]
    assert "メッセージを受け付けました" in message["subject"]
    assert message["to"] == "hanako.sato@example.jp"
    ack.refresh_from_db()
    assert ack.state == OutgoingEmail.State.SENT and ack.attempts == 2
    assert InquiryEvent.objects.filter(inquiry=inquiry, kind=InquiryEvent.Kind.EMAIL).count() == 1


def test_one_hundred_concurrent_submissions_get_one_hundred_references(tmp_path):
    postgres_url = os.environ.get("DATABASE_URL") or None
    with running_portal(tmp_path, postgres_url) as (base_url, env):
        visitors = [FormVisitor(base_url) for _ in range(100)]
        with ThreadPoolExecutor(max_workers=20) as pool:
            forms = list(pool.map(lambda visitor: visitor.load(), visitors))
        assert all({"csrfmiddlewaretoken", "form_key"} <= set(form) for form in forms)

        barrier = threading.Barrier(100, timeout=120)

        def submit(number):
            barrier.wait()
            return visitors[number].post(forms[number], number)

        with ThreadPoolExecutor(max_workers=100) as pool:
            results = list(pool.map(submit, range(100)))
        stored = stored_inquiries(env)

    statuses = [status for status, _location in results]
    assert statuses == [303] * 100, statuses
    assert all("?sent=" in location for _status, location in results)
    assert len(stored["references"]) == 100
    assert len(set(stored["references"])) == 100
    assert all(REFERENCE.match(reference) for reference in stored["references"])
    assert set(stored["statuses"]) == {"new"}
    assert stored["emails"] == 100
