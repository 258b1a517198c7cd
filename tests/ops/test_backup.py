"""make backup / make restore round trip on PostgreSQL: a page and an image (row and
file) come back in a fresh database and media folder."""

import os
import uuid

import psycopg
import pytest
from django.core.management import call_command
from django.db import connection

pytestmark = [
    pytest.mark.skipif(
        not os.environ.get("DATABASE_URL", "").startswith("postgres"),
        reason="needs DATABASE_URL=postgres://...",
    ),
    # Earlier transactional tests flush the tables; serialized_rollback brings back the
    # rows migrations created (the root page, locales) that site_home builds on.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_backup_and_restore_into_a_fresh_database(site_home, make_page, make_image, tmp_path):
    from zoneportal.core.models import StandardPage

    make_page(site_home, StandardPage, title="Backed up page", slug="backed-up")
    image = make_image(title="Backed up image")
    image_name = image.file.name

    call_command("backup", dir=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    assert folder.name.startswith("zoneportal-") and not folder.name.endswith(".partial")
    assert {p.name for p in folder.iterdir()} == {
        "database.dump",
        "media.tar.gz",
        "manifest.json",
    }

    fresh = f"zoneportal_restore_{uuid.uuid4().hex[:8]}"
    params = connection.settings_dict
    url = f"postgres://{params['USER']}@{params['HOST']}:{params['PORT'] or 5432}/{fresh}"
    restored_media = tmp_path / "restored-media"
    try:
        call_command(
            "restore", str(folder), database_url=url, media_root=str(restored_media), yes=True
        )
        with psycopg.connect(
            host=params["HOST"], port=params["PORT"] or 5432, user=params["USER"], dbname=fresh
        ) as conn:
            titles = {row[0] for row in conn.execute("SELECT title FROM wagtailcore_page")}
            files = {row[0] for row in conn.execute("SELECT file FROM core_siteimage")}
        assert "Backed up page" in titles
        assert image_name in files
        assert (restored_media / image_name).is_file()
    finally:
        with psycopg.connect(
            host=params["HOST"],
            port=params["PORT"] or 5432,
            user=params["USER"],
            dbname="postgres",
            autocommit=True,
        ) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{fresh}"')


def test_restore_refuses_without_confirmation(tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not a complete backup"):
        call_command("restore", str(tmp_path))
