"""manage.py backup: the database and the uploaded media into one timestamped folder.

    BACKUP_DIR/zoneportal-20260124T031500Z/
        database.dump     pg_dump -Fc (custom format; pg_restore reads it)
                          or database.sqlite3 for the embedded default
        media.tar.gz      everything under MEDIA_ROOT
        manifest.json     when, what, sizes and SHA-256 sums

The folder is written as <name>.partial and renamed when complete, so a folder
without that suffix is a whole backup. `make backup` runs this.
"""

import datetime as dt
import json
import sqlite3
import subprocess
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from ._backup_common import (
    MANIFEST,
    MEDIA_TAR,
    PG_DUMP,
    SQLITE_COPY,
    is_postgresql,
    pg_environment,
    sha256,
)


class Command(BaseCommand):
    help = "Back up the database and MEDIA_ROOT into a timestamped folder under BACKUP_DIR."

    def add_arguments(self, parser):
        import os

        parser.add_argument(
            "--dir",
            default=os.environ.get("BACKUP_DIR") or str(settings.BASE_DIR / "var" / "backups"),
            help="where to create the backup folder (default: $BACKUP_DIR or var/backups)",
        )

    def handle(self, *args, **options):
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        target = Path(options["dir"]).resolve() / f"zoneportal-{stamp}"
        partial = target.with_name(target.name + ".partial")
        if target.exists() or partial.exists():
            raise CommandError(f"{target} already exists")
        partial.mkdir(parents=True)

        db = settings.DATABASES["default"]
        if is_postgresql(db):
            database_file = partial / PG_DUMP
            command = ["pg_dump", "--format=custom", "--no-owner", "--no-privileges"]
            command += ["--file", str(database_file)]
            result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
                command, env=pg_environment(db), capture_output=True, text=True
            )
            if result.returncode:
                raise CommandError(f"pg_dump failed: {result.stderr.strip()}")
        elif db["ENGINE"] == "django.db.backends.sqlite3":
            database_file = partial / SQLITE_COPY
            connection = connections["default"]
            connection.ensure_connection()
            with sqlite3.connect(database_file) as copy:
                connection.connection.backup(copy)
            copy.close()
        else:
            raise CommandError(f"Cannot back up a {db['ENGINE']} database")

        media_root = Path(settings.MEDIA_ROOT)
        media_file = partial / MEDIA_TAR
        with tarfile.open(media_file, "w:gz") as archive:
            if media_root.is_dir():
                for child in sorted(media_root.iterdir()):
                    archive.add(child, arcname=child.name)

        manifest = {
            "created": stamp,
            "database": {"engine": db["ENGINE"], "name": str(db["NAME"])},
            "media_root": str(media_root),
            "files": {
                path.name: {"bytes": path.stat().st_size, "sha256": sha256(path)}
                for path in (database_file, media_file)
            },
        }
        (partial / MANIFEST).write_text(json.dumps(manifest, indent=2) + "\n")
        partial.rename(target)
        self.stdout.write(str(target))
