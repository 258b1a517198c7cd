"""/healthz and /readyz for load balancers, orchestrators and monitoring.

Answered by the first middleware, before host validation, HTTPS redirect, sessions,
language prefixes and the Site lookup (which needs the database): a probe addressed
to an app server's IP and port gets an answer, and /healthz never touches the
database or the cache.

- /healthz: the process is alive and serving (200, no dependencies checked).
- /readyz: the database, the cache and media storage (the folder writable, or the
  bucket there and readable with the credentials, asked with a 2 s timeout) are
  reachable (200), else 503 with a JSON body naming what failed. While Redis is
  down pages are still served (the cache fails open) but /readyz reports it: a
  load balancer probe should ask for /readyz?skip=cache,tasks (docs/operations.md,
  "Health endpoints").
- /readyz also reports the background task queue ("tasks": how many tasks wait, how
  long the oldest has been due) and fails it as "QueueStalled" when that is longer than
  ZONEPORTAL_TASK_QUEUE_STALL_SECONDS and no task was started meanwhile: no task worker
  runs, or it is stuck (zoneportal/ops/task_queue.py). Pages do not depend on it, hence skip=tasks for probes.
"""

import logging
import os
import time
import uuid

from django.core.cache import caches
from django.core.files.storage import FileSystemStorage, storages
from django.db import connections
from django.http import HttpResponseNotAllowed, JsonResponse

logger = logging.getLogger("zoneportal.ops.health")

HEALTH_PATHS = {"/healthz", "/healthz/"}
READY_PATHS = {"/readyz", "/readyz/"}


def _no_store(response):
    response["Cache-Control"] = "no-store"
    return response


def check_database() -> None:
    with connections["default"].cursor() as cursor:
        cursor.execute("SELECT 1")
        cursor.fetchone()


def check_cache() -> None:
    cache = caches["default"]
    try:
        from django_redis.cache import RedisCache
    except ImportError:  # pragma: no cover - django-redis is a dependency
        RedisCache = None  # noqa: N806
    if RedisCache is not None and isinstance(cache, RedisCache):
        # Ask Redis itself: the cache API fails open and would hide an outage.
        RedisCache.client.fget(cache).get_client(write=True).ping()
        return
    key = f"zoneportal:readyz:{uuid.uuid4().hex}"
    cache.set(key, "1", timeout=10)
    if cache.get(key) != "1":
        raise RuntimeError("cache did not return a value just written")
    cache.delete(key)


# Seconds the object-store probe may take to connect, and then to answer.
STORAGE_TIMEOUT = 2.0


def _bucket_probe(storage):
    """An S3 client made like the storage's own, but with short timeouts and one attempt.

    boto3's defaults (60 s to connect, 60 s to read, up to 5 attempts) would hold
    /readyz for minutes when the endpoint stops answering. Built once per storage.
    """
    client = getattr(storage, "_zoneportal_readyz_client", None)
    if client is None:
        from botocore.config import Config

        config = storage.client_config.merge(
            Config(
                connect_timeout=STORAGE_TIMEOUT,
                read_timeout=STORAGE_TIMEOUT,
                retries={"total_max_attempts": 1},
            )
        )
        client = storage._create_session().client(
            "s3",
            region_name=storage.region_name,
            use_ssl=storage.use_ssl,
            endpoint_url=storage.endpoint_url,
            config=config,
            verify=storage.verify,
        )
        storage._zoneportal_readyz_client = client
    return client


def check_storage() -> None:
    storage = storages["default"]
    if isinstance(storage, FileSystemStorage):
        location = storage.location
        os.makedirs(location, exist_ok=True)
        if not os.access(location, os.W_OK | os.X_OK):
            raise PermissionError(f"{location} is not writable")
        return
    try:
        from storages.backends.s3 import S3Storage
    except ImportError:  # django-storages is the optional ".[s3]" extra
        S3Storage = None  # noqa: N806
    if S3Storage is not None and isinstance(storage, S3Storage):
        # HEAD on the bucket: a missing bucket is 404 and refused credentials 403, both
        # errors. (HEAD on a missing object answers 404 for a missing bucket too, so
        # `exists()` would report a misnamed bucket as ready.)
        _bucket_probe(storage).head_bucket(Bucket=storage.bucket_name)
        return
    storage.exists(".zoneportal-readyz")  # another backend: one request to it


class QueueStalled(RuntimeError):
    """The oldest due task waited longer than ZONEPORTAL_TASK_QUEUE_STALL_SECONDS."""

    def __init__(self, details: dict):
        super().__init__(
            f"{details['waiting']} tasks waiting, the oldest due for "
            f"{details['oldest_due_seconds']} s: is a task worker (db_worker) running?"
        )
        self.details = details


def check_tasks() -> dict:
    from .task_queue import queue_status

    status = queue_status()
    if status is None:
        return {"backend": "immediate"}
    details = status.as_dict()
    if status.stalled:
        raise QueueStalled(details)
    return details


CHECKS = {
    "database": check_database,
    "cache": check_cache,
    "storage": check_storage,
    "tasks": check_tasks,
}


def healthz(request):
    return _no_store(JsonResponse({"status": "ok"}))


def readyz(request):
    """`?skip=cache` leaves a check out: a load balancer's probe should not take every
    app server out of service for a Redis outage that pages survive."""
    skipped = set(request.GET.get("skip", "").split(","))
    checks, failed = {}, []
    for name, check in CHECKS.items():
        if name in skipped:
            continue
        started = time.perf_counter()
        try:
            details = check() or {}
        except Exception as exc:  # noqa: BLE001 - any failure means "not ready"
            logger.warning("readiness check %s failed: %s: %s", name, type(exc).__name__, exc)
            checks[name] = {"ok": False, "error": type(exc).__name__, **getattr(exc, "details", {})}
            failed.append(name)
        else:
            checks[name] = {"ok": True, **details}
        checks[name]["ms"] = round((time.perf_counter() - started) * 1000, 1)
    body = {"status": "unavailable" if failed else "ok", "failed": failed, "checks": checks}
    return _no_store(JsonResponse(body, status=503 if failed else 200))


class HealthCheckMiddleware:
    """Serve /healthz and /readyz; must come first in MIDDLEWARE."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        path = request.path_info
        if path in HEALTH_PATHS or path in READY_PATHS:
            if request.method not in ("GET", "HEAD"):
                return _no_store(HttpResponseNotAllowed(["GET", "HEAD"]))
            return healthz(request) if path in HEALTH_PATHS else readyz(request)
        return self.get_response(request)
