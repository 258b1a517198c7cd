"""make backup / make restore round trip on PostgreSQL: a page and an image (row and
file) come back in a fresh database and media folder; restoring the live database
empties the caches that still describe the replaced one (and `clear_caches` does so
by hand, on any cache backend)."""

import os
import uuid

import psycopg
import pytest
from django.conf import settings
from django.core.cache import caches
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

# The round trips need PostgreSQL. Earlier transactional tests flush the tables;
# serialized_rollback brings back the rows migrations created (the root page, locales)
# that site_home builds on.
postgresql = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="needs DATABASE_URL=postgres://...",
)


def stale_entries():
    """What a replaced database leaves in the caches: Wagtail's site root paths naming a
    Site that is not there, a rendition, a fragment."""
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    caches["default"].set(
        SITE_ROOT_PATHS_CACHE_KEY,
        [(987654, "/home/", "http://old-site.example", "en")],
        3600,
        version=SITE_ROOT_PATHS_CACHE_VERSION,
    )
    for alias in settings.CACHES:
        caches[alias].set("stale-from-the-old-database", "x", 3600)


def assert_no_stale_entries():
    from wagtail.models.sites import SITE_ROOT_PATHS_CACHE_KEY, SITE_ROOT_PATHS_CACHE_VERSION

    assert (
        caches["default"].get(SITE_ROOT_PATHS_CACHE_KEY, version=SITE_ROOT_PATHS_CACHE_VERSION)
        is None
    )
    for alias in settings.CACHES:
        assert caches[alias].get("stale-from-the-old-database") is None, alias


def test_clear_caches_empties_every_cache_and_only_its_own_redis_keys(capsys):
    alias = "default"
    stale_entries()
    redis_client = None
    if hasattr(caches[alias], "client") and hasattr(caches[alias].client, "get_client"):
        redis_client = caches[alias].client.get_client(write=True)
        redis_client.set("someone-else:1:keep", "1")  # another application's key
    call_command("clear_caches")
    assert_no_stale_entries()
    assert "Cleared cache default" in capsys.readouterr().out
    if redis_client is not None:
        assert redis_client.get("someone-else:1:keep") == b"1", "no FLUSHDB"
        redis_client.delete("someone-else:1:keep")


def test_clear_caches_fails_loudly_when_redis_is_unreachable(settings):
    from zoneportal.settings.env import cache_config_from_url

    settings.CACHES = {
        # Nothing listens on this port (our range); the fail-open backend as in production.
        "default": cache_config_from_url("redis://127.0.0.1:9599/0", prefix="zp-unreachable")
    }
    with pytest.raises(CommandError, match="Could not clear the caches: cache 'default'"):
        call_command("clear_caches")


@postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_restore_into_the_live_database_clears_the_caches(
    site_home, make_page, tmp_path, settings, django_capture_on_commit_callbacks, caplog
):
    """The state of the issue: a restored database behind a cache that still holds the
    old one's site root paths. After `restore` the caches are empty, and deleting or
    publishing a page works (with purging on, as in production) without a warning."""
    from zoneportal.core.models import StandardPage

    page = make_page(site_home, StandardPage, title="Restored page", slug="restored")
    call_command("backup", dir=str(tmp_path / "backups"))
    (folder,) = (tmp_path / "backups").iterdir()
    stale_entries()
    call_command("restore", str(folder), media_root=str(tmp_path / "media-restored"), yes=True)
    assert_no_stale_entries()

    settings.WAGTAILFRONTENDCACHE = {
        "a": {"BACKEND": "zoneportal.ops.purge.PurgeBackend", "LOCATION": "http://127.0.0.1:9598"}
    }
    restored = StandardPage.objects.get(pk=page.pk)
    assert restored.get_site().hostname == "testserver"
    with django_capture_on_commit_callbacks(execute=True):
        restored.save_revision().publish()
        restored.delete()
    assert not StandardPage.objects.filter(pk=page.pk).exists()
    assert not any(r.name == "zoneportal.ops.signals" for r in caplog.records)
    assert not any("missing site" in r.getMessage() for r in caplog.records), "cache cleared"


@postgresql
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
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
    with pytest.raises(CommandError, match="not a complete backup"):
        call_command("restore", str(tmp_path))
