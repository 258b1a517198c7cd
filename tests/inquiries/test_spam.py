"""Spam defence without third-party services: honeypot, fill time, links, rate limits."""

import threading
import time
import uuid

import pytest

from zoneportal.inquiries import spam
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail
from zoneportal.security import ratelimit

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


def test_rate_limit_per_email_treats_case_and_spaces_as_one_address(
    post_form, inquiry_page, settings
):
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 2
    assert post_form(inquiry_page, email="Tanaka@Example.jp").status_code == 303
    assert post_form(inquiry_page, email=" tanaka@example.jp ").status_code == 303
    response = post_form(inquiry_page, email="TANAKA@EXAMPLE.JP", message="Third, keep me")
    assert response.status_code == 429
    assert "too many messages" in response.content.decode()
    assert Inquiry.objects.count() == 2
    assert spam.normalise_email(" Tanaka@Example.jp ") == spam.normalise_email("tanaka@example.jp")


def test_rate_limit_cache_keys_hold_no_personal_data():
    keys = [limit.key(value) for limit, value in spam._limits("203.0.113.7", "hanako@example.jp")]
    assert len(keys) == 2
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


# -- rate limits under concurrency and what counts ---------------------------------------


class _SlowCache:
    """The real cache with a pause before every call, so that threads interleave
    between one cache call and the next, as posts on several workers do."""

    def __init__(self, cache, pause=0.005):
        self._cache, self._pause = cache, pause

    def __getattr__(self, name):
        method = getattr(self._cache, name)

        def slow(*args, **kwargs):
            time.sleep(self._pause)
            return method(*args, **kwargs)

        return slow


@pytest.mark.parametrize("kind", ["ip", "email"])
def test_posts_at_the_same_moment_never_overshoot_the_limit(settings, monkeypatch, kind):
    limit = 5
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = limit if kind == "ip" else 1000
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = limit if kind == "email" else 1000
    monkeypatch.setattr(ratelimit, "cache", _SlowCache(ratelimit.cache))
    senders = 24
    barrier = threading.Barrier(senders, timeout=30)
    accepted, refused = [], []

    def submit(number):
        # One address and one email for the limit under test, different for the other.
        ip = "203.0.113.7" if kind == "ip" else f"198.51.100.{number}"
        email = "bot@spam.example" if kind == "email" else f"bot{number}@spam.example"
        barrier.wait()
        if spam.count_submission(ip, email):  # what the view does
            spam.uncount_submission(ip, email)
            refused.append(number)
        else:
            accepted.append(number)

    threads = [threading.Thread(target=submit, args=(n,)) for n in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(accepted) == limit
    assert len(refused) == senders - limit
    # The refused posts gave their slots back: the counter holds the accepted ones.
    limits = dict(spam._limits("203.0.113.7", "bot@spam.example"))
    limit_used = next(lim for lim in limits if lim.name == f"inquiry-{kind}")
    assert ratelimit.cache.get(limit_used.key(limits[limit_used])) == limit


def test_invalid_forms_do_not_use_up_the_limit(post_form, inquiry_page, settings):
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 1
    for _ in range(3):  # typing mistakes: the form again, nothing counted
        assert post_form(inquiry_page, consent=None).status_code == 200
    assert post_form(inquiry_page).status_code == 303
    assert post_form(inquiry_page).status_code == 429
    assert Inquiry.objects.count() == 1


def test_a_message_not_sent_because_the_database_failed_does_not_count(
    post_form, inquiry_page, settings, monkeypatch
):
    from django.db import OperationalError

    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 1

    def failing(*args, **kwargs):
        raise OperationalError("server closed the connection unexpectedly")

    with monkeypatch.context() as patch:
        patch.setattr(Inquiry.objects, "create", failing)
        assert post_form(inquiry_page).status_code == 503
    # The visitor tries again once the database is back: accepted.
    assert post_form(inquiry_page).status_code == 303
    assert post_form(inquiry_page).status_code == 429


def test_refused_posts_do_not_use_up_the_other_limit(post_form, inquiry_page, settings):
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_EMAIL = 1
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = 2
    assert post_form(inquiry_page).status_code == 303
    for _ in range(5):  # the same email again and again from this address: refused
        assert post_form(inquiry_page).status_code == 429
    # A colleague on the same network still gets through: the refusals took no slot.
    assert post_form(inquiry_page, email="colleague@example.jp").status_code == 303
    assert post_form(inquiry_page, email="third@example.jp").status_code == 429
