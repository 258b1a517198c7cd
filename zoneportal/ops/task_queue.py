"""How the background task queue is doing, for /readyz and `manage.py task_queue_status`.

Production stores tasks in the database (django-tasks-db) and `manage.py db_worker`
runs them: search index updates and every email. Without a worker nothing fails
visibly; tasks just wait (issue 13: 2,464 indexing tasks and the acknowledgement
emails waited after a fresh start). django-tasks-db keeps no worker heartbeat, so the
queue counts as stalled when both hold for ZONEPORTAL_TASK_QUEUE_STALL_SECONDS:

- the oldest due task has waited that long (a task is due from when it was enqueued, or
  from its run_after: an email's next retry), and
- no task was started in that time (the worker's trace of life). A worker working
  through a long backlog (thousands of index updates after loading a site) is busy,
  not stalled.
"""

import datetime as dt
from dataclasses import asdict, dataclass

from django.conf import settings
from django.db.models import Max, Min
from django.utils import timezone

DATABASE_BACKEND = "django_tasks_db.DatabaseBackend"


@dataclass(frozen=True)
class QueueStatus:
    waiting: int  # due and not started
    running: int
    scheduled: int  # waiting for a later run_after (retries)
    oldest_due_seconds: float | None
    last_start_seconds: float | None  # since a worker last started a task
    stall_seconds: int

    @property
    def stalled(self) -> bool:
        waited = (
            self.oldest_due_seconds is not None and self.oldest_due_seconds > self.stall_seconds
        )
        idle = self.last_start_seconds is None or self.last_start_seconds > self.stall_seconds
        return waited and idle

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
    last_start = DBTaskResult.objects.aggregate(t=Max("started_at"))["t"]
    return QueueStatus(
        waiting=waiting,
        running=DBTaskResult.objects.filter(status="RUNNING").count(),
        scheduled=ready.count() - waiting,
        oldest_due_seconds=_seconds_since(oldest, now),
        last_start_seconds=_seconds_since(last_start, now),
        stall_seconds=getattr(settings, "ZONEPORTAL_TASK_QUEUE_STALL_SECONDS", 600),
    )


def _seconds_since(moment: dt.datetime | None, now: dt.datetime) -> float | None:
    return None if moment is None else round((now - moment).total_seconds(), 1)
