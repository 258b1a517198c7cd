"""Status machine, history, assignment email, replies in the investor's language."""

import pytest
from wagtail.users.models import UserProfile

from zoneportal.inquiries import workflow
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail

from .factories import emails_of, inquiry, officer

Status = Inquiry.Status
pytestmark = pytest.mark.django_db


@pytest.fixture
def ann():
    return officer("ann", first_name="Ann", last_name="Li", email="ann@wnd.example")


def test_assign_sets_owner_time_status_and_records_who(ann):
    item = inquiry()
    workflow.assign(item, ann, by=ann)
    item.refresh_from_db()
    assert item.status == Status.ASSIGNED
    assert item.owner == ann
    assert item.assigned_at is not None
    event = item.events.get(kind=InquiryEvent.Kind.ASSIGNED)
    assert (event.actor, event.from_status, event.to_status) == (ann, "new", "assigned")
    assert event.created_at is not None


def test_assignment_emails_the_owner_in_their_preferred_language(ann):
    profile = UserProfile.get_for_user(ann)
    profile.preferred_language = "ja"
    profile.save()
    item = inquiry()
    workflow.assign(item, ann, by=ann)
    [email] = emails_of(item, OutgoingEmail.Kind.OWNER_NOTICE)
    assert email.to == "ann@wnd.example"
    assert email.language == "ja"
    assert item.reference in email.subject
    assert "あなた" in email.subject or "担当" in email.subject
    assert f"/admin/inquiries/{item.pk}/" in email.body


def test_assignment_email_falls_back_to_english(ann):
    item = inquiry()
    workflow.assign(item, ann, by=ann)
    [email] = emails_of(item, OutgoingEmail.Kind.OWNER_NOTICE)
    assert email.language == "en"
    assert email.subject == f"Inquiry {item.reference} is assigned to you"


def test_full_path_new_to_closed_and_reopen(ann):
    item = inquiry()
    workflow.assign(item, ann, by=ann)
    workflow.change_status(item, Status.IN_PROGRESS, by=ann)
    workflow.reply(item, "Our park has 5,000 m² available.", by=ann)
    workflow.change_status(item, Status.CLOSED, by=ann)
    item.refresh_from_db()
    assert item.status == Status.CLOSED and item.closed_at is not None
    workflow.change_status(item, Status.IN_PROGRESS, by=ann)
    item.refresh_from_db()
    assert item.status == Status.IN_PROGRESS and item.closed_at is None
    steps = [(e.from_status, e.to_status) for e in item.events.exclude(kind="received")]
    assert steps == [
        ("new", "assigned"),
        ("assigned", "in_progress"),
        ("in_progress", "answered"),
        ("answered", "closed"),
        ("closed", "in_progress"),
    ]
    assert all(e.actor == ann for e in item.events.exclude(kind="received"))


@pytest.mark.parametrize(
    ("start", "target"),
    [
        ("new", "closed"),
        ("new", "answered"),
        ("assigned", "closed"),
        ("spam", "closed"),
        ("closed", "new"),
        ("answered", "spam"),
        ("new", "bogus"),
    ],
)
def test_forbidden_transitions_are_refused_and_leave_no_trace(ann, start, target):
    item = inquiry(status=start)
    with pytest.raises(workflow.WorkflowError):
        workflow.change_status(item, target, by=ann)
    item.refresh_from_db()
    assert item.status == start
    assert not item.events.exclude(kind="received").exists()


def test_spam_and_back_to_new_for_false_positives(ann):
    item = inquiry()
    workflow.change_status(item, Status.SPAM, by=ann)
    workflow.change_status(item, Status.NEW, by=ann)
    item.refresh_from_db()
    assert item.status == Status.NEW
    assert item.events.filter(kind=InquiryEvent.Kind.STATUS).count() == 2


def test_reply_in_japanese_with_reference_greeting_and_sign_off(ann, demo_zone):
    item = inquiry(name="佐藤花子", reply_language="ja", status=Status.ASSIGNED, owner=ann)
    email = workflow.reply(item, "工業団地の資料をお送りします。", by=ann)
    assert email.to == item.email
    assert email.language == "ja"
    assert item.reference in email.subject
    assert "お問い合わせ" in email.subject
    assert email.body.startswith("佐藤花子 様")
    assert "工業団地の資料をお送りします。" in email.body
    assert "無錫国家ハイテク産業開発区" in email.body
    assert "Ann Li" in email.body
    item.refresh_from_db()
    assert item.status == Status.ANSWERED
    assert item.first_answered_at is not None
    event = item.events.get(kind=InquiryEvent.Kind.REPLY)
    assert event.text == "工業団地の資料をお送りします。"
    assert event.actor == ann


def test_reply_texts_are_not_html_escaped(ann):
    item = inquiry(name="O'Brien & Sons", status=Status.ASSIGNED, owner=ann)
    email = workflow.reply(item, "Costs < 5 % & rising", by=ann)
    assert "Dear O'Brien & Sons," in email.body
    assert "Costs < 5 % & rising" in email.body


def test_second_reply_keeps_first_answer_time(ann):
    item = inquiry(status=Status.ASSIGNED, owner=ann)
    workflow.reply(item, "First.", by=ann)
    item.refresh_from_db()
    first = item.first_answered_at
    workflow.change_status(item, Status.IN_PROGRESS, by=ann)
    workflow.reply(item, "Second.", by=ann)
    item.refresh_from_db()
    assert item.first_answered_at == first
    assert item.events.filter(kind=InquiryEvent.Kind.REPLY).count() == 2


def test_reply_needs_an_owner_first(ann):
    item = inquiry()
    with pytest.raises(workflow.WorkflowError):
        workflow.reply(item, "Hello", by=ann)
    assert not emails_of(item)


def test_notes_and_follow_up(ann):
    item = inquiry(status=Status.ANSWERED, owner=ann)
    workflow.add_note(item, "Called the investor.", by=ann)
    item.refresh_from_db()
    assert item.followed_up_at is None
    workflow.add_note(item, "Follow-up call: site visit in May.", by=ann, follow_up=True)
    item.refresh_from_db()
    assert item.followed_up_at is not None
    assert item.events.filter(kind=InquiryEvent.Kind.NOTE).count() == 2
    assert not emails_of(item)  # notes stay internal
    with pytest.raises(workflow.WorkflowError):
        workflow.add_note(item, "   ", by=ann)


def test_anonymised_inquiries_cannot_change(ann):
    from django.utils import timezone

    item = inquiry(status=Status.ASSIGNED, owner=ann, anonymised_at=timezone.now())
    with pytest.raises(workflow.WorkflowError):
        workflow.reply(item, "Hello", by=ann)
    with pytest.raises(workflow.WorkflowError):
        workflow.assign(item, ann, by=ann)
