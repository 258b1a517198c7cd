"""Email each officer their overdue inquiries, and supervisors all unassigned or overdue ones.

Run once a day (cron or a systemd timer, see docs/inquiries.md). On days off it
does nothing unless --force is given.
"""

from django.core.management.base import BaseCommand

from zoneportal.inquiries import digest


class Command(BaseCommand):
    help = "Send the daily digest of unassigned and overdue inquiries to officers."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Send even on a weekend or holiday."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Run as a background task (django-tasks) instead of now.",
        )

    def handle(self, *args, force=False, enqueue=False, **options):
        if enqueue:
            result = digest.send_inquiry_digest_task.enqueue(force=force)
            self.stdout.write(f"Digest task enqueued ({result.id}).")
            return
        sent = digest.send_digests() if force else digest.send_digests_if_working_day()
        self.stdout.write(f"Digest emails queued: {sent}")
