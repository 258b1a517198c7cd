"""Retention, one person's data (find, export, erase), audit entries, no personal data in logs."""

import datetime as dt
import json
import logging

import pytest
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone
from wagtail.models import ModelLogEntry

from zoneportal.inquiries import privacy, workflow
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

from .factories import inquiry, officer, supervisor

pytestmark = pytest.mark.django_db
Status = Inquiry.Status
NOW = timezone.make_aware(dt.datetime(2028, 6, 15, 10))


def _closed(months_ago, **fields):
    closed_at = privacy.months_before(NOW, months_ago)
    item = inquiry(
        received=closed_at - dt.timedelta(days=10),
        status=Status.CLOSED,
        closed_at=closed_at,
        first_answered_at=closed_at - dt.timedelta(days=5),
        industry_name="Biomedicine",
        country="DE",
        **fields,
    )
    OutgoingEmail.objects.create(
        inquiry=item, kind="reply", to=item.email, language="en", subject="S", body="Dear X"
    )
    InquiryEvent.objects.create(inquiry=item, kind="reply", text="Dear X, our answer")
    return item


def test_months_before_handles_month_ends():
    assert privacy.months_before(timezone.make_aware(dt.datetime(2026, 3, 31)), 1).day == 28


def test_anonymise_expired_blanks_personal_data_and_keeps_statistics(settings):
    settings.ZONEPORTAL_INQUIRY_RETENTION_MONTHS = 24
    old = _closed(25, name="Old Person", email="old@example.de", phone="+49 1")
    recent = _closed(23, name="Recent Person")
    open_old = inquiry(received=NOW - dt.timedelta(days=1000), name="Still Open")
    old_spam = inquiry(received=NOW - dt.timedelta(days=1000), status=Status.SPAM)
    assert privacy.anonymise_expired(NOW) == 2
    old.refresh_from_db()
    assert (old.name, old.organisation, old.phone, old.message) == ("", "", "", "")
    assert old.email == privacy.placeholder_email(old.pk)
    assert old.anonymised_at is not None
    assert (old.country, old.industry_name, old.status) == ("DE", "Biomedicine", Status.CLOSED)
    assert old.first_answered_at and old.closed_at and old.created_at
    email = old.emails.get()
    assert (email.to, email.body, email.subject) == (old.email, "", "")
    assert not old.events.filter(kind="reply").exclude(text="").exists()
    assert old.events.filter(kind=InquiryEvent.Kind.ANONYMISED).exists()
    assert ModelLogEntry.objects.filter(
        action="inquiries.anonymise", object_id=str(old.pk)
    ).exists()
    for kept in (recent, open_old):
        kept.refresh_from_db()
        assert kept.anonymised_at is None and kept.name
    old_spam.refresh_from_db()
    assert old_spam.anonymised_at is not None
    assert privacy.anonymise_expired(NOW) == 0  # idempotent


def test_anonymise_command_reports_how_many(capsys, monkeypatch):
    _closed(30)
    monkeypatch.setattr(privacy.timezone, "now", lambda: NOW)
    call_command("anonymise_inquiries", "--dry-run")
    assert "Inquiries due for anonymisation: 1" in capsys.readouterr().out
    call_command("anonymise_inquiries")
    assert "Inquiries anonymised: 1" in capsys.readouterr().out


def test_anonymise_task():
    _closed(30)
    result = privacy.anonymise_inquiries_task.enqueue()
    assert result.return_value in (0, 1)  # the task uses the real clock


@pytest.fixture
def boss(client):
    user = supervisor("boss")
    client.force_login(user)
    return user


def test_find_export_and_erase_through_the_admin(client, boss):
    first = inquiry(email="Jane.Doe@Example.com", name="Jane Doe", message="Plan A")
    second = inquiry(email="jane.doe@example.com", name="Jane Doe", status=Status.ASSIGNED)
    other = inquiry(email="someone@else.example", name="Someone Else")
    stray = OutgoingEmail.objects.create(
        kind="ack", to="jane.doe@example.com", language="en", subject="Hi", body="Hi Jane"
    )
    url = reverse("inquiry:privacy")

    found = client.get(url, {"email": "jane.doe@example.com"})
    html = found.content.decode()
    assert found.status_code == 200
    assert first.reference in html and second.reference in html and other.reference not in html

    exported = client.post(url, {"email": "jane.doe@example.com", "action": "export"})
    assert exported["Content-Type"].startswith("application/json")
    data = json.loads(exported.content)
    assert {item["reference"] for item in data["inquiries"]} == {first.reference, second.reference}
    assert data["inquiries"][0]["message"] == "Plan A"
    assert data["other_emails"][0]["body"] == "Hi Jane"

    refused = client.post(url, {"email": "jane.doe@example.com", "action": "erase"})
    assert refused.status_code == 302
    assert Inquiry.objects.get(pk=first.pk).anonymised_at is None

    client.post(url, {"email": "jane.doe@example.com", "action": "erase", "confirm": "1"})
    for item in (first, second):
        item.refresh_from_db()
        assert item.anonymised_at and item.name == "" and "jane" not in item.email.lower()
    stray.refresh_from_db()
    assert "jane" not in stray.to and stray.body == ""
    other.refresh_from_db()
    assert other.name == "Someone Else"

    actions = set(ModelLogEntry.objects.filter(user=boss).values_list("action", "object_id"))
    for item in (first, second):
        for action in ("find", "export", "erase"):
            assert (f"inquiries.personal_data_{action}", str(item.pk)) in actions
    # The audit log does not keep the address either.
    assert not ModelLogEntry.objects.filter(data__icontains="jane").exists()
    assert not ModelLogEntry.objects.filter(label__icontains="jane").exists()


def test_officers_without_erase_permission_cannot_use_the_privacy_tools(client):
    client.force_login(officer("ann"))
    response = client.get(reverse("inquiry:privacy"), {"email": "x@example.com"})
    assert response.status_code in (302, 403)


def test_no_personal_data_in_logs_during_the_whole_workflow(caplog, client, settings):
    settings.ZONEPORTAL_INQUIRY_RETENTION_MONTHS = 0
    caplog.set_level(logging.DEBUG)
    name, email, phone = "Yuki Personal", "yuki.personal@example.jp", "+81 90 5555 0101"
    ann = officer("ann", email="ann@wnd.example")
    item = inquiry(name=name, email=email, phone=phone, organisation="Personal KK")
    client.force_login(supervisor("boss"))
    client.get(reverse("inquiry:index"), {"q": "Yuki"})
    client.get(reverse("inquiry:inspect", args=[item.pk]))
    workflow.assign(item, ann, by=ann)
    workflow.add_note(item, f"Called {name}", by=ann)
    workflow.reply(item, "Thank you", by=ann)
    workflow.change_status(item, Status.CLOSED, by=ann)
    client.get(reverse("inquiry:export", args=["csv"]))
    client.post(reverse("inquiry:privacy"), {"email": email, "action": "export"})
    privacy.anonymise_expired(timezone.now() + dt.timedelta(days=1))
    logged = "\n".join(
        f"{record.getMessage()} {record.args!r} {getattr(record, 'exc_text', '')}"
        for record in caplog.records
    )
    assert caplog.records, "the workflow should log something"
    for secret in (name, "Yuki", email, "yuki.personal", phone, "Personal KK"):
        assert secret not in logged
