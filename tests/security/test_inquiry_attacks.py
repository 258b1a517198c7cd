"""Attacks on the inquiry pipeline: the public form and the staff's Inquiries area.

Complements tests/inquiries/ (which proves the features) with hostile input:

- stored XSS: a payload typed into every free-text field comes out escaped in the
  admin list, the detail page, the history, the privacy search, the CSV and XLSX
  exports (as inert text) and the plain-text emails (no HTML part at all);
- reflected XSS in the form's error re-render (every field, including the ones that
  fail validation such as email and phone);
- CSRF on the public POST and on every state-changing admin URL;
- Unicode edge cases (RTL override, zero-width, 4-byte emoji, NUL) and oversized
  fields: a localized error or the value stored as typed, never a 500;
- a form flood from one address: the per-IP limit answers 429 while another visitor
  gets through, and the bots' posts that were accepted are kept as Spam.

IDOR on inquiry ids (officer without the permission, editor, anonymous) is
parametrized over every URL of the area in tests/inquiries/test_permissions.py; this
file adds only what that one does not: every admin action refused without a CSRF
token (officers without the erase permission on the privacy tools:
tests/inquiries/test_privacy.py).
"""

import csv
import io

import pytest
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook

from tests.inquiries.conftest import (  # noqa: F401 - fixtures
    industries,
    inquiry_page,
    ja_industries,
    ja_inquiry_page,
    post_form,
    valid_data,
)
from tests.inquiries.factories import inquiry, officer, supervisor
from zoneportal.inquiries.admin_views import inquiry_viewset
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

from .conftest import XSS, assert_escaped

pytestmark = pytest.mark.django_db

TEXT_FIELDS = ("name", "organisation", "message")


def admin_url(name, *args):
    return reverse(inquiry_viewset.get_url_name(name), args=args)


@pytest.fixture
def stored(post_form, inquiry_page, django_capture_on_commit_callbacks):  # noqa: F811
    """An inquiry sent through the public form with the payload in every text field."""
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(
            inquiry_page, name=XSS, organisation=XSS, message=f"Plan:\n{XSS}\nThanks"
        )
    assert response.status_code == 303
    item = Inquiry.objects.get()
    assert item.status == Inquiry.Status.NEW
    # Stored as typed (whitespace normalised), not mangled: escaping is the output's job.
    assert item.name == " ".join(XSS.split()) and XSS in item.message
    return item


# -- stored XSS -------------------------------------------------------------------------


def test_payload_is_escaped_in_the_admin_list_detail_and_history(client, stored):
    client.force_login(officer("ann"))
    for url in (
        admin_url("index"),
        admin_url("index") + "?q=script",
        admin_url("index_results"),
        admin_url("inspect", stored.pk),
        admin_url("history", stored.pk),
    ):
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        assert_escaped(html)
    detail = client.get(admin_url("inspect", stored.pk)).content.decode()
    assert "&lt;script&gt;alert(" in detail


def test_payload_in_notes_and_replies_is_escaped_in_the_history(
    client, stored, django_capture_on_commit_callbacks, mailoutbox
):
    client.force_login(officer("ann"))
    with django_capture_on_commit_callbacks(execute=True):
        assert client.post(admin_url("note", stored.pk), {"text": XSS}).status_code == 302
        assert client.post(admin_url("reply", stored.pk), {"text": XSS}).status_code == 302
    for url in (admin_url("inspect", stored.pk), admin_url("history", stored.pk)):
        assert_escaped(client.get(url).content.decode())
    # The reply went out as plain text with the payload as inert characters.
    reply = [m for m in mailoutbox if m.to == [stored.email] and XSS in m.body]
    assert reply and all(not getattr(m, "alternatives", None) for m in mailoutbox)


def test_payload_is_escaped_in_the_privacy_search(client, stored):
    client.force_login(supervisor("boss"))
    response = client.get(admin_url("privacy") + "?email=" + stored.email)
    assert response.status_code == 200
    html = response.content.decode()
    assert stored.reference in html
    assert_escaped(html)


def test_exports_carry_the_payload_as_text(client, stored):
    client.force_login(officer("ann"))
    response = client.get(admin_url("export", "csv"))
    assert response.status_code == 200
    assert not response["Content-Type"].startswith("text/html")
    assert "attachment" in response["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    assert any(" ".join(XSS.split()) in row for row in rows)

    response = client.get(admin_url("export", "xlsx"))
    assert response.status_code == 200 and "attachment" in response["Content-Disposition"]
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for row in sheet.iter_rows() for cell in row]
    assert " ".join(XSS.split()) in values
    # Every cell is a string or a number: no formula was created from the payload.
    assert all(not (isinstance(v, str) and v.startswith("=")) for v in values)


def test_emails_are_plain_text_with_the_payload_inert(stored, mailoutbox):
    assert len(mailoutbox) == 1  # the acknowledgement
    message = mailoutbox[0]
    assert message.content_subtype == "plain"
    assert not getattr(message, "alternatives", None)  # no HTML part to inject into
    assert stored.reference in message.subject
    assert "<" not in message.subject and "\n" not in message.subject


def test_payload_in_a_name_cannot_inject_email_headers(
    post_form,  # noqa: F811
    inquiry_page,  # noqa: F811
    django_capture_on_commit_callbacks,
    mailoutbox,
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(inquiry_page, name="Eve\r\nBcc: victim@example.com")
    assert response.status_code == 303
    assert Inquiry.objects.get().name == "Eve Bcc: victim@example.com"
    message = mailoutbox[0].message()
    assert message["Bcc"] is None and mailoutbox[0].bcc == []


# -- reflected XSS ----------------------------------------------------------------------


def test_reflected_payload_in_the_error_re_render_is_escaped(
    post_form,  # noqa: F811
    inquiry_page,  # noqa: F811
):
    # Every field at once; consent missing so the form is re-rendered in any case.
    fields = ["name", "organisation", "email", "phone", "message", "country", "stage"]
    response = post_form(inquiry_page, consent=None, **dict.fromkeys(fields, XSS))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Tick the box to agree" in html
    assert "Enter an email address in the form" in html
    assert html.count("&lt;script&gt;alert(") >= 4  # re-rendered, escaped
    assert_escaped(html)
    assert not Inquiry.objects.exists()


def test_reflected_payload_in_the_query_string_and_sent_value(client, inquiry_page):  # noqa: F811
    for query in (f"?sent={XSS}", f"?next={XSS}", f"?{XSS}=1"):
        response = client.get(inquiry_page.url + query)
        assert response.status_code == 200
        assert_escaped(response.content.decode())


# -- CSRF -------------------------------------------------------------------------------


def test_the_public_form_requires_a_csrf_token(inquiry_page):  # noqa: F811
    strict = Client(enforce_csrf_checks=True)
    response = strict.post(inquiry_page.url, valid_data())
    assert response.status_code == 403
    assert not Inquiry.objects.exists()
    # With the token from the page it goes through.
    page = strict.get(inquiry_page.url)
    token = page.cookies["csrftoken"].value
    response = strict.post(inquiry_page.url, valid_data(csrfmiddlewaretoken=token))
    assert response.status_code == 303 and Inquiry.objects.count() == 1


ADMIN_POSTS = {
    "assign": lambda user: {"owner": user.pk},
    "status": lambda user: {"status": "spam"},
    "note": lambda user: {"text": "note"},
    "reply": lambda user: {"text": "reply"},
    "delete": lambda user: {},
    "privacy": lambda user: {
        "email": "secret.investor@example.jp",
        "action": "erase",
        "confirm": "1",
    },
}


def test_every_state_changing_admin_url_is_listed_here():
    # A new POST view in the area must be added to ADMIN_POSTS (the others are GET-only).
    read_only = {"index", "index_results", "export", "inspect", "history", "history_results"}
    names = {pattern.name for pattern in inquiry_viewset.get_urlpatterns()}
    assert names - read_only == set(ADMIN_POSTS)


@pytest.mark.parametrize("name", sorted(ADMIN_POSTS))
def test_every_admin_action_requires_a_csrf_token(name):
    secret = inquiry(name="Secret Investor", email="secret.investor@example.jp")
    boss = supervisor("boss")  # every permission of the area
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(boss)
    args = [] if name == "privacy" else [secret.pk]
    response = strict.post(admin_url(name, *args), ADMIN_POSTS[name](boss))
    assert response.status_code == 403
    fresh = Inquiry.objects.get(pk=secret.pk)
    assert (fresh.status, fresh.owner_id, fresh.name, fresh.anonymised_at) == (
        Inquiry.Status.NEW,
        None,
        "Secret Investor",
        None,
    )
    assert not InquiryEvent.objects.filter(inquiry=secret).exclude(kind="received").exists()
    assert not OutgoingEmail.objects.filter(inquiry=secret).exists()


# -- Unicode and oversized input ---------------------------------------------------------

UNICODE_CASES = {
    "rtl_override": "Invoice\u202egnp.exe",
    "zero_width": "Ha\u200bna\u200dko\ufeff",
    "emoji_4_byte": "Hanako \U0001f600\U0001f1ef\U0001f1f5 \U00020bb7",
    "combining": "Z\u0351\u0352\u0353a\u0354\u0355lgo",
}


@pytest.mark.parametrize("case", sorted(UNICODE_CASES))
def test_unicode_edge_cases_are_stored_as_typed(
    post_form,  # noqa: F811
    inquiry_page,  # noqa: F811
    client,
    case,
):
    value = UNICODE_CASES[case]
    response = post_form(inquiry_page, **dict.fromkeys(TEXT_FIELDS, value))
    assert response.status_code == 303
    item = Inquiry.objects.get()
    assert [getattr(item, field) for field in TEXT_FIELDS] == [value] * 3
    client.force_login(officer("ann"))
    assert client.get(admin_url("inspect", item.pk)).status_code == 200
    assert client.get(admin_url("export", "xlsx")).status_code == 200


@pytest.mark.parametrize(
    ("fields", "errors"),
    [
        (TEXT_FIELDS, ["Null characters are not allowed."] * 3),
        (
            ("email", "phone"),
            ["Enter an email address in the form", *["Null characters are not allowed."] * 2],
        ),
    ],
)
def test_a_nul_byte_is_a_clear_error_not_a_500(
    post_form,  # noqa: F811
    inquiry_page,  # noqa: F811
    fields,
    errors,
):
    response = post_form(inquiry_page, **dict.fromkeys(fields, "Hana\x00ko"))
    assert response.status_code == 200
    html = response.content.decode()
    for error in set(errors):
        assert html.count(error) >= errors.count(error), error
    assert not Inquiry.objects.exists()


def test_a_nul_byte_error_is_localized(post_form, ja_inquiry_page):  # noqa: F811
    response = post_form(ja_inquiry_page, name="Hana\x00ko", reply_language="ja")
    assert response.status_code == 200
    html = response.content.decode()
    # Django's own Japanese catalogue words it as "enter some characters".
    assert "何か文字を入力してください。" in html
    assert "Null characters" not in html
    assert not Inquiry.objects.exists()


def test_oversized_fields_get_a_clear_error(post_form, inquiry_page):  # noqa: F811
    response = post_form(
        inquiry_page,
        name="x" * 10_000,
        organisation="x" * 10_000,
        phone="1" * 5_000,
        message="x" * 100_000,
    )
    assert response.status_code == 200
    html = response.content.decode()
    for english in (
        "Your name can be at most 200 characters long.",
        "The organisation can be at most 200 characters long.",
        "The phone number can be at most 40 characters long.",
        "Your message is too long: it can be at most 5000 characters (it has 100000).",
    ):
        assert english in html
    assert not Inquiry.objects.exists()


def test_oversized_error_in_japanese(post_form, ja_inquiry_page):  # noqa: F811
    response = post_form(ja_inquiry_page, message="あ" * 6000, reply_language="ja")
    assert response.status_code == 200
    html = response.content.decode()
    assert "5000" in html and "6000" in html
    assert "Your message is too long" not in html
    assert not Inquiry.objects.exists()


def test_a_huge_email_address_is_refused(post_form, inquiry_page):  # noqa: F811
    response = post_form(inquiry_page, email="a" * 5000 + "@example.com")
    assert response.status_code == 200
    assert not Inquiry.objects.exists()


# -- flood ------------------------------------------------------------------------------


def test_a_flood_from_one_address_is_held_while_a_real_visitor_gets_through(
    client,
    inquiry_page,  # noqa: F811
    settings,
):
    limit = settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = 20
    statuses = []
    for number in range(200):
        # A bot: a different address each time for the email limit, the honeypot filled.
        data = valid_data(email=f"bot{number}@spam.example", website="http://buy.example")
        statuses.append(client.post(inquiry_page.url, data, REMOTE_ADDR="203.0.113.7").status_code)
    assert statuses.count(303) == limit
    assert statuses.count(429) == 200 - limit
    assert set(statuses) == {303, 429}
    # What got in before the limit was kept for review, as Spam, not dropped.
    assert Inquiry.objects.count() == limit
    assert set(Inquiry.objects.values_list("status", flat=True)) == {Inquiry.Status.SPAM}

    # Meanwhile a real investor from another address is accepted.
    response = client.post(
        inquiry_page.url,
        valid_data(email="real.investor@example.de"),
        REMOTE_ADDR="198.51.100.20",
    )
    assert response.status_code == 303
    real = Inquiry.objects.get(email="real.investor@example.de")
    assert real.status == Inquiry.Status.NEW


def test_the_429_page_says_so_in_the_visitors_language_and_keeps_the_text(
    client,
    ja_inquiry_page,  # noqa: F811
    settings,
):
    settings.ZONEPORTAL_INQUIRY_RATE_LIMIT_PER_IP = 1
    client.post(ja_inquiry_page.url, valid_data(email="a@example.jp"), REMOTE_ADDR="192.0.2.9")
    response = client.post(
        ja_inquiry_page.url,
        valid_data(email="b@example.jp", message="保存してください"),
        REMOTE_ADDR="192.0.2.9",
    )
    assert response.status_code == 429
    html = response.content.decode()
    assert "保存してください</textarea>" in html
    assert response["Content-Language"] == "ja" or 'lang="ja"' in html
