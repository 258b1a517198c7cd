"""Spam defence without third-party services: honeypot, fill time, links, rate limits."""

import uuid

import pytest

from zoneportal.inquiries import spam
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

from .conftest import form_key

pytestmark = pytest.mark.django_db


def _stored_as_spam(response, reason_part):
    assert response.status_code == 303  # the same thank-you page as everyone else
    inquiry = Inquiry.objects.get()
    assert inquiry.status == Inquiry.Status.SPAM
    assert reason_part in inquiry.spam_reason
    assert inquiry.reference  # findable if a person was caught by mistake
    assert not OutgoingEmail.objects.exists()  # no acknowledgement to a bot's address
    assert InquiryEvent.objects.get(inquiry=inquiry).to_status == Inquiry.Status.SPAM
    return inquiry


def test_honeypot_filled_is_kept_as_spam_without_acknowledgement(
    client, post_form, inquiry_page, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(inquiry_page, website="http://cheap-pills.example")
    _stored_as_spam(response, "honeypot")
    assert mailoutbox == []
    # The visitor (or bot) sees the ordinary success page.
    html = client.get(response["Location"]).content.decode()
    assert Inquiry.objects.get().reference in html


def test_too_fast_is_kept_as_spam(post_form, inquiry_page, mailoutbox):
    _stored_as_spam(post_form(inquiry_page, form_key=form_key(seconds_ago=1)), "s after")
    assert mailoutbox == []


def test_minimum_fill_time_is_a_setting(post_form, inquiry_page, settings):
    settings.ZONEPORTAL_INQUIRY_MIN_FILL_SECONDS = 0.5
    post_form(inquiry_page, form_key=form_key(seconds_ago=1))
    assert Inquiry.objects.get().status == Inquiry.Status.NEW


def test_forged_form_key_is_kept_as_spam(post_form, inquiry_page):
    _stored_as_spam(post_form(inquiry_page, form_key="forged:key"), "form key")


def test_missing_form_key_is_kept_as_spam(post_form, inquiry_page):
    _stored_as_spam(post_form(inquiry_page, form_key=None), "form key")


def test_too_many_links_is_kept_as_spam(post_form, inquiry_page):
    message = " ".join(f"https://example.com/{n}" for n in range(4))
    _stored_as_spam(post_form(inquiry_page, message=message), "4 links")


def test_a_few_links_are_fine(post_form, inquiry_page):
    post_form(inquiry_page, message="See https://example.com and www.example.org, thanks.")
    assert Inquiry.objects.get().status == Inquiry.Status.NEW


def test_link_in_the_name_is_spam(post_form, inquiry_page):
    _stored_as_spam(post_form(inquiry_page, name="Visit www.casino.example"), "name")


def test_rate_limit_per_email_is_429_with_data_kept(post_form, inquiry_page, settings):
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 2
    for _ in range(2):
        assert post_form(inquiry_page).status_code == 303
    response = post_form(inquiry_page, message="Third message, please keep me")
    assert response.status_code == 429
    html = response.content.decode()
    assert "too many messages" in html
    assert "Third message, please keep me</textarea>" in html
    assert 'value="hanako.sato@example.jp"' in html
    assert Inquiry.objects.count() == 2
    # Another sender on another network is not affected.
    response = post_form(inquiry_page, email="other@example.com")
    assert response.status_code == 303


def test_rate_limit_per_ip(client, post_form, inquiry_page, settings):
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = 3
    for n in range(3):
        assert post_form(inquiry_page, email=f"p{n}@example.com").status_code == 303
    response = post_form(inquiry_page, email="p9@example.com")
    assert response.status_code == 429
    assert Inquiry.objects.count() == 3


def test_rate_limit_message_in_korean(post_form, inquiry_page, settings):
    from .conftest import translate

    ko_page = translate(inquiry_page, "ko", title="문의하기")
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 0
    response = post_form(ko_page, name="김민준")
    assert response.status_code == 429
    html = response.content.decode()
    assert "전송 횟수 초과" in html and 'value="김민준"' in html


def test_repeat_of_a_stored_form_is_not_rate_limited(post_form, inquiry_page, settings):
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 1
    key = form_key()
    assert post_form(inquiry_page, form_key=key).status_code == 303
    assert post_form(inquiry_page, form_key=key).status_code == 303  # reload
    assert Inquiry.objects.count() == 1


def test_rate_limit_cache_keys_hold_no_personal_data():
    keys = [key for key, _limit in spam._limits("203.0.113.7", "hanako@example.jp")]
    assert all("203.0.113.7" not in key and "hanako" not in key for key in keys)


def test_form_key_round_trip_and_tampering():
    token = uuid.uuid4()
    value = spam.issue_form_key(token, now=1000.0)
    key = spam.read_form_key(value)
    assert key.token == token and key.issued_at == 1000.0
    assert spam.read_form_key(value[:-2] + "xx") is None
    assert spam.read_form_key("") is None


def test_spam_is_never_logged_with_personal_data(post_form, inquiry_page, caplog):
    with caplog.at_level("DEBUG"):
        post_form(inquiry_page, website="filled", email="secret.person@example.jp")
    assert "secret.person" not in caplog.text
