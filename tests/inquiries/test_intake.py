"""Intake: one transaction, a reference, the thank-you page, the acknowledgement email,
one inquiry per form however often it is posted, and an honest answer when the
database is down."""

import re
import uuid

import pytest
from django.db import InterfaceError, OperationalError
from django.utils import timezone

from zoneportal.inquiries import intake
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

from .conftest import form_key

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"WND-\d{4}-\d{6}")


def test_success_redirects_to_a_thank_you_page_with_reference_and_reply_time(
    client, post_form, inquiry_page
):
    response = post_form(inquiry_page)
    assert response.status_code == 303
    assert response["Location"].startswith("/en/leave-your-message/?sent=")
    inquiry = Inquiry.objects.get()
    assert REFERENCE.fullmatch(inquiry.reference)
    assert inquiry.reference.endswith(f"-{inquiry.pk:06d}")
    # The year in the zone's time (test_references.py covers New Year's night).
    assert inquiry.reference.split("-")[1] == str(timezone.localtime(inquiry.created_at).year)

    page = client.get(response["Location"])
    html = page.content.decode()
    assert page.status_code == 200
    assert inquiry.reference in html
    assert "within 2 working days" in html
    assert "data-draft-clear=" in html
    assert "no-store" in page["Cache-Control"]


def test_thank_you_page_in_japanese(client, post_form, ja_inquiry_page):
    response = post_form(ja_inquiry_page, follow=True)
    html = response.content.decode()
    assert Inquiry.objects.get().reference in html
    assert "担当者が 2 営業日以内にご返信します。" in html
    assert "メッセージを送信しました" in html


def test_reply_time_follows_the_service_level_setting(client, post_form, inquiry_page, settings):
    settings.ZONEPORTAL_INQUIRY_SERVICE_LEVELS = {
        **settings.ZONEPORTAL_INQUIRY_SERVICE_LEVELS,
        "first_answer_within_working_days": 1,
    }
    html = post_form(inquiry_page, follow=True).content.decode()
    assert "within 1 working day." in html


def test_a_forged_or_stale_thank_you_link_shows_the_form(client, inquiry_page):
    response = client.get(inquiry_page.url + "?sent=1:forged")
    assert response.status_code == 200
    assert 'name="message"' in response.content.decode()


def test_received_event_and_privacy_version_are_recorded(post_form, inquiry_page):
    post_form(inquiry_page)
    inquiry = Inquiry.objects.get()
    event = InquiryEvent.objects.get(inquiry=inquiry)
    assert event.kind == InquiryEvent.Kind.RECEIVED
    assert event.to_status == Inquiry.Status.NEW
    assert inquiry.privacy_notice_version == "2026-11"


@pytest.mark.parametrize(
    ("language", "subject_part", "body_part"),
    [
        ("en", "We have received your message", "An investment officer will answer you within 2"),
        ("ja", "メッセージを受け付けました", "担当者が 2 営業日以内にご返信します。"),
        ("zh-hans", "我们已收到您的留言", "投资专员将在 2 个工作日内答复您。"),
        ("ko", "문의가 접수되었습니다", "영업일 기준 2일 이내에 답변해 드립니다."),
    ],
)
def test_acknowledgement_email_in_the_reply_language_with_the_reference(
    post_form,
    inquiry_page,
    django_capture_on_commit_callbacks,
    mailoutbox,
    language,
    subject_part,
    body_part,
):
    with django_capture_on_commit_callbacks(execute=True):
        post_form(inquiry_page, reply_language=language)
    inquiry = Inquiry.objects.get()
    assert len(mailoutbox) == 1
    message = mailoutbox[0]
    assert message.to == ["hanako.sato@example.jp"]
    assert subject_part in message.subject and inquiry.reference in message.subject
    assert inquiry.reference in message.body
    assert body_part in message.body
    # The visitor's message is not echoed back (the form must not relay spam).
    assert "plant site" not in message.body
    email = OutgoingEmail.objects.get()
    assert email.kind == OutgoingEmail.Kind.ACKNOWLEDGEMENT
    assert email.language == language
    assert email.state == OutgoingEmail.State.SENT and email.attempts == 1
    assert InquiryEvent.objects.filter(inquiry=inquiry, kind=InquiryEvent.Kind.EMAIL).exists()


def test_no_email_is_sent_before_the_transaction_commits(
    post_form, inquiry_page, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        post_form(inquiry_page)
    assert len(callbacks) == 1
    assert mailoutbox == []
    assert OutgoingEmail.objects.get().state == OutgoingEmail.State.QUEUED


def test_double_submission_creates_one_inquiry(
    client, post_form, inquiry_page, django_capture_on_commit_callbacks, mailoutbox
):
    key = form_key()
    with django_capture_on_commit_callbacks(execute=True):
        first = post_form(inquiry_page, form_key=key)
        second = post_form(inquiry_page, form_key=key)  # double click / reload
        third = post_form(inquiry_page, form_key=key, message="Edited after going back")
    assert Inquiry.objects.count() == 1
    # All three lead to the thank-you page of the one inquiry (the signed link carries
    # its own timestamp, so the URLs themselves may differ by a second).
    inquiry = Inquiry.objects.get()
    for response in (first, second, third):
        assert response.status_code == 303
        assert inquiry.reference in client.get(response["Location"]).content.decode()
    assert "Edited" not in Inquiry.objects.get().message
    assert len(mailoutbox) == 1
    assert OutgoingEmail.objects.count() == 1


def test_double_submission_racing_past_the_first_check_still_gives_one_inquiry(
    inquiry_page, monkeypatch
):
    token = uuid.uuid4()
    data = {
        "name": "A",
        "email": "a@example.com",
        "stage": "exploring",
        "message": "Hello",
        "reply_language": "en",
    }
    first, created = intake.receive_inquiry(
        data=data, token=token, page=inquiry_page, submitted_language="en"
    )
    assert created
    # The second request had not seen the first when it started: the unique token
    # makes its insert fail, and it answers with the first inquiry.
    calls = []
    original = intake.find_by_token

    def not_yet_seen(value):
        calls.append(value)
        return None if len(calls) == 1 else original(value)

    monkeypatch.setattr(intake, "find_by_token", not_yet_seen)
    second, created = intake.receive_inquiry(
        data=data, token=token, page=inquiry_page, submitted_language="en"
    )
    assert not created and second.pk == first.pk
    assert Inquiry.objects.count() == 1


@pytest.mark.parametrize("error", [OperationalError, InterfaceError])
def test_database_error_on_save_is_an_honest_503_with_data_kept(
    post_form, inquiry_page, monkeypatch, mailoutbox, django_capture_on_commit_callbacks, error
):
    real_create = InquiryEvent.objects.create

    def failing_create(*args, **kwargs):
        raise error("server closed the connection unexpectedly")

    # The inquiry row is written, then the history write fails: all of it must go.
    monkeypatch.setattr(InquiryEvent.objects, "create", failing_create)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(inquiry_page, name="Kim Min-jun", message="Keep this text")
    monkeypatch.setattr(InquiryEvent.objects, "create", real_create)
    assert response.status_code == 503
    html = response.content.decode()
    assert "Your message was NOT sent" in html
    assert "Thank you" not in html
    assert 'value="Kim Min-jun"' in html and "Keep this text</textarea>" in html
    assert not Inquiry.objects.exists()
    assert not OutgoingEmail.objects.exists()
    assert not InquiryEvent.objects.exists()
    assert mailoutbox == []


def test_database_error_message_in_japanese(post_form, ja_inquiry_page, monkeypatch):
    def failing(*args, **kwargs):
        raise InterfaceError("connection already closed")

    monkeypatch.setattr(Inquiry.objects, "create", failing)
    response = post_form(ja_inquiry_page, name="佐藤 花子")
    assert response.status_code == 503
    html = response.content.decode()
    assert "メッセージは送信されていません" in html
    assert 'value="佐藤 花子"' in html
