"""gunicorn configuration for ZonePortal app servers.

    gunicorn -c deploy/gunicorn.conf.py zoneportal.wsgi

Everything host-specific comes from the environment (defaults in brackets):

- GUNICORN_BIND [127.0.0.1:8000]: address, or several separated by commas.
- GUNICORN_WORKERS [2 x cores + 1, at most 8]; GUNICORN_THREADS [1]: sync workers
  with one thread are right for a CPU-bound render behind a cache; raise threads
  only when a page waits on I/O.
- GUNICORN_TIMEOUT [30] seconds before a silent worker is killed and replaced.
- GUNICORN_MAX_REQUESTS [2000] and GUNICORN_MAX_REQUESTS_JITTER [200]: recycle
  workers so slow leaks cannot grow, at staggered moments.
- GUNICORN_ACCESS_LOG [-] and GUNICORN_ERROR_LOG [-]: file paths, "-" for stdout/err.
- GUNICORN_PIDFILE [none], GUNICORN_LOG_LEVEL [info], GUNICORN_PROC_NAME [zoneportal].
- GUNICORN_WARM_URLS [/en/]: pages rendered once in the master before workers fork
  (with GUNICORN_PRELOAD, the default), so compiled templates and translations are
  shared by every worker, including those recycled by max_requests: no worker's first
  visitor waits for template compilation. Empty to skip.

The access log ends with the request time in microseconds (%(D)s) and the worker
pid, so slow pages and a misbehaving worker can be found with awk.
"""

import multiprocessing
import os


def _int(name: str, default: int) -> int:
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


bind = [b.strip() for b in os.environ.get("GUNICORN_BIND", "127.0.0.1:8000").split(",") if b]
workers = _int("GUNICORN_WORKERS", min(2 * multiprocessing.cpu_count() + 1, 8))
threads = _int("GUNICORN_THREADS", 1)
worker_class = "gthread" if threads > 1 else "sync"

# A worker that has not reported for `timeout` seconds is killed; pages render in
# milliseconds, so 30 s only catches a stuck one. Keep-alive matches the upstream
# keepalive of nginx (its keepalive_timeout must be shorter than this is long).
timeout = _int("GUNICORN_TIMEOUT", 30)
graceful_timeout = _int("GUNICORN_GRACEFUL_TIMEOUT", 20)
keepalive = _int("GUNICORN_KEEPALIVE", 75)

max_requests = _int("GUNICORN_MAX_REQUESTS", 2000)
max_requests_jitter = _int("GUNICORN_MAX_REQUESTS_JITTER", 200)

# Heartbeat files on tmpfs: a worker blocked on a slow disk is not killed by mistake.
worker_tmp_dir = os.environ.get("GUNICORN_WORKER_TMP_DIR", "/dev/shm")  # noqa: S108

# Loading the application in the master shares its memory copy-on-write between
# workers and makes an import error fail the start, not every worker.
preload_app = os.environ.get("GUNICORN_PRELOAD", "true").lower() == "true"

accesslog = os.environ.get("GUNICORN_ACCESS_LOG", "-")
errorlog = os.environ.get("GUNICORN_ERROR_LOG", "-")
loglevel = os.environ.get("GUNICORN_LOG_LEVEL", "info")
# remote address (nginx passes the client in X-Forwarded-For), request, status, bytes,
# referer, agent, request time in microseconds, worker pid.
access_log_format = (
    '%(h)s "%({x-forwarded-for}i)s" %(t)s "%(r)s" %(s)s %(B)s "%(f)s" "%(a)s" %(D)sus %(p)s'
)
pidfile = os.environ.get("GUNICORN_PIDFILE") or None
proc_name = os.environ.get("GUNICORN_PROC_NAME", "zoneportal")

# Only the local proxy talks to gunicorn; trust its X-Forwarded-* headers.
forwarded_allow_ips = os.environ.get("GUNICORN_FORWARDED_ALLOW_IPS", "127.0.0.1,::1")


def when_ready(server):
    """Render GUNICORN_WARM_URLS in the master, then close its connections before forking."""
    urls = [u for u in os.environ.get("GUNICORN_WARM_URLS", "/en/").split(",") if u.strip()]
    if not (preload_app and urls):
        return
    from django.conf import settings
    from django.db import connections
    from django.test import Client

    host = next((h.lstrip(".") for h in settings.ALLOWED_HOSTS if h.strip(".*")), "localhost")
    client = Client(HTTP_HOST=host, HTTP_X_FORWARDED_PROTO="https")
    try:
        for url in urls:
            response = client.get(url.strip())
            server.log.info("warmed %s: %s", url.strip(), response.status_code)
    except Exception:  # a warm-up must never stop the server from starting
        server.log.exception("warm-up of %s failed", urls)
    finally:
        connections.close_all()
