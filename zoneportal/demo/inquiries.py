"""Demo investor inquiries, so the Inquiries area of the admin is not empty after `make run`.

Six messages in four languages and every stage of the workflow (one of them
overdue), dated relative to today. Idempotent: each has a fixed submission token, so
running `load_demo` again creates only what is missing. Names and addresses are
invented (example.com domains).
"""

import datetime as dt
import uuid

from django.contrib.auth import get_user_model
from django.db import transaction
from django.utils import timezone
from wagtail.models import Locale

from zoneportal.business.models import IndustryPage
from zoneportal.inquiries.intake import make_reference
from zoneportal.inquiries.models import Inquiry, InquiryEvent

S = Inquiry.Status
NAMESPACE = uuid.UUID("6f1c4a52-0f3e-4a6e-9d59-7a1d1c0e2b10")

# key, days ago, status, industry (title contains), fields
DEMO_INQUIRIES = [
    (
        "ja-new",
        0,
        S.NEW,
        "Integrated Circuit",
        {
            "name": "佐藤 花子",
            "organisation": "佐藤精密工業株式会社",
            "country": "JP",
            "email": "hanako.sato@sato-seimitsu.example.com",
            "phone": "+81 3-5555-0142",
            "stage": Inquiry.Stage.COMPARING,
            "message": (
                "無錫高新区での半導体部品工場（約5,000㎡）の新設を検討しております。"
                "賃貸可能な標準工場と、優遇政策についてご教示いただけますでしょうか。"
            ),
            "reply_language": "ja",
            "submitted_language": "ja",
        },
    ),
    (
        "de-overdue",
        9,
        S.ASSIGNED,
        "Biomedicine",
        {
            "name": "Jonas Becker",
            "organisation": "Becker Medizintechnik GmbH",
            "country": "DE",
            "email": "j.becker@becker-medtech.example.com",
            "phone": "",
            "stage": Inquiry.Stage.READY,
            "message": (
                "We plan a sterile production line for catheters in 2027 and need a GMP-ready "
                "building of about 3,000 m². Which parks can offer this, and what are the "
                "registration steps for a foreign-invested enterprise?"
            ),
            "reply_language": "en",
            "submitted_language": "en",
        },
    ),
    (
        "ko-answered",
        6,
        S.ANSWERED,
        "Integrated Circuit",
        {
            "name": "김민준",
            "organisation": "한빛반도체",
            "country": "KR",
            "email": "minjun.kim@hanbit-semi.example.com",
            "phone": "+82 2-555-0199",
            "stage": Inquiry.Stage.INVESTED,
            "message": "신우구 공장의 전력 증설 절차와 소요 기간을 알고 싶습니다.",
            "reply_language": "ko",
            "submitted_language": "ko",
        },
    ),
    (
        "zh-closed",
        30,
        S.CLOSED,
        "",
        {
            "name": "王磊",
            "organisation": "苏州恒远物流有限公司",
            "country": "CN",
            "email": "wanglei@hengyuan-logistics.example.com",
            "phone": "+86 512 5555 0123",
            "stage": Inquiry.Stage.EXPLORING,
            "message": "请问综合保税区内的仓储用地政策和申请流程是什么？",
            "reply_language": "zh-hans",
            "submitted_language": "zh-hans",
        },
    ),
    (
        "en-in-progress",
        1,
        S.IN_PROGRESS,
        "",
        {
            "name": "Emily Carter",
            "organisation": "Northfield Batteries Inc.",
            "country": "US",
            "email": "emily.carter@northfield.example.com",
            "phone": "+1 617 555 0175",
            "stage": Inquiry.Stage.COMPARING,
            "message": (
                "We are comparing Wuxi with two other locations for a battery-pack assembly "
                "plant. Could you share typical land prices and lead times for utilities?"
            ),
            "reply_language": "en",
            "submitted_language": "en",
        },
    ),
    (
        "spam",
        1,
        S.SPAM,
        "",
        {
            "name": "SEO Expert",
            "organisation": "",
            "country": "",
            "email": "offers@cheap-seo.example.com",
            "phone": "",
            "stage": Inquiry.Stage.EXPLORING,
            "message": "Buy backlinks now http://a.example http://b.example http://c.example",
            "reply_language": "en",
            "submitted_language": "en",
            "spam_reason": "links",
        },
    ),
]


def _industry(fragment):
    if not fragment:
        return None
    default = Locale.get_default()
    return IndustryPage.objects.filter(locale=default, title__icontains=fragment).first()


@transaction.atomic
def load() -> int:
    """Create the demo inquiries that are missing; return how many were created."""
    officer = get_user_model().objects.filter(username="officer").first()
    now = timezone.now()
    created = 0
    for key, days_ago, status, industry_title, fields in DEMO_INQUIRIES:
        token = uuid.uuid5(NAMESPACE, key)
        if Inquiry.objects.filter(submission_token=token).exists():
            continue
        received = now - dt.timedelta(days=days_ago, hours=2)
        industry = _industry(industry_title)
        inquiry = Inquiry.objects.create(
            submission_token=token,
            industry=industry,
            industry_name=industry.title if industry else "",
            privacy_notice_version="1",
            consented_at=received,
            status=status,
            **fields,
        )
        owned = status in (S.ASSIGNED, S.IN_PROGRESS, S.ANSWERED, S.CLOSED)
        updates = {
            "created_at": received,
            "reference": make_reference(inquiry),
            "owner": officer if owned else None,
            "assigned_at": received + dt.timedelta(hours=3) if owned else None,
        }
        if status in (S.ANSWERED, S.CLOSED):
            updates["first_answered_at"] = received + dt.timedelta(hours=20)
        if status == S.CLOSED:
            updates["closed_at"] = received + dt.timedelta(days=3)
        inquiry.created_at = received
        updates["reference"] = make_reference(inquiry)
        Inquiry.objects.filter(pk=inquiry.pk).update(**updates)
        events = [(InquiryEvent.Kind.RECEIVED, received, "", S.NEW, "")]
        if status == S.SPAM:
            events[0] = (InquiryEvent.Kind.RECEIVED, received, "", S.SPAM, "")
        if owned:
            events.append(
                (InquiryEvent.Kind.ASSIGNED, updates["assigned_at"], S.NEW, S.ASSIGNED, "")
            )
        if status == S.IN_PROGRESS:
            events.append(
                (
                    InquiryEvent.Kind.STATUS,
                    received + dt.timedelta(days=1),
                    S.ASSIGNED,
                    S.IN_PROGRESS,
                    "",
                )
            )
        if status in (S.ANSWERED, S.CLOSED):
            events.append(
                (
                    InquiryEvent.Kind.REPLY,
                    updates["first_answered_at"],
                    S.ASSIGNED,
                    S.ANSWERED,
                    "(demo reply)",
                )
            )
        if status == S.CLOSED:
            events.append(
                (InquiryEvent.Kind.STATUS, updates["closed_at"], S.ANSWERED, S.CLOSED, "")
            )
        for kind, when, from_status, to_status, text in events:
            event = InquiryEvent.objects.create(
                inquiry=inquiry,
                kind=kind,
                actor=officer if kind != InquiryEvent.Kind.RECEIVED else None,
                from_status=from_status,
                to_status=to_status,
                text=text,
            )
            InquiryEvent.objects.filter(pk=event.pk).update(created_at=when)
        created += 1
    return created
