"""Fault: the database is unavailable while visitors browse.

Simulated by making every new cursor fail with OperationalError("connection refused"),
which is what Django raises when PostgreSQL is down or the SQLite file cannot be
opened. What the visitor sees: the self-contained error page (no traceback, no
exception name, its text in all four languages, so in theirs too), not cached by
the page cache or the browser, with the security headers; /readyz says 503 so the load
balancer stops sending traffic; and once the database is back, the same URL works.
The inquiry form's own "your message was NOT sent" answer when the database fails
during a submission is in tests/inquiries/test_intake.py (test_database_error_*).
"""

from contextlib import contextmanager
from unittest import mock

import pytest
from django.db import OperationalError, connection
from django.test import Client

from zoneportal.core.models import SectionPage

pytestmark = pytest.mark.django_db


@contextmanager
def database_down():
    def refuse(*args, **kwargs):
        raise OperationalError(
            'connection to server at "127.0.0.1", port 5432 failed: Connection refused'
        )

    with (
        mock.patch.object(connection, "cursor", refuse),
        mock.patch.object(connection, "chunked_cursor", refuse),
    ):
        yield


@pytest.fixture
def page(site_home, make_page):
    return make_page(site_home, SectionPage, title="Investment Guide", slug="guide")


@pytest.mark.parametrize("url", ["/ja/", "/en/guide/", "/ko/search/?q=wafer", "/zh/"])
def test_a_page_view_gets_the_friendly_error_page_without_a_traceback(page, settings, url):
    settings.DEBUG = False
    visitor = Client(raise_request_exception=False)
    with database_down():
        response = visitor.get(url, HTTP_ACCEPT_LANGUAGE="ja")
    assert response.status_code in (500, 503)
    html = response.content.decode()
    # In the visitor's language (the page carries all four: it needs no database).
    assert "申し訳ありません" in html and "Sorry, something went wrong" in html
    assert "抱歉" in html and "죄송합니다" in html
    for leak in ("Traceback", "OperationalError", "5432", "Connection refused", 'File "'):
        assert leak not in html
    # Never cached, and still with the security headers.
    assert "no-store" in response["Cache-Control"] or "private" in response["Cache-Control"]
    assert response["X-Content-Type-Options"] == "nosniff"
    assert "frame-ancestors 'none'" in response["Content-Security-Policy"]


def test_readyz_reports_the_database_and_the_site_comes_back(page, settings):
    settings.DEBUG = False
    visitor = Client(raise_request_exception=False)
    with database_down():
        ready = visitor.get("/readyz")
        assert ready.status_code == 503
        assert "database" in ready.json()["failed"]
        assert visitor.get("/en/guide/").status_code == 500
    # The database is back: the same URLs answer normally, nothing was cached from the outage.
    assert visitor.get("/readyz").status_code == 200
    response = visitor.get("/en/guide/")
    assert response.status_code == 200
    assert "Investment Guide" in response.content.decode()
