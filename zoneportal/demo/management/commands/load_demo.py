"""Load (or reload) the WND demo site. Safe to run repeatedly."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from zoneportal.demo import loader, written_files


class Command(BaseCommand):
    help = "Create the demo site: pages in every section, images, videos, settings and users."

    def add_arguments(self, parser):
        parser.add_argument(
            "--reset", action="store_true", help="Delete the demo site first, then rebuild it."
        )
        parser.add_argument(
            "--users",
            action="store_true",
            default=None,
            help="Create the demo admin and editor logins (default: only when DEBUG is on).",
        )
        parser.add_argument("--no-users", dest="users", action="store_false")

    def handle(self, *args, reset=False, users=None, **options):
        create_users = settings.DEBUG if users is None else users
        # Files are written as the demo loads, rows only at the commit: the journal
        # removes the files of a run that was killed or failed (written_files).
        try:
            with written_files.recording(log=self.stdout.write), transaction.atomic():
                if reset:
                    loader.reset_demo()
                builder = loader.load(stdout=self.stdout)
                logins = loader.ensure_users() if create_users else []
                loader.load_inquiries()
        except written_files.AlreadyRunning as exc:
            raise CommandError(f"Another load_demo is running (it holds {exc}).") from None
        self.stdout.write(
            self.style.SUCCESS(f"Demo site ready ({builder.created} pages created this run).")
        )
        for username, password, role in logins:
            self.stdout.write(
                f"  {role}: http://127.0.0.1:8000/admin/  user {username}  password {password}"
            )
