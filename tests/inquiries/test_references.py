"""Reference numbers (WND-2026-000123) as the investor sees them: on the thank-you page
and in the acknowledgement email.

Two bugs once passed every other test (issue 13, item 15): numbering by a count of the
year's inquiries (two investors got the same number after a supervisor deleted an
inquiry, and the second message was lost), and the year read in UTC (a message sent at
01:00 on 1 January in Wuxi got last year's number). Both run on SQLite and PostgreSQL
(`DATABASE_URL=postgres://...`).
"""

import datetime as dt
import re
import zoneinfo

import pytest
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from zoneportal.inquiries.admin_views import inquiry_viewset
from zoneportal.inquiries.models import Inquiry

from .factories import supervisor

pytestmark = pytest.mark.django_db

REFERENCE = re.compile(r"\b[A-Z]+-(\d{4})-\d{6}\b")


def _send(client, post_form, page, email, mailoutbox, django_capture_on_commit_callbacks):
    """Send the form once; return the reference shown on the thank-you page.

    The acknowledgement email must carry the same number.
    """
    sent_before = len(mailoutbox)
    with django_capture_on_commit_callbacks(execute=True):
        response = post_form(page, email=email)
    assert response.status_code == 303, "the message was not stored"
    thanks = client.get(response["Location"]).content.decode()
    found = REFERENCE.search(thanks)
    assert found, "no reference on the thank-you page"
    shown = found.group(0)
    assert len(mailoutbox) == sent_before + 1
    assert shown in mailoutbox[-1].subject and shown in mailoutbox[-1].body
    return shown


def _delete_as_supervisor(inquiry):
    boss = Client()
    boss.force_login(supervisor())
    url = reverse(inquiry_viewset.get_url_name("delete"), args=[inquiry.pk])
    assert boss.post(url).status_code == 302
    assert not Inquiry.objects.filter(pk=inquiry.pk).exists()


@pytest.mark.parametrize("deleted", [1, 2], ids=["a-middle-one", "the-latest-one"])
def test_a_reference_is_never_given_twice_even_after_a_deletion(
    client,
    post_form,
    inquiry_page,
    mailoutbox,
    django_capture_on_commit_callbacks,
    deleted,
):
    def send(email):
        return _send(
            client, post_form, inquiry_page, email, mailoutbox, django_capture_on_commit_callbacks
        )

    issued = [send(f"investor{n}@example.jp") for n in range(3)]
    assert len(set(issued)) == 3
    # A supervisor deletes one (spam, a test message, a duplicate ...).
    _delete_as_supervisor(Inquiry.objects.get(reference=issued[deleted]))

    # The next investor is stored under a number nobody has held before: a reused
    # number would collide with a kept inquiry (and lose the new message) or hand
    # the deleted inquiry's number, already in someone's mailbox, to a stranger.
    new = send("next.investor@example.jp")
    assert new not in issued
    kept = set(Inquiry.objects.values_list("reference", flat=True))
    assert kept == {*issued, new} - {issued[deleted]}
    assert Inquiry.objects.get(reference=new).email == "next.investor@example.jp"


def _sent_at(monkeypatch, moment: dt.datetime):
    """Every `timezone.now()` (the received time, the consent) returns `moment`, in UTC
    as the real one does."""
    utc = moment.astimezone(dt.UTC)
    monkeypatch.setattr(timezone, "now", lambda: utc)


@pytest.mark.parametrize(
    ("zone", "local_time", "year"),
    [
        # The demo zone, Wuxi: UTC+8. 01:00 on New Year's Day is 17:00 UTC on 31 December.
        ("Asia/Shanghai", dt.datetime(2027, 1, 1, 1, 0), "2027"),
        ("Asia/Shanghai", dt.datetime(2026, 12, 31, 23, 30), "2026"),
        # A zone west of Greenwich: its 31 December evening is already 1 January in UTC.
        ("America/Sao_Paulo", dt.datetime(2026, 12, 31, 22, 0), "2026"),
        ("America/Sao_Paulo", dt.datetime(2027, 1, 1, 0, 30), "2027"),
    ],
)
def test_the_reference_year_is_the_year_in_the_zone_not_in_utc(
    client,
    post_form,
    inquiry_page,
    mailoutbox,
    django_capture_on_commit_callbacks,
    monkeypatch,
    settings,
    zone,
    local_time,
    year,
):
    settings.TIME_ZONE = zone  # the zone's own time (settings.TIME_ZONE)
    moment = local_time.replace(tzinfo=zoneinfo.ZoneInfo(zone))
    _sent_at(monkeypatch, moment)
    reference = _send(
        client,
        post_form,
        inquiry_page,
        "new.year@example.jp",
        mailoutbox,
        django_capture_on_commit_callbacks,
    )
    assert REFERENCE.fullmatch(reference).group(1) == year
