"""/healthz and /readyz: unauthenticated, never cached, outside the language prefixes."""

import pytest
from django.db import OperationalError, connections

from zoneportal.settings.env import cache_config_from_url

from .conftest import free_port


def test_healthz_needs_no_database_and_no_valid_host(client):
    # Not marked django_db: any database access would fail this test.
    response = client.get("/healthz", HTTP_HOST="10.0.0.5:8000")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert response["Cache-Control"] == "no-store"
    assert client.head("/healthz/").status_code == 200


@pytest.mark.django_db
def test_health_endpoints_are_outside_the_language_prefixes(client, site_home):
    assert client.get("/en/healthz/").status_code == 404
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405


@pytest.mark.django_db
def test_readyz_reports_every_dependency(client):
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "ok"
    assert body["failed"] == []
    assert set(body["checks"]) == {"database", "cache", "storage"}
    assert all(check["ok"] for check in body["checks"].values())
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_names_a_failing_database(client, monkeypatch):
    def broken_cursor(*args, **kwargs):
        raise OperationalError("connection refused")

    monkeypatch.setattr(connections["default"], "cursor", broken_cursor)
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["database"]
    assert response.json()["checks"]["database"] == {
        "ok": False,
        "error": "OperationalError",
        "ms": response.json()["checks"]["database"]["ms"],
    }
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_names_an_unreachable_redis_although_pages_fail_open(client, settings):
    dead = f"redis://127.0.0.1:{free_port()}/0"
    settings.CACHES = {
        "default": cache_config_from_url(dead, prefix="zp-ready"),
        "renditions": cache_config_from_url(dead, prefix="zp-ready-r"),
    }
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["cache"]
    assert response.json()["checks"]["cache"]["error"] == "ConnectionError"
    # What a load balancer probe asks: the app serves pages without Redis.
    skipped = client.get("/readyz?skip=cache")
    assert skipped.status_code == 200
    assert set(skipped.json()["checks"]) == {"database", "storage"}


@pytest.mark.django_db
def test_readyz_names_unusable_media_storage(client, settings, tmp_path):
    not_a_directory = tmp_path / "media-is-a-file"
    not_a_directory.write_text("x")
    settings.MEDIA_ROOT = not_a_directory
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]
