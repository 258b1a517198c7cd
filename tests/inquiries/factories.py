"""Inquiry rows made directly (the public form is tested by the intake tests).

`InquiryFactory(received=...)` sets `created_at`, which `auto_now_add` would
otherwise overwrite; `officer()` and `supervisor()` make users in the groups the
data migration creates.
"""

import datetime as dt
import itertools

import factory
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.utils import timezone

from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail
from zoneportal.inquiries.permissions import OFFICERS_GROUP, SUPERVISORS_GROUP

_sequence = itertools.count(1)
PASSWORD = "officer-password-123"


class InquiryFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Inquiry

    reference = factory.LazyFunction(lambda: f"WND-2026-{next(_sequence):06d}")
    name = "Hanako Sato"
    organisation = "Sato Precision Co., Ltd."
    country = "JP"
    email = factory.LazyAttribute(lambda o: f"{o.reference.lower()}@example.jp")
    phone = "+81 3-1234-5678"
    industry_name = "Integrated Circuits"
    stage = Inquiry.Stage.COMPARING
    message = "We are looking for a 5,000 m² plant site near Wuxi for 2027."
    reply_language = "en"
    submitted_language = "en"
    privacy_notice_version = "1"
    consented_at = factory.LazyFunction(timezone.now)

    @classmethod
    def _create(cls, model_class, *args, received=None, **kwargs):
        inquiry = super()._create(model_class, *args, **kwargs)
        when = received or timezone.now()
        model_class.objects.filter(pk=inquiry.pk).update(created_at=when)
        inquiry.created_at = when
        InquiryEvent.objects.create(
            inquiry=inquiry, kind=InquiryEvent.Kind.RECEIVED, to_status=inquiry.status
        )
        InquiryEvent.objects.filter(inquiry=inquiry).update(created_at=when)
        return inquiry


def inquiry(received=None, **fields) -> Inquiry:
    return InquiryFactory(received=received, **fields)


def aware(year, month, day, hour=10, minute=0) -> dt.datetime:
    return timezone.make_aware(dt.datetime(year, month, day, hour, minute))


def _user(username, group_name=None, **fields):
    user = get_user_model().objects.create_user(
        username,
        fields.pop("email", f"{username}@example.com"),
        PASSWORD,
        first_name=fields.pop("first_name", username.title()),
        **fields,
    )
    if group_name:
        user.groups.add(Group.objects.get(name=group_name))
    return user


def officer(username="officer", **fields):
    return _user(username, OFFICERS_GROUP, **fields)


def supervisor(username="supervisor", **fields):
    return _user(username, SUPERVISORS_GROUP, **fields)


def editor(username="editor", **fields):
    """A content editor: the "Editors" group (pages, images, documents), nothing else."""
    group, _created = Group.objects.get_or_create(name="Editors")
    return _user(username, group.name, **fields)


def emails_of(inquiry, kind=None):
    emails = OutgoingEmail.objects.filter(inquiry=inquiry)
    return list(emails.filter(kind=kind) if kind else emails)
