"""A GIN index on `title || body` of Wagtail's search index entries (PostgreSQL only).

Wagtail's PostgreSQL backend, and `zoneportal.search.engine`, match pages with
`(title || body) @@ tsquery`; without an index on that expression every search
reads every index entry. Other databases are left alone (SQLite searches its FTS5
table).
"""

from django.db import migrations

INDEX = "zp_search_indexentry_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    table = schema_editor.quote_name(apps.get_model("wagtailsearch", "IndexEntry")._meta.db_table)
    schema_editor.execute(
        f"CREATE INDEX IF NOT EXISTS {INDEX} ON {table} USING gin ((title || body))"
    )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("wagtailsearch", "0010_add_text_fields")]

    operations = [migrations.RunPython(create_index, drop_index, elidable=False)]
