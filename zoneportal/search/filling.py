"""Filling an empty search index without a manual step.

Pages are indexed when they are saved: Wagtail's post_save handler enqueues an index
task (run at once with the ImmediateBackend of development and tests, by
`manage.py db_worker` in production). Two situations leave the index empty while
pages exist, and search then answers "no results" for everything:

- a database that got its pages without their index tasks running: restored from a
  dump without the index rows, loaded by `load_demo` with a task queue and no worker
  yet, pages imported with `bulk_create` or raw SQL;
- a migration that deletes stale index entries (search 0002 on a PostgreSQL server
  whose default text-search configuration is not english).

`fill_empty_index` runs after every `migrate` (post_migrate, connected in apps.py) and
as `manage.py fill_search_index`: if pages exist but none of them is in the index, it
rebuilds the index there and then (Wagtail's `update_index`), in the migrating
process, so it does not wait for a worker. It costs one query when the index is
filled, and a rebuild (about a minute per 10,000 pages) only when it is empty.
"""

import logging

from django.core.management import call_command
from wagtail.models import Page
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_descendants_content_types_pks

logger = logging.getLogger(__name__)


def index_needs_filling() -> bool:
    """True if pages (other than the tree root) exist but none is in the search index."""
    if not Page.objects.filter(depth__gt=1).exists():
        return False
    page_types = get_descendants_content_types_pks(Page)
    return not IndexEntry.objects.filter(content_type_id__in=page_types).exists()


def fill_empty_index() -> bool:
    """Rebuild the search index if it holds no page while pages exist; True if it did."""
    if not index_needs_filling():
        return False
    logger.info("The search index holds no page: rebuilding it (update_index).")
    call_command("update_index", verbosity=0)
    return True


def fill_after_migrate(sender, using="default", **_kwargs) -> None:
    """post_migrate receiver: fill an empty index of the default database."""
    if using == "default":
        fill_empty_index()
