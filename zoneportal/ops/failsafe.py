"""Signal receivers that must not break the editor's action.

Publishing, unpublishing, moving or deleting a page runs receivers that keep other
things in step (purging the page cache, bumping the menu version, naming news
topics). None of them is worth losing the editor's change for: a stale cache, an
unreachable server or a bug there must be logged and the change carried on. So
`fail_safe(receiver)` runs the receiver inside a savepoint (a failed query must not
leave the editor's transaction unusable on PostgreSQL) and logs any exception with
its traceback instead of raising it.
"""

import functools
import logging

from django.db import transaction

logger = logging.getLogger("zoneportal.ops.signals")


def fail_safe(receiver):
    name = f"{receiver.__module__}.{receiver.__qualname__}"

    @functools.wraps(receiver)
    def run(*args, **kwargs):
        try:
            with transaction.atomic():
                return receiver(*args, **kwargs)
        except Exception:
            logger.exception(
                "%s failed for %r; the change itself went through", name, kwargs.get("instance")
            )
            return None

    return run
