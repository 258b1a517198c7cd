"""A journal of the media files `load_demo` writes, so a killed run leaves none behind.

`load_demo` builds the demo in one transaction, but files are written to the media
storage as it goes: when the run is killed (kill -9) or fails, the rows go with the
transaction and the files stay, referred to by nothing. So while it runs, every name
the default storage hands out (`get_available_name`, called just before a file is
written) is first appended to a journal file, flushed to disk. The next run starts by
deleting the journalled files that no row refers to (`orphan_media.delete_unreferenced`:
no age threshold is needed, these are known to be the demo's own), and so does a run
that fails, on its way out. A run that commits empties the journal.

The journal is a local file next to the media (MEDIA_ROOT/.load_demo-journal), locked
for the whole run so that a second `load_demo` started meanwhile stops instead of
deleting the files the first one has not committed yet. The lock goes with the
process, also when it is killed.
"""

import contextlib
import fcntl
import os
from pathlib import Path

from django.conf import settings
from django.core.files.storage import storages

from zoneportal.core import orphan_media

JOURNAL_NAME = ".load_demo-journal"


class AlreadyRunning(Exception):
    """Another load_demo holds the journal."""


def journal_path() -> Path:
    return Path(settings.MEDIA_ROOT) / JOURNAL_NAME


def _journalled(handle) -> list[str]:
    handle.seek(0)
    return [line.strip() for line in handle.read().splitlines() if line.strip()]


def _clean(handle) -> list[str]:
    """Delete the journalled files no row refers to, then empty the journal."""
    deleted = orphan_media.delete_unreferenced(_journalled(handle))
    handle.seek(0)
    handle.truncate()
    handle.flush()
    os.fsync(handle.fileno())
    return deleted


@contextlib.contextmanager
def recording(log=None):
    """Journal the files written inside the block; clean up what an earlier run left.

    `log` (a callable) is told how many leftover files were removed.
    """
    path = journal_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("a+", encoding="utf-8") as handle:
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            raise AlreadyRunning(str(path)) from None
        leftovers = _clean(handle)
        if leftovers and log is not None:
            log(f"Removed {len(leftovers)} file(s) left by an interrupted demo load.")
        storage = storages["default"]
        original = storage.get_available_name

        def get_available_name(name, max_length=None):
            name = original(name, max_length=max_length)
            handle.write(name + "\n")
            handle.flush()
            os.fsync(handle.fileno())
            return name

        storage.get_available_name = get_available_name
        try:
            yield
        finally:
            del storage.get_available_name  # the class's method again
            # Committed: the rows refer to the files and nothing is deleted. Rolled
            # back: the files this run wrote go now.
            _clean(handle)
