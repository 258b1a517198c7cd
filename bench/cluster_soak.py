"""Constant-rate soak of the local cluster: the mixed load of bench/cluster_mixed.lua
(80 % cached, 15 % uncached, 5 % search) sent at a fixed rate, with latency measured
from each request's scheduled time (no coordinated omission: a stalled server shows
up as latency, not as a lower rate), and the RSS of every gunicorn process sampled.

    .venv/bin/python bench/cluster_soak.py --rate 50 --minutes 30 --out var/soak.jsonl

wrk2 (constant-rate wrk) is not packaged in Debian, hence this driver. Prints one line
per window (`--window` seconds): sent, 5xx, 429, errors, p50/p99 latency, and the RSS
of each gunicorn master and worker (by pid), and a summary of the first and last window.
"""

import argparse
import json
import os
import random
import statistics
import sys
import threading
import time
from collections import Counter
from pathlib import Path

import requests

CACHED = [
    "/en/",
    "/en/media-center/news/",
    "/en/media-center/news/wuxi-to-deepen-cooperation-with-japan-and-south-korea/",
    "/en/business/industrial-parks/wuxi-singapore-industrial-park/",
    "/en/about/",
    "/en/business/key-industries/integrated-circuits/",
    "/zh/",
    "/ja/media-center/news/",
]
QUERIES = ["park", "SK+Hynix", "semiconductor", "investment", "Wuxi", "policy"]


def pick(rng: random.Random) -> tuple[str, dict]:
    roll = rng.randrange(100)
    if roll < 80:
        return rng.choice(CACHED), {}
    if roll < 95:
        return rng.choice(CACHED), {"Cookie": "sessionid=soak"}
    return f"/en/search/?q={rng.choice(QUERIES)}", {}


def gunicorn_rss(cluster_dir: Path) -> dict[str, int]:
    """RSS in KiB of each gunicorn master and worker of app servers A and B."""
    rss = {}
    for name in ("a", "b"):
        pidfile = cluster_dir / f"app-{name}.pid"
        if not pidfile.exists():
            continue
        master = int(pidfile.read_text())
        pids = [master]
        children = Path(f"/proc/{master}/task/{master}/children")
        if children.exists():
            pids += [int(p) for p in children.read_text().split()]
        for pid in pids:
            try:
                status = Path(f"/proc/{pid}/status").read_text()
            except OSError:
                continue
            kib = next(
                int(line.split()[1]) for line in status.splitlines() if line.startswith("VmRSS")
            )
            role = "master" if pid == master else "worker"
            rss[f"{name.upper()}-{role}-{pid}"] = kib
    return rss


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--rate", type=float, default=50.0, help="requests per second")
    parser.add_argument("--minutes", type=float, default=30.0)
    parser.add_argument("--window", type=float, default=60.0, help="seconds per report line")
    parser.add_argument("--threads", type=int, default=48)
    parser.add_argument("--cluster-dir", default="var/cluster")
    parser.add_argument("--out", default=None, help="also append JSON lines here")
    args = parser.parse_args()

    cluster_dir = Path(args.cluster_dir)
    interval = 1.0 / args.rate
    total = int(args.rate * args.minutes * 60)
    start = time.monotonic() + 0.5
    next_index = 0
    index_lock = threading.Lock()
    results_lock = threading.Lock()
    windows: dict[int, dict] = {}

    def record(window: int, status, latency_ms: float) -> None:
        with results_lock:
            entry = windows.setdefault(window, {"latencies": [], "statuses": Counter()})
            entry["latencies"].append(latency_ms)
            entry["statuses"][status] += 1

    def worker(seed: int) -> None:
        nonlocal next_index
        rng = random.Random(seed)
        session = requests.Session()
        while True:
            with index_lock:
                index = next_index
                next_index += 1
            if index >= total:
                return
            scheduled = start + index * interval
            delay = scheduled - time.monotonic()
            if delay > 0:
                time.sleep(delay)
            path, headers = pick(rng)
            try:
                status = session.get(args.base + path, headers=headers, timeout=30).status_code
            except requests.RequestException as exc:
                status = type(exc).__name__
            latency = (time.monotonic() - scheduled) * 1000
            record(int((scheduled - start) // args.window), status, latency)

    pool = [threading.Thread(target=worker, args=(i,), daemon=True) for i in range(args.threads)]
    for thread in pool:
        thread.start()

    out = open(args.out, "a") if args.out else None  # noqa: SIM115 - closed below
    reported = 0
    summaries = []
    last_window = int((total * interval) // args.window)
    while reported <= last_window:
        time.sleep(1)
        current = int((time.monotonic() - start - 5) // args.window)  # 5 s for stragglers
        alive = any(t.is_alive() for t in pool)
        while reported <= last_window and (reported < current or not alive):
            with results_lock:
                entry = windows.pop(reported, {"latencies": [], "statuses": Counter()})
            lat = sorted(entry["latencies"])
            statuses = entry["statuses"]
            line = {
                "window": reported,
                "at": time.strftime("%H:%M:%S"),
                "sent": len(lat),
                "5xx": sum(n for s, n in statuses.items() if isinstance(s, int) and s >= 500),
                "429": statuses.get(429, 0),
                "errors": sum(n for s, n in statuses.items() if not isinstance(s, int)),
                "p50_ms": round(statistics.median(lat), 1) if lat else None,
                "p99_ms": round(lat[max(0, int(len(lat) * 0.99) - 1)], 1) if lat else None,
                "rss_kib": gunicorn_rss(cluster_dir),
            }
            summaries.append(line)
            print(json.dumps(line), flush=True)
            if out:
                out.write(json.dumps(line) + "\n")
                out.flush()
            reported += 1
        if not alive and reported > last_window:
            break
    if out:
        out.close()
    full = [s for s in summaries if s["sent"] >= args.rate * args.window * 0.9]
    if len(full) >= 2:
        first, last = full[0], full[-1]
        print(f"first window p99 {first['p99_ms']} ms, last window p99 {last['p99_ms']} ms")
        for key in sorted(set(first["rss_kib"]) | set(last["rss_kib"])):
            print(f"  {key}: {first['rss_kib'].get(key)} -> {last['rss_kib'].get(key)} KiB")
    print("5xx in all:", sum(s["5xx"] for s in summaries), file=sys.stderr)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    main()
