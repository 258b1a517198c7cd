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
    assert set(body["checks"]) == {"database", "cache", "storage", "tasks"}
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
    assert set(skipped.json()["checks"]) == {"database", "storage", "tasks"}


@pytest.mark.django_db
def test_readyz_names_unusable_media_storage(client, settings, tmp_path):
    not_a_directory = tmp_path / "media-is-a-file"
    not_a_directory.write_text("x")
    settings.MEDIA_ROOT = not_a_directory
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["failed"] == ["storage"]


def _queue_task(minutes_ago: float, *, status="READY", run_after=None):
    """A task row as django-tasks-db stores it, enqueued `minutes_ago`."""
    import datetime as dt

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult, get_date_max

    task = DBTaskResult.objects.create(
        status=status,
        args_kwargs={"args": [], "kwargs": {}},
        task_path="zoneportal.inquiries.tasks.send_inquiry_email",
        backend_name="default",
        queue_name="default",
        run_after=run_after or get_date_max(),
        priority=0,
    )
    enqueued = timezone.now() - dt.timedelta(minutes=minutes_ago)
    DBTaskResult.objects.filter(pk=task.pk).update(enqueued_at=enqueued)
    return task


@pytest.fixture
def database_queue(settings):
    settings.TASKS = {
        "default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}
    }
    settings.ZONEPORTAL_TASK_QUEUE_STALL_SECONDS = 600


@pytest.mark.django_db
def test_readyz_counts_waiting_tasks_while_a_worker_keeps_up(client, database_queue):
    _queue_task(1)
    _queue_task(0.5)
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    tasks = response.json()["checks"]["tasks"]
    assert tasks["ok"] is True and tasks["stalled"] is False
    assert tasks["waiting"] == 2
    assert 25 < tasks["oldest_due_seconds"] < 120


@pytest.mark.django_db
def test_readyz_names_a_stalled_task_queue(client, database_queue):
    """No worker ran for 20 minutes: /readyz says so, with the number of tasks waiting."""
    _queue_task(20)
    _queue_task(1)
    _queue_task(30, status="SUCCESSFUL")  # done long ago: not waiting
    response = client.get("/readyz")
    assert response.status_code == 503
    body = response.json()
    assert body["failed"] == ["tasks"]
    tasks = body["checks"]["tasks"]
    assert tasks["error"] == "QueueStalled"
    assert tasks["waiting"] == 2 and tasks["stalled"] is True
    assert tasks["oldest_due_seconds"] > 19 * 60
    # A load balancer's probe leaves the queue out: pages do not depend on it.
    assert client.get("/readyz?skip=cache,tasks").status_code == 200


@pytest.mark.django_db
def test_a_worker_busy_with_a_long_backlog_is_not_a_stalled_queue(client, database_queue):
    """After loading a site thousands of index updates wait for a while; the worker
    started one a moment ago, so it is alive."""
    import datetime as dt

    from django.utils import timezone
    from django_tasks_db.models import DBTaskResult

    _queue_task(20)
    busy = _queue_task(25, status="RUNNING")
    DBTaskResult.objects.filter(pk=busy.pk).update(
        started_at=timezone.now() - dt.timedelta(seconds=5)
    )
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    tasks = response.json()["checks"]["tasks"]
    assert tasks["waiting"] == 1 and tasks["running"] == 1 and tasks["stalled"] is False
    assert tasks["last_start_seconds"] < 60


@pytest.mark.django_db
def test_a_retry_scheduled_for_later_is_not_a_stalled_queue(client, database_queue):
    import datetime as dt

    from django.utils import timezone

    later = timezone.now() + dt.timedelta(hours=2)
    _queue_task(60, run_after=later)  # an email's next attempt, in two hours
    response = client.get("/readyz")
    assert response.status_code == 200, response.content
    tasks = response.json()["checks"]["tasks"]
    assert tasks["waiting"] == 0 and tasks["scheduled"] == 1


@pytest.mark.django_db
def test_task_queue_status_command_fails_on_a_stalled_queue(database_queue):
    from io import StringIO

    from django.core.management import CommandError, call_command

    _queue_task(1)
    out = StringIO()
    call_command("task_queue_status", stdout=out)
    assert "1 waiting" in out.getvalue()
    _queue_task(15)
    with pytest.raises(CommandError, match="stalled"):
        call_command("task_queue_status", stdout=StringIO())
