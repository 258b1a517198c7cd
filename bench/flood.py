"""Form flood against the local cluster: one address floods, real visitors get through.

    deploy/local-cluster start
    .venv/bin/python bench/flood.py --base http://127.0.0.1:8080 --rate 50 --seconds 60
    deploy/local-cluster stop

The flooding bot sends the message form RATE times a second for SECONDS seconds from
one client address (127.0.0.2: Linux routes all of 127.0.0.0/8 to loopback, so a
client socket can be bound to any of them, and the cluster's edge nginx passes that
address on as X-Real-IP, which the app servers believe from the load balancer). Like
a cheap bot it loads the page once, keeps the CSRF cookie and posts without a valid
form key, a new email address every time, so only the per-IP limit can stop it.

Meanwhile real visitors come from other addresses (127.0.0.10, .11, ...): each loads
the form, takes a few seconds to fill it in and sends it. At the end the script counts
the flood's answers (303 accepted, 429 rate-limited, anything else) and the visitors'
answers, and prints the latencies and a JSON summary. It exits non-zero when a
visitor was refused, the flood was not held, or any answer was a 5xx.

Only ever point it at a server of your own on 127.0.0.1.
"""

import argparse
import http.client
import json
import re
import statistics
import threading
import time
import urllib.parse
from collections import Counter
from concurrent.futures import ThreadPoolExecutor, wait

PAGE = "/en/leave-your-message/"
FIELDS = re.compile(r'name="(csrfmiddlewaretoken|form_key)" value="([^"]+)"')


class Client:
    """HTTP/1.1 from one local source address, with its own cookies."""

    def __init__(self, base: str, source: str):
        parts = urllib.parse.urlsplit(base)
        self.host, self.port, self.source = parts.hostname, parts.port or 80, source
        self.cookies: dict[str, str] = {}
        self.local = threading.local()

    def _connection(self):
        conn = getattr(self.local, "conn", None)
        if conn is None:
            conn = http.client.HTTPConnection(
                self.host, self.port, timeout=30, source_address=(self.source, 0)
            )
            self.local.conn = conn
        return conn

    def request(self, method, path, body=None):
        headers = {
            "Host": f"{self.host}:{self.port}",
            "Referer": f"http://{self.host}:{self.port}{path}",
        }
        if self.cookies:
            headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if body is not None:
            body = urllib.parse.urlencode(body).encode()
            headers["Content-Type"] = "application/x-www-form-urlencoded"
        for attempt in (1, 2):
            conn = self._connection()
            try:
                started = time.monotonic()
                conn.request(method, path, body=body, headers=headers)
                response = conn.getresponse()
                content = response.read()
                elapsed = time.monotonic() - started
                break
            except (http.client.HTTPException, OSError):
                conn.close()
                self.local.conn = None
                if attempt == 2:
                    return "error", b"", 0.0, {}
        for header, value in response.getheaders():
            if header.lower() == "set-cookie":
                name, _, rest = value.partition("=")
                self.cookies[name.strip()] = rest.split(";", 1)[0]
        return response.status, content, elapsed, dict(response.getheaders())

    def load_form(self) -> dict:
        status, content, _elapsed, _headers = self.request("GET", PAGE)
        assert status == 200, f"form page answered {status}"
        return dict(FIELDS.findall(content.decode()))


def form_data(hidden: dict, name: str, email: str, message: str) -> dict:
    return {
        **hidden,
        "name": name,
        "organisation": "Flood Test",
        "country": "DE",
        "email": email,
        "phone": "",
        "industry": "",
        "stage": "exploring",
        "message": message,
        "reply_language": "en",
        "consent": "on",
        "website": "",
    }


def flood(base, source, rate, seconds, drain, results):
    """Send RATE posts a second for SECONDS seconds (open loop: the schedule does not
    wait for answers); then wait at most DRAIN seconds for the answers still due.
    Posts still queued in this client then are cancelled and counted as "not sent"."""
    bot = Client(base, source)
    hidden = bot.load_form()
    hidden.pop("form_key", None)  # a cheap bot: no valid form key
    interval = 1.0 / rate
    started = time.monotonic()
    pool = ThreadPoolExecutor(max_workers=64)
    futures = []
    for number in range(int(rate * seconds)):
        due = started + number * interval
        pause = due - time.monotonic()
        if pause > 0:
            time.sleep(pause)
        data = form_data(
            hidden, f"Bot {number}", f"bot{number}@flood.example", "Buy cheap things now."
        )
        futures.append(
            pool.submit(lambda d=data: results.append(bot.request("POST", PAGE, d)[::2]))
        )
    sending = time.monotonic() - started
    wait(futures, timeout=drain)
    pool.shutdown(wait=True, cancel_futures=True)
    not_sent = sum(1 for future in futures if future.cancelled())
    return sending, time.monotonic() - started, not_sent


def visitor(base, source, number, fill_seconds, results):
    person = Client(base, source)
    hidden = person.load_form()
    time.sleep(fill_seconds)  # reading and typing; also past the minimum fill time
    data = form_data(
        hidden,
        f"Real Investor {number}",
        f"investor{number}@example.de",
        "We plan a 5,000 m2 plant near Wuxi in 2027 and would like to talk.",
    )
    status, _content, elapsed, headers = person.request("POST", PAGE, data)
    results.append((source, status, elapsed, headers.get("Location", "")))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", default="http://127.0.0.1:8080")
    parser.add_argument("--rate", type=float, default=50)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--flood-from", default="127.0.0.2")
    parser.add_argument("--visitors", type=int, default=12)
    parser.add_argument("--fill-seconds", type=float, default=4)
    parser.add_argument("--drain-seconds", type=float, default=30)
    args = parser.parse_args()

    flood_results, visitor_results = [], []
    started = time.monotonic()
    flooder = threading.Thread(
        target=lambda: flood_results.append(
            (
                "duration",
                flood(
                    args.base,
                    args.flood_from,
                    args.rate,
                    args.seconds,
                    args.drain_seconds,
                    flood_results,
                ),
            )
        )
    )
    flooder.start()
    spacing = max(args.seconds - args.fill_seconds - 2, 1) / max(args.visitors, 1)
    visitors = []
    for number in range(args.visitors):
        time.sleep(spacing if number else 1)
        thread = threading.Thread(
            target=visitor,
            args=(args.base, f"127.0.0.{10 + number}", number, args.fill_seconds, visitor_results),
        )
        thread.start()
        visitors.append(thread)
    flooder.join()
    for thread in visitors:
        thread.join()

    sending, duration, not_sent = next(v for k, v in flood_results if k == "duration")
    answers = [r for r in flood_results if r[0] != "duration"]
    statuses = Counter(status for status, _elapsed in answers)
    latencies = sorted(elapsed for _status, elapsed in answers if elapsed)
    summary = {
        "flood": {
            "from": args.flood_from,
            "scheduled": int(args.rate * args.seconds),
            "answered": len(answers),
            "not_sent_client_backlog": not_sent,
            "sending_seconds": round(sending, 1),
            "last_answer_after_seconds": round(duration, 1),
            "answered_per_second": round(len(answers) / duration, 1),
            "statuses": dict(sorted((str(k), v) for k, v in statuses.items())),
            "latency_ms": {
                "median": round(statistics.median(latencies) * 1000),
                "p95": round(latencies[int(len(latencies) * 0.95) - 1] * 1000),
                "max": round(latencies[-1] * 1000),
            },
        },
        "visitors": {
            "sent": len(visitor_results),
            "statuses": dict(Counter(str(s) for _src, s, _e, _l in visitor_results)),
            "accepted": sum(1 for r in visitor_results if r[1] == 303 and "?sent=" in r[3]),
            "latency_ms_max": round(max(e for _s, _st, e, _l in visitor_results) * 1000),
        },
        "wall_seconds": round(time.monotonic() - started, 1),
    }
    print(json.dumps(summary, indent=2))
    five_xx = [s for s in statuses if s == "error" or (isinstance(s, int) and s >= 500)]
    five_xx += [s for _src, s, _e, _l in visitor_results if s == "error" or s >= 500]
    ok = (
        summary["visitors"]["accepted"] == args.visitors
        and statuses.get(429, 0) > 0
        and not five_xx
    )
    raise SystemExit(0 if ok else 1)


if __name__ == "__main__":
    main()
