"""Fault: `manage.py load_demo` is killed (kill -9) half-way and run again.

On a throwaway database (the CI PostgreSQL server; a SQLite file works too but the
migrate and the demo take minutes on 2 shared cores, so this runs in the
PostgreSQL pass of .ci/run only, like the Redis tests): start load_demo, kill -9 it
once it has written images, and check the database holds none of it (load_demo
runs in one transaction). Run it again to completion, then once more: the demo is
complete, no page exists twice (one URL path per locale), the same number of pages,
images and documents after the third run as after the second (idempotent), and no
file is left on disk without a row: the killed run's images, renditions, documents
and videos are removed by the rerun, which reads the journal the killed run kept of
the files it wrote (zoneportal/demo/written_files.py).
"""

import json
import os
import signal
import subprocess
import sys
import time

import pytest

from .portal_server import REPO, _database, _manage

pytestmark = pytest.mark.skipif(
    not os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="slow on SQLite; runs in the PostgreSQL pass (DATABASE_URL=postgres://...)",
)

SNAPSHOT = """
import json, os
from collections import Counter
from django.conf import settings
from django.db.models import Count
from wagtail.documents import get_document_model
from wagtail.models import Page
from zoneportal.core.models import SiteImage, SiteRendition
from zoneportal.media.models import CaptionsFile, VideoFile
per_locale = Counter(
    Page.objects.filter(depth__gte=2).values_list("locale__language_code", flat=True)
)
duplicates = list(Page.objects.values("locale_id", "url_path").annotate(n=Count("id"))
                  .filter(n__gt=1).values_list("url_path", flat=True))
referenced = {i.file.name for i in SiteImage.objects.all()}
referenced |= {d.file.name for d in get_document_model().objects.all()}
referenced |= {r.file.name for r in SiteRendition.objects.all()}
referenced |= {v.file.name for v in VideoFile.objects.all()}
referenced |= {c.file.name for c in CaptionsFile.objects.all()}
on_disk = set()
for folder in ("original_images", "images", "documents", "videos"):
    root = os.path.join(settings.MEDIA_ROOT, folder)
    for path, _dirs, files in os.walk(root):
        on_disk |= {os.path.relpath(os.path.join(path, f), settings.MEDIA_ROOT) for f in files}
print(json.dumps({
    "pages": Page.objects.count(), "per_locale": per_locale, "duplicates": duplicates,
    "images": SiteImage.objects.count(), "documents": get_document_model().objects.count(),
    "orphans": sorted(on_disk - referenced),
}))
"""


def _snapshot(env) -> dict:
    output = _manage(env, "shell", "-v", "0", "-c", SNAPSHOT).stdout
    return json.loads(output.strip().splitlines()[-1])


def _media_count(media) -> int:
    """Files in the media folders (not the load_demo journal at the top)."""
    return sum(len(files) for path, _dirs, files in os.walk(media) if path != str(media))


def test_a_demo_load_killed_half_way_is_completed_by_running_it_again(tmp_path):
    media = tmp_path / "media"
    with _database(tmp_path, os.environ.get("DATABASE_URL")) as db_env:
        env = {
            **os.environ,
            **db_env,
            "DJANGO_SETTINGS_MODULE": "tests.faults.portal_settings",
            "SQLITE_PATH": str(tmp_path / "demo.sqlite3"),
            "MEDIA_ROOT": str(media),
        }
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        _manage(env, "migrate", "--no-input")
        empty = _snapshot(env)

        loading = subprocess.Popen(
            [sys.executable, "manage.py", "load_demo", "--no-users"],
            cwd=REPO,
            env=env,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 120
        while _media_count(media) < 10 and loading.poll() is None:
            assert time.monotonic() < deadline, "load_demo wrote no images in 120 s"
            time.sleep(0.2)
        assert loading.poll() is None, "load_demo finished before it could be killed"
        loading.send_signal(signal.SIGKILL)
        loading.wait(timeout=30)
        killed = _snapshot(env)
        assert killed["pages"] == empty["pages"]  # the transaction took nothing with it
        assert killed["images"] == 0
        assert len(killed["orphans"]) >= 10  # the files it wrote, no row for them

        second = _manage(env, "load_demo", "--no-users").stdout
        assert "Demo site ready" in second
        assert f"Removed {len(killed['orphans'])} file(s) left by an interrupted" in second
        after_second = _snapshot(env)
        third = _manage(env, "load_demo", "--no-users").stdout
        assert "(0 pages created this run)" in third
        after_third = _snapshot(env)

    print("after the rerun:", {k: v for k, v in after_third.items() if k != "orphans"})
    assert after_second == after_third
    assert after_third["duplicates"] == []
    assert set(after_third["per_locale"]) == {"en", "zh-hans", "ja", "ko"}
    assert after_third["per_locale"]["en"] >= 100
    assert after_third["images"] >= 50
    # The killed run's files went with the rerun: every file on disk has its row.
    assert killed["orphans"] and after_second["orphans"] == []
    assert after_third["orphans"] == []
