"""Anonymise inquiries past their retention period (ZONEPORTAL_INQUIRY_RETENTION_MONTHS)."""

from django.core.management.base import BaseCommand

from zoneportal.inquiries import privacy


class Command(BaseCommand):
    help = "Blank the personal data of inquiries closed longer ago than the retention period."

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count the inquiries that are due."
        )
        parser.add_argument(
            "--enqueue",
            action="store_true",
            help="Run as a background task (django-tasks) instead of now.",
        )

    def handle(self, *args, dry_run=False, enqueue=False, **options):
        if dry_run:
            self.stdout.write(f"Inquiries due for anonymisation: {privacy.expired().count()}")
            return
        if enqueue:
            result = privacy.anonymise_inquiries_task.enqueue()
            self.stdout.write(f"Anonymisation task enqueued ({result.id}).")
            return
        count = privacy.anonymise_expired()
        self.stdout.write(f"Inquiries anonymised: {count}")
