"""Helpers for the operations tests: a private redis-server on a free port."""

import os
import shutil
import subprocess
import time

import pytest

from tests.processes import free_port

needs_redis = pytest.mark.skipif(
    not os.environ.get("REDIS_URL") or shutil.which("redis-server") is None,
    reason="needs REDIS_URL and redis-server (run with the PostgreSQL/Redis suite)",
)


class RedisServer:
    """A throwaway redis-server (no persistence) that a test can kill and restart."""

    def __init__(self, tmp_path):
        self.port = free_port()
        self.dir = tmp_path
        self.process = None

    @property
    def url(self) -> str:
        return f"redis://127.0.0.1:{self.port}/0"

    def start(self):
        self.process = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(self.port),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--daemonize",
                "no",
                "--dir",
                str(self.dir),
            ],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        deadline = time.monotonic() + 10
        while time.monotonic() < deadline:
            if self.cli("PING") == "PONG":
                return
            time.sleep(0.05)
        raise RuntimeError("redis-server did not start")

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(timeout=10)
        self.process = None

    def cli(self, *args) -> str:
        result = subprocess.run(
            ["redis-cli", "-h", "127.0.0.1", "-p", str(self.port), *args],
            capture_output=True,
            text=True,
            timeout=10,
        )
        return result.stdout.strip()

    def key_count(self) -> int:
        return int(self.cli("DBSIZE") or 0)


@pytest.fixture
def redis_server(tmp_path):
    server = RedisServer(tmp_path)
    server.start()
    yield server
    server.stop()


# -- a small news site ------------------------------------------------------------------
@pytest.fixture
def news_index(site_home, make_page):
    from zoneportal.core.models import SectionPage
    from zoneportal.news.models import NewsIndexPage

    media_center = make_page(site_home, SectionPage, title="Media Center", slug="media-center")
    return make_page(media_center, NewsIndexPage, title="News", slug="news")


@pytest.fixture
def article(news_index, make_page):
    import datetime as dt

    from zoneportal.news.models import NewsArticlePage

    return make_page(
        news_index,
        NewsArticlePage,
        title="Park opens",
        slug="park-opens",
        publication_date=dt.date(2024, 5, 6),
    )
