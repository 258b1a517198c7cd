"""English stemming in the search index: "parks" finds "park", "semiconductor" finds
"Semiconductors".

- SQLite: Wagtail's FTS5 table is recreated with the porter tokenizer
  (`porter unicode61`: Latin words stemmed, other scripts, and so the CJK bigrams of
  `indexing.py`, tokenized as before) and refilled from the index entries, which keep
  the plain text: nothing else to rebuild.
- PostgreSQL: settings now name the "english" text-search configuration. Vectors
  written before were built with the server's `default_text_search_config`; if that
  is not english, they are stale and the entries are deleted. The empty index is then
  refilled by the post_migrate check of `zoneportal.search.filling` at the end of
  this `migrate` (through the task queue).
"""

from django.db import migrations

FTS_COLUMNS = "autocomplete, body, title"


def _tables(apps):
    table = apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table
    return table, f"{table}_fts"


def _rebuild_fts(schema_editor, apps, tokenize: str | None) -> None:
    table, fts = _tables(apps)
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = %s", [fts])
        if cursor.fetchone() is None:
            return  # no FTS5 in this SQLite: Wagtail uses its fallback backend
    options = f", tokenize = '{tokenize}'" if tokenize else ""
    schema_editor.execute(f"DROP TABLE {fts}")
    schema_editor.execute(f"CREATE VIRTUAL TABLE {fts} USING fts5({FTS_COLUMNS}{options})")
    schema_editor.execute(
        f"INSERT INTO {fts} (rowid, title, body, autocomplete) "  # noqa: S608 - model metadata
        f"SELECT id, title, body, autocomplete FROM {table}"
    )


def _drop_stale_vectors(schema_editor, apps) -> None:
    with schema_editor.connection.cursor() as cursor:
        cursor.execute("SELECT current_setting('default_text_search_config')")
        (config,) = cursor.fetchone()
    if config not in ("english", "pg_catalog.english"):
        apps.get_model("wagtailsearch", "IndexEntry").objects.all().delete()


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    if vendor == "sqlite":
        _rebuild_fts(schema_editor, apps, "porter unicode61")
    elif vendor == "postgresql":
        _drop_stale_vectors(schema_editor, apps)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "sqlite":
        _rebuild_fts(schema_editor, apps, None)


class Migration(migrations.Migration):
    dependencies = [("search", "0001_title_body_gin_index")]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
