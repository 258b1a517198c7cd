"""Shared by the backup and restore commands."""

import hashlib
import os
from pathlib import Path

MANIFEST = "manifest.json"
PG_DUMP = "database.dump"
SQLITE_COPY = "database.sqlite3"
MEDIA_TAR = "media.tar.gz"


def pg_environment(db: dict) -> dict:
    """libpq environment variables for a Django PostgreSQL database entry (the
    password never appears on a command line)."""
    env = dict(os.environ)
    for variable, key in (
        ("PGHOST", "HOST"),
        ("PGPORT", "PORT"),
        ("PGUSER", "USER"),
        ("PGPASSWORD", "PASSWORD"),
        ("PGDATABASE", "NAME"),
    ):
        if db.get(key):
            env[variable] = str(db[key])
    sslmode = (db.get("OPTIONS") or {}).get("sslmode")
    if sslmode:
        env["PGSSLMODE"] = sslmode
    return env


def is_postgresql(db: dict) -> bool:
    return db["ENGINE"] == "django.db.backends.postgresql"


def sha256(path: Path) -> str:
    """Hex SHA-256 of a file, read in 1 MiB chunks (dumps can be large)."""
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()
