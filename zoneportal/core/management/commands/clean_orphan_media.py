"""List (by default) or delete media files that no database row refers to."""

import datetime as dt

from django.core.files.storage import default_storage
from django.core.management.base import BaseCommand, CommandError

from zoneportal.core import orphan_media


class Command(BaseCommand):
    help = (
        "List the files under original_images/, images/, documents/ and videos/ of the "
        "media storage that no image, rendition, document or video row refers to. Nothing "
        "is deleted without --delete; files younger than --older-than hours are kept."
    )

    def add_arguments(self, parser):
        action = parser.add_mutually_exclusive_group()
        action.add_argument(
            "--dry-run",
            dest="delete",
            action="store_false",
            default=False,
            help="Only list the orphan files (the default).",
        )
        action.add_argument("--delete", action="store_true", help="Delete the orphan files.")
        parser.add_argument(
            "--older-than",
            type=float,
            default=orphan_media.DEFAULT_MIN_AGE.total_seconds() / 3600,
            metavar="HOURS",
            help="Only files last written at least this long ago (default 24): younger "
            "ones may be uploads whose row is not written yet.",
        )

    def handle(self, *args, delete=False, older_than=24.0, **options):
        if older_than < 0:
            raise CommandError("--older-than must be 0 or more hours.")
        orphans = orphan_media.orphan_files(min_age=dt.timedelta(hours=older_than))
        for name in orphans:
            if delete:
                default_storage.delete(name)
            self.stdout.write(f"{'deleted' if delete else 'orphan'}: {name}")
        verb = "Deleted" if delete else "Found"
        self.stdout.write(f"{verb} {len(orphans)} orphan media file(s).")
        if orphans and not delete:
            self.stdout.write("Nothing deleted (dry run); run again with --delete to remove them.")
