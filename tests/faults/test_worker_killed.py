"""Fault: a gunicorn worker is killed (SIGKILL: OOM killer, operator) during requests.

A real portal (gunicorn, 2 gthread workers, on a fresh database: the SQLite file, or
PostgreSQL in the CI pass) from tests/faults/portal_server.py.

1. A visitor's inquiry is in flight (headers and half the body sent) when the worker
   holding that connection is killed. The visitor's connection drops (the browser
   shows a network error, never a false "thank you"); the master starts a new worker;
   the next visitors load the form and send it normally; the interrupted inquiry does
   not exist at all.
2. Eight visitors post at the same moment and a worker is killed among them: every
   visitor who got the redirect has a complete inquiry (reference, history event,
   acknowledgement email row); those whose connection dropped send the same form
   again (a reload) and get one inquiry each: nothing is half-written, lost or doubled.
"""

import json
import os
import signal
import socket
import threading
import time
import urllib.parse
from concurrent.futures import ThreadPoolExecutor

from .portal_server import PAGE_PATH, FormVisitor, _manage, running_portal

INTEGRITY = """
import json
from zoneportal.inquiries.models import Inquiry, InquiryEvent, OutgoingEmail
rows = []
for i in Inquiry.objects.all():
    rows.append({
        "name": i.name,
        "reference": i.reference,
        "received": InquiryEvent.objects.filter(inquiry=i, kind="received").count(),
        "emails": OutgoingEmail.objects.filter(inquiry=i).count(),
    })
print(json.dumps({"rows": rows,
                  "events": InquiryEvent.objects.filter(kind="received").count(),
                  "emails": OutgoingEmail.objects.count()}))
"""


def _children(pid: int) -> set[int]:
    result = set()
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat") as stat:
                fields = stat.read().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            result.add(int(entry))
    return result


def _gunicorn_master(port: int) -> int:
    for pid in _children(os.getpid()):
        try:
            with open(f"/proc/{pid}/cmdline", "rb") as cmdline:
                if f"127.0.0.1:{port}".encode() in cmdline.read():
                    return pid
        except OSError:
            continue
    raise AssertionError("gunicorn master not found")


def _socket_inode(server_port: int, client_port: int) -> str | None:
    with open("/proc/net/tcp") as table:
        next(table)
        for line in table:
            fields = line.split()
            local, remote = fields[1], fields[2]
            if (
                int(local.split(":")[1], 16) == server_port
                and int(remote.split(":")[1], 16) == client_port
            ):
                return fields[9]
    return None


def _owner(pids: set[int], inode: str) -> int | None:
    target = f"socket:[{inode}]"
    for pid in pids:
        try:
            for fd in os.listdir(f"/proc/{pid}/fd"):
                if os.readlink(f"/proc/{pid}/fd/{fd}") == target:
                    return pid
        except OSError:
            continue
    return None


def _wait_for_workers(master: int, count: int, gone: set[int], timeout=30) -> set[int]:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        workers = _children(master)
        if len(workers) == count and not workers & gone:
            return workers
        time.sleep(0.2)
    raise AssertionError(f"workers not replaced: {_children(master)}")


def _form_body(hidden: dict, name: str) -> bytes:
    return urllib.parse.urlencode(
        {
            **hidden,
            "name": name,
            "organisation": "Interrupted GmbH",
            "country": "DE",
            "email": "interrupted@example.com",
            "stage": "exploring",
            "message": "This message is cut off when the worker dies. " * 20,
            "reply_language": "en",
            "consent": "on",
            "website": "",
        }
    ).encode()


def _cookie_header(visitor: FormVisitor) -> str:
    jar = next(h.cookiejar for h in visitor.opener.handlers if hasattr(h, "cookiejar"))
    return "; ".join(f"{c.name}={c.value}" for c in jar)


def test_a_worker_killed_mid_request_is_replaced_and_nothing_is_half_written(tmp_path):
    postgres_url = os.environ.get("DATABASE_URL") or None
    with running_portal(tmp_path, postgres_url, workers=2, threads=4) as (base_url, env):
        port = int(base_url.rsplit(":", 1)[1])
        master = _gunicorn_master(port)
        workers = _wait_for_workers(master, 2, set())

        # 1. Kill the worker that is receiving an inquiry.
        visitor = FormVisitor(base_url)
        body = _form_body(visitor.load(), "Interrupted Investor")
        connection = socket.create_connection(("127.0.0.1", port), timeout=10)
        connection.sendall(
            (
                f"POST {PAGE_PATH} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                "Content-Type: application/x-www-form-urlencoded\r\n"
                f"Content-Length: {len(body)}\r\nCookie: {_cookie_header(visitor)}\r\n"
                f"Referer: {base_url}{PAGE_PATH}\r\n\r\n"
            ).encode()
            + body[: len(body) // 2]
        )
        client_port = connection.getsockname()[1]
        victim = None
        deadline = time.monotonic() + 10
        while victim is None and time.monotonic() < deadline:
            inode = _socket_inode(port, client_port)
            victim = _owner(workers, inode) if inode else None
            time.sleep(0.05)
        assert victim in workers, "no worker holds the connection"
        os.kill(victim, signal.SIGKILL)
        try:
            answer = connection.recv(1024)
        except ConnectionResetError:
            answer = b""
        connection.close()
        assert answer == b"", answer[:200]  # dropped: no response, certainly no 303

        workers = _wait_for_workers(master, 2, {victim})
        for _ in range(4):  # both workers serve pages again
            assert FormVisitor(base_url).load()["form_key"]
        after = FormVisitor(base_url)
        assert after.post(after.load(), 1)[0] == 303

        # 2. Kill a worker while eight submissions are being processed.
        visitors = [FormVisitor(base_url) for _ in range(8)]
        forms = [v.load() for v in visitors]
        barrier = threading.Barrier(9, timeout=60)

        def submit(number):
            barrier.wait()
            try:
                return visitors[number].post(forms[number], 100 + number)[0]
            except OSError:
                return "dropped"

        with ThreadPoolExecutor(max_workers=8) as pool:
            futures = [pool.submit(submit, n) for n in range(8)]
            barrier.wait()
            time.sleep(0.05)
            second_victim = sorted(workers)[0]
            os.kill(second_victim, signal.SIGKILL)
            statuses = [future.result() for future in futures]
        _wait_for_workers(master, 2, {second_victim})
        assert set(statuses) <= {303, "dropped"}, statuses
        # Those whose connection dropped send the same form again (reload): one each.
        retried = [
            visitors[n].post(forms[n], 100 + n)[0] for n, s in enumerate(statuses) if s != 303
        ]
        assert retried == [303] * len(retried)

        output = _manage(env, "shell", "-v", "0", "-c", INTEGRITY).stdout
        stored = json.loads(output.strip().splitlines()[-1])

    names = [row["name"] for row in stored["rows"]]
    assert "Interrupted Investor" not in names
    assert names.count("Visitor 1") == 1
    print("statuses of the eight posts when the worker was killed:", statuses)
    # Every "thank you" was true, and the reloads lost nothing and doubled nothing.
    assert {f"Visitor {100 + n}" for n in range(8)} <= set(names)
    assert len(names) == len(set(names))  # nothing doubled
    for row in stored["rows"]:  # nothing half-written
        assert row["reference"].startswith("WND-"), row
        assert row["received"] == 1 and row["emails"] == 1, row
    assert stored["events"] == len(names) and stored["emails"] == len(names)
