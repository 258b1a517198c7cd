"""The daily digest: each officer's overdue inquiries, and for supervisors all
unassigned or overdue ones. Run it once a working day (see docs/inquiries.md).
"""

from __future__ import annotations

import logging
from collections import defaultdict

from django.template.loader import get_template
from django.utils import timezone, translation
from django.utils.translation import gettext
from django_tasks import task

from .mail import queue_email
from .models import Inquiry, OutgoingEmail
from .permissions import inquiry_permission_policy
from .service_levels import OPEN_STATUSES, due, is_working_day
from .workflow import _admin_url, officer_language

logger = logging.getLogger(__name__)


def _open_inquiries(now):
    inquiries = (
        Inquiry.objects.filter(status__in=OPEN_STATUSES, anonymised_at__isnull=True)
        .select_related("owner")
        .order_by("created_at")
    )
    for inquiry in inquiries:
        inquiry.due = due(inquiry, now)
        inquiry.admin_url = _admin_url(inquiry)
    return list(inquiries)


def build_digests(now=None) -> dict:
    """{user: (own overdue inquiries, unassigned or overdue inquiries for supervisors)}."""
    now = now or timezone.now()
    inquiries = _open_inquiries(now)
    overdue = [inquiry for inquiry in inquiries if inquiry.due.is_overdue]
    attention = [
        inquiry for inquiry in inquiries if inquiry.owner_id is None or inquiry.due.is_overdue
    ]
    by_owner = defaultdict(list)
    for inquiry in overdue:
        if inquiry.owner_id:
            by_owner[inquiry.owner_id].append(inquiry)
    supervisors = {
        user.pk: user
        for user in inquiry_permission_policy.users_with_permission("delete").filter(
            is_superuser=False
        )
    }
    officers = {user.pk: user for user in inquiry_permission_policy.users_with_permission("change")}
    digests = {}
    for user in [*officers.values(), *supervisors.values()]:
        own = by_owner.get(user.pk, [])
        everyone = attention if user.pk in supervisors else []
        if (own or everyone) and user.email:
            digests[user] = (own, everyone)
    return digests


def send_digests(now=None) -> int:
    """Queue one digest email per officer with something to do; return how many."""
    now = now or timezone.now()
    sent = 0
    for user, (own, everyone) in build_digests(now).items():
        language = officer_language(user)
        with translation.override(language):
            subject = gettext("Inquiries needing attention: %(count)s") % {
                "count": len({inquiry.pk for inquiry in [*own, *everyone]})
            }
            body = get_template("inquiries/email/digest.txt").render(
                {"user": user, "own": own, "everyone": everyone, "now": now}
            )
        queue_email(
            kind=OutgoingEmail.Kind.DIGEST,
            to=user.email,
            language=language,
            subject=subject,
            body=body,
        )
        sent += 1
    logger.info("digest: %s emails queued", sent)
    return sent


def send_digests_if_working_day(now=None) -> int:
    now = now or timezone.now()
    if not is_working_day(timezone.localdate(now)):
        return 0
    return send_digests(now)


@task()
def send_inquiry_digest_task(force: bool = False) -> int:
    return send_digests() if force else send_digests_if_working_day()
