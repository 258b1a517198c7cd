"""Submissions per second the inquiry form accepts, against PostgreSQL.

Usage (from the repository root, PostgreSQL on 127.0.0.1):

    .venv/bin/python bench/inquiries.py \
        --database-url postgres://postgres@127.0.0.1:5432/postgres \
        [--concurrency 4 8 16] [--seconds 20]

Starts gunicorn (2 workers, gthread) on 127.0.0.1 with tests/faults/portal_settings
(development settings without DEBUG, rate limits and the minimum fill time raised,
mail to the dummy backend) on a fresh PostgreSQL database created next to the one
in --database-url and dropped afterwards; creates a message page; then, for each
concurrency level, that many client threads post complete, valid forms for
--seconds, each with a fresh form key (new submission token, timestamp 10 s in the
past) and the CSRF cookie and token of one earlier GET. Every accepted post is a
full intake: inquiry, reference, history event, acknowledgement row and the
(immediate-backend) delivery to the dummy mail backend, in one transaction plus
one. Prints a Markdown table: accepted posts per second, p50/p95 latency, errors.
The run is bounded: nothing else runs longer than --seconds per level.
"""

import argparse
import os
import statistics
import sys
import tempfile
import threading
import time
import urllib.error
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.faults.portal_server import (  # noqa: E402
    FormVisitor,
    running_portal,
    stored_inquiries,
)

DEV_SECRET_KEY = "dev-only-insecure-key-never-use-in-production"  # noqa: S105 - tests.faults.portal_settings


def fresh_form_key() -> str:
    from django.conf import settings

    if not settings.configured:
        settings.configure()
    from django.core import signing

    from zoneportal.inquiries.spam import FORM_KEY_SALT

    return signing.dumps(
        {"t": str(uuid.uuid4()), "at": round(time.time() - 10, 3)},
        key=DEV_SECRET_KEY,
        salt=FORM_KEY_SALT,
    )


def run_level(base_url: str, concurrency: int, seconds: float) -> dict:
    visitors = [FormVisitor(base_url) for _ in range(concurrency)]
    hidden = [visitor.load() for visitor in visitors]
    latencies: list[float] = []
    errors: dict[int, int] = {}
    lock = threading.Lock()
    start = time.perf_counter()
    deadline = start + seconds
    counter = [0]

    def work(index: int) -> None:
        visitor = visitors[index]
        while time.perf_counter() < deadline:
            with lock:
                counter[0] += 1
                number = counter[0]
            fields = {**hidden[index], "form_key": fresh_form_key()}
            t0 = time.perf_counter()
            try:
                status, _location = visitor.post(fields, number)
            except (OSError, urllib.error.URLError):
                status = -1
            elapsed = time.perf_counter() - t0
            with lock:
                if status == 303:
                    latencies.append(elapsed)
                else:
                    errors[status] = errors.get(status, 0) + 1

    threads = [threading.Thread(target=work, args=(i,)) for i in range(concurrency)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    wall = time.perf_counter() - start
    latencies.sort()
    return {
        "concurrency": concurrency,
        "accepted": len(latencies),
        "per_second": len(latencies) / wall,
        "p50_ms": 1000 * statistics.median(latencies) if latencies else 0,
        "p95_ms": 1000 * latencies[int(0.95 * (len(latencies) - 1))] if latencies else 0,
        "errors": errors,
        "wall": wall,
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database-url", default=os.environ.get("DATABASE_URL"))
    parser.add_argument("--concurrency", type=int, nargs="+", default=[4, 8, 16])
    parser.add_argument("--seconds", type=float, default=20)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--threads", type=int, default=4)
    args = parser.parse_args()
    if not args.database_url:
        parser.error("--database-url (or DATABASE_URL) is required: this bench is for PostgreSQL")

    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        print(f"starting gunicorn ({args.workers} workers x {args.threads} threads) ...")
        with running_portal(
            workdir, args.database_url, workers=args.workers, threads=args.threads
        ) as (base_url, env):
            run_level(base_url, 2, 3)  # warm up: connections, templates, caches
            results = [run_level(base_url, c, args.seconds) for c in args.concurrency]
            stored = stored_inquiries(env)
    total = sum(r["accepted"] for r in results)
    print()
    print("| client threads | accepted posts | posts/s | p50 ms | p95 ms | errors |")
    print("| ---: | ---: | ---: | ---: | ---: | --- |")
    for r in results:
        print(
            f"| {r['concurrency']} | {r['accepted']} | {r['per_second']:.1f} | "
            f"{r['p50_ms']:.0f} | {r['p95_ms']:.0f} | {r['errors'] or 'none'} |"
        )
    print()
    print(
        f"stored inquiries: {len(stored['references'])} (unique references "
        f"{len(set(stored['references']))}); acknowledgement rows: {stored['emails']}; "
        f"accepted in the measured runs: {total}"
    )
    print(f"load average at the end: {os.getloadavg()}")


if __name__ == "__main__":
    main()
