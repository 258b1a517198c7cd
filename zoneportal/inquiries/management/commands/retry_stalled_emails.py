"""Re-enqueue inquiry emails whose delivery is overdue (run from cron every few minutes)."""

from django.core.management.base import BaseCommand

from zoneportal.inquiries.tasks import STALLED_GRACE_MINUTES, requeue_stalled


class Command(BaseCommand):
    help = (
        "Enqueue delivery of queued or retrying inquiry emails whose next attempt is "
        "overdue (for example because a task was lost)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--grace-minutes",
            type=int,
            default=STALLED_GRACE_MINUTES,
            help="Only emails overdue by more than this many minutes (default: %(default)s).",
        )

    def handle(self, *args, grace_minutes, **options):
        count = requeue_stalled(grace_minutes)
        self.stdout.write(f"{count} email(s) enqueued for delivery.")
