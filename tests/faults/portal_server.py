"""Start a real portal (gunicorn) with a message page, and post forms to it.

Used by tests/faults/test_inquiry_faults.py (100 concurrent submissions) and by
bench/inquiries.py. The database is a fresh SQLite file, or a fresh PostgreSQL
database created next to the one in `postgres_url` and dropped afterwards.
"""

import http.cookiejar
import json
import os
import re
import subprocess
import sys
import time
import urllib.parse
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

from tests.processes import REPO, free_port  # noqa: F401 - used by the fault tests
from tests.processes import manage as _manage

PAGE_PATH = "/en/leave-your-message/"

SETUP_CONTENT = """
from wagtail.models import Locale, Page, Site
from zoneportal.core.models import HomePage
from zoneportal.inquiries.models import InquiryPage
root = Page.get_first_root_node()
for child in root.get_children():
    if child.specific_class is Page:
        child.delete()
home = HomePage(title="Home", slug="home", locale=Locale.objects.get(language_code="en"))
root.add_child(instance=home)
home.save_revision().publish()
Site.objects.update_or_create(
    is_default_site=True,
    defaults={"hostname": "127.0.0.1", "port": 80, "root_page": home, "site_name": "WND"},
)
page = InquiryPage(title="Leave Your Message Here", slug="leave-your-message")
home.add_child(instance=page)
page.save_revision().publish()
"""

COUNT_INQUIRIES = """
import json
from zoneportal.inquiries.models import Inquiry, OutgoingEmail
rows = list(Inquiry.objects.values_list("reference", "status"))
print(json.dumps({"references": [r for r, _s in rows], "statuses": [s for _r, s in rows],
                  "emails": OutgoingEmail.objects.count()}))
"""


@contextmanager
def _database(workdir: Path, postgres_url: str | None):
    """Environment variables for a fresh database; dropped afterwards (PostgreSQL)."""
    if not postgres_url:
        yield {"SQLITE_PATH": str(workdir / "portal.sqlite3")}
        return
    import psycopg

    name = f"zoneportal_faults_{uuid.uuid4().hex[:8]}"
    parts = urllib.parse.urlsplit(postgres_url)
    admin_url = urllib.parse.urlunsplit(parts._replace(path="/postgres"))
    with psycopg.connect(admin_url, autocommit=True) as conn:
        conn.execute(f'CREATE DATABASE "{name}"')
    try:
        yield {"PORTAL_DATABASE_URL": urllib.parse.urlunsplit(parts._replace(path=f"/{name}"))}
    finally:
        with psycopg.connect(admin_url, autocommit=True) as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@contextmanager
def running_portal(workdir: Path, postgres_url: str | None = None, workers=2, threads=8):
    """Yield (base_url, env) of a gunicorn serving a fresh portal with a message page."""
    with _database(workdir, postgres_url) as db_env:
        env = {
            **os.environ,
            **db_env,
            "DJANGO_SETTINGS_MODULE": "tests.faults.portal_settings",
            "MEDIA_ROOT": str(workdir / "media"),
            "PYTHONUNBUFFERED": "1",
        }
        env.pop("DATABASE_URL", None)
        env.pop("REDIS_URL", None)
        _manage(env, "migrate", "--no-input")
        _manage(env, "shell", "-v", "0", "-c", SETUP_CONTENT)
        port = free_port()
        log = open(workdir / "gunicorn.log", "w")  # noqa: SIM115 - closed below
        server = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "zoneportal.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                str(workers),
                "--threads",
                str(threads),
                "--worker-class",
                "gthread",
                "--timeout",
                "60",
            ],
            cwd=REPO,
            env=env,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
        base_url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 60
            while True:
                try:
                    urllib.request.urlopen(base_url + PAGE_PATH, timeout=5)  # noqa: S310
                    break
                except OSError:
                    if server.poll() is not None or time.monotonic() > deadline:
                        raise RuntimeError((workdir / "gunicorn.log").read_text()[-3000:]) from None
                    time.sleep(0.3)
            yield base_url, env
        finally:
            server.terminate()
            server.wait(timeout=20)
            log.close()


def stored_inquiries(env) -> dict:
    """References, statuses and email count in the portal's database."""
    output = _manage(env, "shell", "-v", "0", "-c", COUNT_INQUIRIES).stdout
    return json.loads(output.strip().splitlines()[-1])


class FormVisitor:
    """One browser-less visitor: loads the form (cookie, CSRF token, form key), posts it."""

    FIELD = re.compile(r'name="(csrfmiddlewaretoken|form_key)" value="([^"]+)"')

    def __init__(self, base_url: str):
        self.base_url = base_url
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()),
            _NoRedirect(),
        )

    def load(self) -> dict:
        with self.opener.open(self.base_url + PAGE_PATH, timeout=60) as response:
            html = response.read().decode()
        return dict(self.FIELD.findall(html))

    def post(self, hidden: dict, number: int) -> tuple[int, str]:
        data = {
            **hidden,
            "name": f"Visitor {number}",
            "organisation": "Load Test GmbH",
            "country": "DE",
            "email": f"visitor{number}@example.com",
            "phone": "",
            "industry": "",
            "stage": "exploring",
            "message": f"Message number {number}: we look for a site near Wuxi.",
            "reply_language": "en",
            "consent": "on",
            "website": "",
        }
        request = urllib.request.Request(  # noqa: S310
            self.base_url + PAGE_PATH,
            data=urllib.parse.urlencode(data).encode(),
            headers={"Referer": self.base_url + PAGE_PATH},
        )
        try:
            with self.opener.open(request, timeout=60) as response:
                return response.status, response.headers.get("Location", "")
        except urllib.error.HTTPError as error:
            return error.code, error.headers.get("Location", "")


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None
