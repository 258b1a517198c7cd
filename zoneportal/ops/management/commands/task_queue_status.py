"""manage.py task_queue_status: tasks waiting for the worker; exit status 1 when stalled."""

from django.core.management.base import BaseCommand, CommandError

from zoneportal.ops.task_queue import queue_status


class Command(BaseCommand):
    help = (
        "Show how many background tasks wait for `manage.py db_worker` and how long the "
        "oldest has been due; fails (exit status 1) when the queue is stalled."
    )

    def handle(self, *args, **options):
        status = queue_status()
        if status is None:
            self.stdout.write("tasks run immediately (no task queue configured)")
            return
        oldest = (
            "none due"
            if status.oldest_due_seconds is None
            else f"oldest due {status.oldest_due_seconds:.0f} s ago"
        )
        self.stdout.write(
            f"tasks: {status.waiting} waiting ({oldest}), {status.running} running, "
            f"{status.scheduled} scheduled for later"
        )
        if status.stalled:
            raise CommandError(
                f"the task queue is stalled (a task has been due for more than "
                f"{status.stall_seconds} s and no worker started one): start "
                "`manage.py db_worker` "
                '(docs/operations.md, "Background tasks")'
            )
