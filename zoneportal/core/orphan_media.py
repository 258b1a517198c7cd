"""Media files that no database row refers to ("orphans").

Django writes an uploaded file before it inserts the row, so a process killed in
between (kill -9, a power cut, a crashed worker) or a transaction rolled back after
the write (`load_demo` runs in one) leaves the file behind with nothing pointing to
it. `orphan_files` finds them in the folders Wagtail and the project upload to;
`manage.py clean_orphan_media` lists them and, with --delete, removes them.

A file counts as referenced when any FileField or ImageField of any installed model
(images, renditions, documents, video and caption files, anything added later)
holds its name. Files younger than the age threshold are never touched: that is an
upload still in flight, whose row is about to be written.
"""

import datetime as dt
import posixpath
from collections.abc import Iterable

from django.apps import apps
from django.core.files.storage import default_storage
from django.db import models
from django.utils import timezone

# original_images/ (Wagtail images), images/ (their renditions), documents/ (Wagtail
# documents), videos/ (VideoFile and, under videos/captions/, CaptionsFile).
MEDIA_FOLDERS = ("original_images", "images", "documents", "videos")
DEFAULT_MIN_AGE = dt.timedelta(hours=24)


def referenced_names() -> set[str]:
    """Every file name held by a file field of any installed model."""
    names = set()
    for model in apps.get_models():
        for field in model._meta.concrete_fields:
            if isinstance(field, models.FileField):
                values = model._base_manager.exclude(**{field.attname: ""})
                names.update(values.values_list(field.attname, flat=True).distinct())
    names.discard(None)
    return names


def _listdir(storage, folder: str) -> tuple[list[str], list[str]]:
    # Not storage.exists(folder): an object store has no folders, only key prefixes,
    # so it says a folder does not exist; its listdir() lists the prefix. A missing
    # folder on disk raises instead.
    try:
        return storage.listdir(folder)
    except FileNotFoundError:
        return [], []


def stored_files(storage=default_storage, folders: Iterable[str] = MEDIA_FOLDERS):
    """Names of every file under `folders`, walking subfolders (disk or object store)."""
    pending = list(folders)
    while pending:
        folder = pending.pop()
        subfolders, files = _listdir(storage, folder)
        pending.extend(posixpath.join(folder, name) for name in subfolders)
        yield from (posixpath.join(folder, name) for name in files)


def orphan_files(
    storage=default_storage,
    min_age: dt.timedelta = DEFAULT_MIN_AGE,
    folders: Iterable[str] = MEDIA_FOLDERS,
    now: dt.datetime | None = None,
) -> list[str]:
    """Files under `folders` that no row refers to and older than `min_age`, sorted."""
    now = now or timezone.now()
    # Old enough first, then the rows: a row committed meanwhile is still seen.
    old_enough = [
        name
        for name in stored_files(storage, folders)
        if now - storage.get_modified_time(name) >= min_age  # else maybe still uploading
    ]
    referenced = referenced_names()
    return sorted(name for name in old_enough if name not in referenced)


def delete_unreferenced(names: Iterable[str], storage=default_storage) -> list[str]:
    """Delete those of `names` that exist and no row refers to; return them.

    For files the caller knows it wrote itself (no age threshold).
    """
    referenced = referenced_names()
    deleted = []
    for name in sorted(set(names) - referenced):
        if storage.exists(name):
            storage.delete(name)
            deleted.append(name)
    return deleted
