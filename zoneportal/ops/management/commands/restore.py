"""manage.py restore <folder>: put a backup made by `manage.py backup` back.

The database is restored into DATABASES["default"], or into --database-url (created
if it does not exist, e.g. to inspect a backup beside the live site). Existing tables
are dropped first (pg_restore --clean --if-exists). Media are unpacked next to
MEDIA_ROOT (or --media-root) and swapped in; the previous folder is kept as
<media>.before-restore-<time>. Stop the app servers first when restoring the live
database. `make restore FROM=<folder>` runs this.

Restoring into the live database (not --database-url elsewhere) then empties every
cache (`manage.py clear_caches`, zoneportal/ops/cache_reset.py): Redis still holds what
the replaced database put there (site ids, rendition ids, fragments), and Wagtail would
act on it, e.g. look up a Site that no longer exists. If Redis cannot be reached the
command fails after restoring, saying so: run `manage.py clear_caches` before starting
the app servers.
"""

import datetime as dt
import json
import shutil
import subprocess
import tarfile
from pathlib import Path

import psycopg
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from psycopg import sql

from zoneportal.ops import cache_reset
from zoneportal.settings.env import ImproperlyConfiguredURL, database_config_from_url

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
    help = "Restore the database and media from a folder made by `manage.py backup`."

    def add_arguments(self, parser):
        parser.add_argument("folder")
        parser.add_argument("--database-url", help="restore into this database instead")
        parser.add_argument("--media-root", help="restore media here instead of MEDIA_ROOT")
        parser.add_argument(
            "--yes", action="store_true", help="confirm replacing the database and media"
        )

    def handle(self, *args, **options):
        folder = Path(options["folder"]).resolve()
        manifest_path = folder / MANIFEST
        if not manifest_path.is_file():
            raise CommandError(f"{folder} is not a complete backup (no {MANIFEST})")
        manifest = json.loads(manifest_path.read_text())
        for name, expected in manifest["files"].items():
            if sha256(folder / name) != expected["sha256"]:
                raise CommandError(f"{folder / name} does not match its SHA-256 in {MANIFEST}")

        if options["database_url"]:
            try:
                db = database_config_from_url(options["database_url"])
            except ImproperlyConfiguredURL as exc:
                raise CommandError(str(exc)) from exc
        else:
            db = settings.DATABASES["default"]
        media_root = Path(options["media_root"] or settings.MEDIA_ROOT).resolve()
        if not options["yes"]:
            raise CommandError(
                f"This replaces database {db['NAME']!r} and the media in {media_root}. "
                "Run again with --yes to go ahead."
            )

        if is_postgresql(db):
            if not (folder / PG_DUMP).is_file():
                raise CommandError("this backup holds no PostgreSQL dump")
            self._create_database_if_missing(db)
            connections.close_all()
            command = ["pg_restore", "--clean", "--if-exists", "--no-owner", "--no-privileges"]
            command += ["--exit-on-error", "--dbname", db["NAME"], str(folder / PG_DUMP)]
            result = subprocess.run(  # noqa: S603 - fixed program, arguments from settings
                command, env=pg_environment(db), capture_output=True, text=True
            )
            if result.returncode:
                raise CommandError(f"pg_restore failed: {result.stderr.strip()}")
        elif db["ENGINE"] == "django.db.backends.sqlite3":
            if not (folder / SQLITE_COPY).is_file():
                raise CommandError("this backup holds no SQLite database")
            connections.close_all()
            shutil.copyfile(folder / SQLITE_COPY, db["NAME"])
        else:
            raise CommandError(f"Cannot restore into a {db['ENGINE']} database")

        self._restore_media(folder / MEDIA_TAR, media_root)
        self.stdout.write(f"Restored {folder.name} into {db['NAME']} and {media_root}")
        if self._is_live_database(db):
            try:
                cache_reset.clear_all()
            except cache_reset.CacheNotCleared as exc:
                raise CommandError(
                    f"Restored, but the caches still hold the old database's data ({exc}). "
                    "Run `manage.py clear_caches` before starting the app servers."
                ) from exc
            self.stdout.write("Cleared the caches (they held the replaced database's data)")

    @staticmethod
    def _is_live_database(db) -> bool:
        live = settings.DATABASES["default"]
        return all(
            str(db.get(key) or "") == str(live.get(key) or "")
            for key in ("ENGINE", "NAME", "HOST", "PORT")
        )

    def _create_database_if_missing(self, db):
        params = {
            "host": db.get("HOST") or None,
            "port": db.get("PORT") or None,
            "user": db.get("USER") or None,
            "password": db.get("PASSWORD") or None,
        }
        with psycopg.connect(dbname="postgres", autocommit=True, **params) as conn:
            exists = conn.execute(
                "SELECT 1 FROM pg_database WHERE datname = %s", [db["NAME"]]
            ).fetchone()
            if not exists:
                conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(db["NAME"])))
                self.stdout.write(f"Created database {db['NAME']}")

    def _restore_media(self, archive_path: Path, media_root: Path):
        stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
        unpacked = media_root.with_name(f"{media_root.name}.restoring-{stamp}")
        unpacked.mkdir(parents=True)
        with tarfile.open(archive_path, "r:gz") as archive:
            archive.extractall(unpacked, filter="data")
        if media_root.exists():
            media_root.rename(media_root.with_name(f"{media_root.name}.before-restore-{stamp}"))
        unpacked.rename(media_root)
