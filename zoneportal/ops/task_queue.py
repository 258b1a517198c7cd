"""How the background task queue is doing, for /readyz and `manage.py task_queue_status`.

Production stores tasks in the database (django-tasks-db) and `manage.py db_worker`
runs them: search index updates and every email. Without a worker nothing fails
visibly; tasks just wait (issue 13: 2,464 indexing tasks and the acknowledgement
emails waited after a fresh start). django-tasks-db keeps no worker heartbeat, so the
sign of a missing or stuck worker is the age of the oldest task that is due: a task is
due from when it was enqueued, or from its run_after (an email's next retry). Older than
ZONEPORTAL_TASK_QUEUE_STALL_SECONDS means the queue is stalled.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db.models import Min
from django.utils import timezone

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


@dataclass(frozen=True)
class QueueStatus:
    waiting: int  # due and not started
    running: int
    scheduled: int  # waiting for a later run_after (retries)
    oldest_due_seconds: float | None
    stall_seconds: int

    @property
    def stalled(self) -> bool:
        return self.oldest_due_seconds is not None and self.oldest_due_seconds > self.stall_seconds

    def as_dict(self) -> dict:
        return {**asdict(self), "stalled": self.stalled}


def uses_database_queue() -> bool:
    backend = settings.TASKS.get("default", {}).get("BACKEND", "")
    return backend == DATABASE_BACKEND


def queue_status(now: dt.datetime | None = None) -> QueueStatus | None:
    """The queue's figures, or None when tasks do not go through the database queue
    (development and tests run them immediately)."""
    if not uses_database_queue():
        return None
    from django_tasks_db.models import DBTaskResult, get_date_max

    now = now or timezone.now()
    never = get_date_max()
    ready = DBTaskResult.objects.filter(status="READY")
    due = ready.filter(run_after__lte=now) | ready.filter(run_after=never)
    oldest_unscheduled = ready.filter(run_after=never).aggregate(t=Min("enqueued_at"))["t"]
    oldest_retry = ready.filter(run_after__lte=now).aggregate(t=Min("run_after"))["t"]
    oldest = min((t for t in (oldest_unscheduled, oldest_retry) if t is not None), default=None)
    waiting = due.count()
    return QueueStatus(
        waiting=waiting,
        running=DBTaskResult.objects.filter(status="RUNNING").count(),
        scheduled=ready.count() - waiting,
        oldest_due_seconds=None if oldest is None else round((now - oldest).total_seconds(), 1),
        stall_seconds=getattr(settings, "ZONEPORTAL_TASK_QUEUE_STALL_SECONDS", 600),
    )
