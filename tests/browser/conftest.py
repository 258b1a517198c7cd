"""Browser tests: Playwright drives Debian's chromium against a real server.

A session-scoped fixture builds a throwaway SQLite database and media folder, loads
the demo site into it and serves it with Django's development server on 127.0.0.1,
so the tests see exactly what a newcomer sees after `make run`.

Where /usr/bin/chromium is missing the tests skip with that reason, except when
ZONEPORTAL_REQUIRE_BROWSER=1 (set by .ci/run), where a missing browser fails.
"""

import os
import shutil
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.processes import CHROMIUM, CHROMIUM_ARGS  # noqa: F401 - CHROMIUM_ARGS for others
from tests.processes import free_port as _free_port
from tests.processes import manage as _manage

REPO = Path(__file__).resolve().parents[2]


def _chromium_available() -> bool:
    return Path(CHROMIUM).exists() and os.access(CHROMIUM, os.X_OK)


def pytest_collection_modifyitems(config, items):
    if _chromium_available():
        return
    if os.environ.get("ZONEPORTAL_REQUIRE_BROWSER") == "1":
        raise pytest.UsageError(f"ZONEPORTAL_REQUIRE_BROWSER=1 but no chromium at {CHROMIUM}")
    reason = f"chromium not installed at {CHROMIUM} (apt-get install chromium to run browser tests)"
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.skip(reason=reason))


# Every demo page is translated; the language-switch journey needs one that is not.
ENGLISH_ONLY_PAGE = """
from zoneportal.core.models import SectionPage, StandardPage
about = SectionPage.objects.get(locale__language_code="en", slug="about")
page = StandardPage(title="Briefing for investors (English only)", slug="english-only-briefing")
about.add_child(instance=page)
page.save_revision().publish()
"""
ENGLISH_ONLY_URL = "/en/about/english-only-briefing/"


@pytest.fixture(scope="session")
def demo_mailbox(tmp_path_factory):
    """Folder where the demo server's email lands (Django's file backend); see read_mailbox."""
    return tmp_path_factory.mktemp("demo-mailbox")


def read_mailbox(folder) -> list:
    """Every email the demo server sent so far, oldest first, as email.message objects."""
    import email
    import email.policy

    messages = []
    for path in sorted(Path(folder).glob("*.log"), key=lambda p: p.stat().st_mtime):
        for chunk in path.read_bytes().split(b"\n" + b"-" * 79 + b"\n"):
            if chunk.strip():
                messages.append(email.message_from_bytes(chunk, policy=email.policy.default))
    return messages


@pytest.fixture(scope="session")
def demo_server(tmp_path_factory, demo_mailbox):
    """Base URL of a dev server with the demo site loaded (fresh database)."""
    workdir = tmp_path_factory.mktemp("demo-server")
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "zoneportal.settings.dev",
        "SQLITE_PATH": str(workdir / "db.sqlite3"),
        "MEDIA_ROOT": str(workdir / "media"),
        "PYTHONUNBUFFERED": "1",
        "EMAIL_BACKEND": "django.core.mail.backends.filebased.EmailBackend",
        "EMAIL_FILE_PATH": str(demo_mailbox),
    }
    env.pop("DATABASE_URL", None)
    env.pop("REDIS_URL", None)
    _manage(env, "migrate", "--no-input")
    _manage(env, "load_demo", "--users")
    _manage(env, "shell", "-v", "0", "-c", ENGLISH_ONLY_PAGE)
    port = _free_port()
    log = open(workdir / "server.log", "w")  # noqa: SIM115 - closed at teardown
    server = subprocess.Popen(
        [
            sys.executable,
            "manage.py",
            "runserver",
            "--noreload",
            f"127.0.0.1:{port}",
        ],
        cwd=REPO,
        env=env,
        stdout=log,
        stderr=subprocess.STDOUT,
    )
    base_url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 60
    while True:
        try:
            urllib.request.urlopen(base_url + "/robots.txt", timeout=2)  # noqa: S310
            break
        except OSError:
            if server.poll() is not None or time.monotonic() > deadline:
                log.close()
                raise RuntimeError((workdir / "server.log").read_text()[-3000:]) from None
            time.sleep(0.3)
    yield base_url
    server.terminate()
    server.wait(timeout=10)
    log.close()


@pytest.fixture
def page(browser, demo_server):
    context = browser.new_context(base_url=demo_server, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    errors = []
    tab.on("pageerror", lambda exc: errors.append(str(exc)))
    tab.on("console", lambda msg: errors.append(msg.text) if msg.type == "error" else None)
    yield tab
    context.close()
    assert not errors, f"JavaScript errors in the browser: {errors}"


@pytest.fixture
def mobile_page(browser, demo_server):
    context = browser.new_context(
        base_url=demo_server, viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True
    )
    tab = context.new_page()
    yield tab
    context.close()


@pytest.fixture(scope="session")
def downloads_dir(tmp_path_factory):
    path = tmp_path_factory.mktemp("downloads")
    yield path
    shutil.rmtree(path, ignore_errors=True)
