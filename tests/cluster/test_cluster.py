"""The cluster serves cached pages, purges them on publish and survives losing an app server.

See conftest.py: these run only with ZONEPORTAL_CLUSTER=1.
"""

import os
import re
import signal
import socket
import threading
import time
from collections import Counter
from contextlib import contextmanager

import pytest
import requests

from .conftest import wait_until

pytestmark = pytest.mark.cluster

ARTICLE_SLUG = "wuxi-to-deepen-cooperation-with-japan-and-south-korea"
ARTICLE = f"/en/media-center/news/{ARTICLE_SLUG}/"
CHROMIUM = os.environ.get("CHROMIUM_PATH", "/usr/bin/chromium")


def _get(session, url, **kwargs):
    return session.get(url, timeout=10, allow_redirects=False, **kwargs)


def _cached(response):
    return response if response.headers.get("X-Cache") == "HIT" else None


def test_anonymous_article_is_cached_and_private_paths_are_not(cluster, anonymous):
    first = _get(anonymous, cluster.nginx + ARTICLE)
    assert first.status_code == 200
    hit = wait_until(lambda: _get(anonymous, cluster.nginx + ARTICLE), 5)
    assert hit.headers.get("X-Cache") == "HIT", hit.headers
    assert "Set-Cookie" not in hit.headers
    # Browsers without gzip get a plain copy of their own, also from the cache.
    plain_headers = {"Accept-Encoding": "identity"}
    plain = wait_until(
        lambda: _cached(_get(anonymous, cluster.nginx + ARTICLE, headers=plain_headers)), 5
    )
    assert plain.headers.get("X-Cache") == "HIT", plain.headers
    assert "Content-Encoding" not in plain.headers
    assert plain.text == hit.text

    # A visitor with a session (an editor) never gets the shared copy, and analytics
    # cookies are ignored.
    with_session = _get(anonymous, cluster.nginx + ARTICLE, cookies={"sessionid": "x"})
    assert with_session.headers["X-Cache"] == "PASS"
    # A CSRF cookie (kept for a year after opening the message form) does not cost
    # the visitor the cache; the form page itself is never stored.
    with_csrf = _get(anonymous, cluster.nginx + ARTICLE, cookies={"csrftoken": "x" * 32})
    assert with_csrf.headers["X-Cache"] == "HIT"
    form_page = "/en/leave-your-message/"
    for _ in range(2):
        form = _get(anonymous, cluster.nginx + form_page, cookies={"csrftoken": "x" * 32})
    assert form.headers["X-Cache"] != "HIT" and "no-store" in form.headers["Cache-Control"]
    token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', form.text)
    assert token and "csrftoken" in form.cookies, "the form comes with a token and its cookie"
    tracked = _get(anonymous, cluster.nginx + ARTICLE, cookies={"_ga": "GA1.1.1"})
    assert tracked.headers["X-Cache"] == "HIT"
    tracked = _get(anonymous, cluster.nginx + ARTICLE + "?utm_source=newsletter")
    assert tracked.headers["X-Cache"] == "HIT"

    for path in ("/en/search/?q=park", "/", "/admin/login/", "/readyz"):
        for _ in range(2):
            response = _get(anonymous, cluster.nginx + path)
        assert response.headers.get("X-Cache") in {"PASS", None}, (path, response.headers)


def test_edge_rules_of_the_front_server(cluster, anonymous):
    # Unknown Host headers get no answer at all (nginx 444 closes the connection).
    with pytest.raises(requests.ConnectionError):
        _get(anonymous, cluster.nginx + "/en/", headers={"Host": "attacker.example"})
    # Hashed static files are cached for a year by browsers.
    html = _get(anonymous, cluster.nginx + "/en/").text
    match = re.search(r"/static/css/site\.[0-9a-f]{12}\.css", html)
    assert match, "the page links a hashed stylesheet (ManifestStaticFilesStorage)"
    css = _get(anonymous, cluster.nginx + match.group(0), headers={"Accept-Encoding": "gzip"})
    assert css.status_code == 200
    assert "immutable" in css.headers["Cache-Control"]
    assert css.headers.get("Content-Encoding") in {"gzip", "br"}
    # Uploaded SVG or HTML is a download, never rendered in the site's origin.
    media = cluster.dir / "media" / "cluster-test"
    media.mkdir(parents=True, exist_ok=True)
    (media / "x.svg").write_text('<svg xmlns="http://www.w3.org/2000/svg"/>')
    svg = _get(anonymous, cluster.nginx + "/media/cluster-test/x.svg")
    assert svg.status_code == 200
    assert svg.headers["Content-Disposition"] == "attachment"
    assert svg.headers["X-Content-Type-Options"] == "nosniff"
    # Captions are text/vtt in UTF-8 (Debian's mime.types has no .vtt).
    (media / "x.ja.vtt").write_text("WEBVTT\n\n00:00.000 --> 00:01.000\n字幕\n")
    vtt = _get(anonymous, cluster.nginx + "/media/cluster-test/x.ja.vtt")
    assert vtt.headers["Content-Type"] == "text/vtt; charset=utf-8"
    assert "字幕" in vtt.text
    # Nobody purges through the public server; the purge listener (127.0.0.1 only)
    # drops the page for the next visitor.
    _get(anonymous, cluster.nginx + "/en/")
    refused = requests.request("PURGE", cluster.nginx + "/en/", timeout=5)
    assert refused.status_code == 403
    assert _get(anonymous, cluster.nginx + "/en/").headers["X-Cache"] == "HIT"
    host = {"Host": cluster.nginx.removeprefix("http://"), "Accept-Encoding": "gzip"}
    assert requests.request("PURGE", cluster.purge + "/en/", headers=host, timeout=5).ok
    assert _get(anonymous, cluster.nginx + "/en/").headers["X-Cache"] == "MISS"


def test_form_posts_over_the_edge_rate_get_a_localized_429(cluster):
    """A burst of posts from one address is refused by nginx before any app worker."""
    page = "/en/leave-your-message/"
    started = time.monotonic()
    answers = [
        requests.post(cluster.nginx + page, data={"name": "x"}, timeout=10, allow_redirects=False)
        for _ in range(30)
    ]
    elapsed = time.monotonic() - started
    passed = [answer for answer in answers if answer.status_code != 429]
    refused = [answer for answer in answers if answer.status_code == 429]
    # nginx lets through the burst (5) plus one post a second.
    assert refused, [answer.status_code for answer in answers]
    assert len(passed) <= 6 + int(elapsed) + 1, (len(passed), elapsed)
    assert {answer.status_code for answer in passed} <= {200, 400, 403}
    assert "Please wait a moment" in refused[0].text and 'lang="ja"' in refused[0].text
    assert refused[0].headers["Cache-Control"] == "no-store"
    assert refused[0].headers["Retry-After"] == "60"
    # Reading is never limited.
    assert all(
        requests.get(cluster.nginx + "/en/", timeout=10).status_code == 200 for _ in range(20)
    )


SLOW_CLIENT_TIMEOUT = 10  # client_header_timeout and client_body_timeout at the edge


def _slow_sender(cluster, number, *, finish_headers):
    """A socket from its own loopback address (so the edge's per-address post limit does
    not answer it first) that starts a request and then stalls: in the headers, or
    after the headers of a form post and 10 of its 4,000 body bytes."""
    host, port = cluster.nginx.removeprefix("http://").split(":")
    sock = socket.create_connection(
        (host, int(port)), timeout=5, source_address=(f"127.0.0.{60 + number}", 0)
    )
    if finish_headers:
        sock.sendall(
            b"POST /en/leave-your-message/ HTTP/1.1\r\nHost: 127.0.0.1\r\n"
            b"Content-Type: application/x-www-form-urlencoded\r\n"
            b"Content-Length: 4000\r\n\r\nname=Slow"
        )
    else:
        sock.sendall(b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\nUser-Agent: slow")
    return sock


def _closed_by_server(sock, deadline):
    """True when the server closes `sock` (with or without a 408) before `deadline`."""
    sock.settimeout(max(deadline - time.monotonic(), 0.1))
    try:
        data = sock.recv(4096)
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True
    return data == b"" or data.startswith(b"HTTP/1.1 408")


def test_slow_senders_hold_no_app_worker_and_are_dropped(cluster):
    """Slowloris: 12 stalled requests (three times the cluster's 4 app workers) cost
    visitors nothing, because nginx buffers requests and only then asks an app server;
    and nginx drops every stalled one after its timeout."""
    senders = [_slow_sender(cluster, n, finish_headers=n % 2 == 0) for n in range(12)]
    started = time.monotonic()
    try:
        # Uncached renders (a session cookie bypasses the page cache) need a free
        # worker: they would queue behind the stalled posts if those held workers.
        # (As a header: the app deletes a cookie that names no session.)
        bypass = {"Cookie": "sessionid=not-a-session"}
        answers = [
            requests.get(cluster.nginx + "/en/", headers=bypass, timeout=5) for _ in range(8)
        ]
        assert [answer.status_code for answer in answers] == [200] * 8
        assert {answer.headers.get("X-Cache") for answer in answers} == {"PASS"}
        assert time.monotonic() - started < SLOW_CLIENT_TIMEOUT
        deadline = started + SLOW_CLIENT_TIMEOUT + 5
        dropped = [_closed_by_server(sock, deadline) for sock in senders]
        assert all(dropped), dropped
        assert time.monotonic() - started >= SLOW_CLIENT_TIMEOUT - 1  # not before the timeout
    finally:
        for sock in senders:
            sock.close()


@contextmanager
def _admin_through_nginx(cluster, browser):
    """A browser tab signed in to the admin as the cluster's editor. (The app servers
    listen on private unix sockets: the admin is reached through nginx, which sends it
    to A or B without the page cache.)"""
    context = browser.new_context(base_url=cluster.nginx)
    try:
        tab = context.new_page()
        tab.goto("/admin/login/")
        tab.fill("#id_username", "cluster-editor")
        tab.fill("#id_password", cluster.editor_password)
        tab.locator("form button[type=submit]").first.click()
        tab.wait_for_url(re.compile(r"/admin/$"))
        yield tab
    finally:
        context.close()


def _publish(tab, page_id: int, new_title: str) -> float:
    """Change the page's title in the editor and publish; return when A answered."""
    tab.goto(f"/admin/pages/{page_id}/edit/")
    tab.fill("#id_title", new_title)
    with tab.expect_response(
        lambda r: r.request.method == "POST" and f"/pages/{page_id}/edit/" in r.url
    ) as answer:
        # "Publish" sits in the action menu's drop-down; press it as a click would.
        tab.locator('button[name="action-publish"]').evaluate("b => b.click()")
    published_at = time.monotonic()
    assert answer.value.status == 302, "publishing failed (the editor showed the form again)"
    return published_at


@pytest.mark.skipif(not os.path.exists(CHROMIUM), reason=f"needs chromium at {CHROMIUM}")
def test_correction_published_in_the_admin_is_visible_through_nginx_within_1s(
    cluster, anonymous, browser
):
    page_id, title = cluster.shell(
        "from wagtail.models import Page; "
        f"p = Page.objects.get(slug='{ARTICLE_SLUG}', locale__language_code='en'); "
        "print(p.pk); print(p.title)"
    ).splitlines()
    base_title = re.sub(r" \(corrected \w+\)$", "", title)
    new_title = f"{base_title} (corrected {os.urandom(3).hex()})"

    # The page is in the cache before the correction.
    _get(anonymous, cluster.nginx + ARTICLE)
    cached = _get(anonymous, cluster.nginx + ARTICLE)
    assert cached.headers.get("X-Cache") == "HIT", cached.headers
    assert new_title not in cached.text

    with _admin_through_nginx(cluster, browser) as tab:
        published_at = _publish(tab, int(page_id), new_title)

        polls = []

        def corrected():
            start = time.monotonic()
            response = _get(anonymous, cluster.nginx + ARTICLE)
            fresh = new_title in response.text
            polls.append(
                f"{start - published_at:+.3f}s {response.status_code} "
                f"{response.headers.get('X-Cache')} {time.monotonic() - start:.3f}s fresh={fresh}"
            )
            return response if fresh else None

        seen = wait_until(corrected, timeout=5)
        elapsed = time.monotonic() - published_at
        print(f"\ncorrection visible through nginx {elapsed:.3f}s after publishing")
        print("polls (start, status, X-Cache, duration):", *polls[:10], sep="\n  ")
        assert seen, "the correction never reached the anonymous visitor"
        assert elapsed < 1.0
    # ... and it is cached again for the next visitor.
    again = _get(anonymous, cluster.nginx + ARTICLE)
    assert new_title in again.text
    assert again.headers["X-Cache"] == "HIT"


def _load(url: str, seconds: float, threads: int, results: Counter, lock: threading.Lock):
    """GET `url` from `threads` threads for `seconds`; count status codes and errors."""
    deadline = time.monotonic() + seconds

    def worker():
        with requests.Session() as session:
            while time.monotonic() < deadline:
                try:
                    # A session cookie makes the page cache pass: every request reaches an app server.
                    status = session.get(url, cookies={"sessionid": "load"}, timeout=10).status_code
                except requests.RequestException as exc:
                    status = type(exc).__name__
                with lock:
                    results[status] += 1

    pool = [threading.Thread(target=worker) for _ in range(threads)]
    for thread in pool:
        thread.start()
    return pool


def test_app_server_a_killed_mid_load_b_carries_on_and_a_comes_back(cluster):
    url = cluster.nginx + ARTICLE
    results: Counter = Counter()
    lock = threading.Lock()
    log_a = cluster.access_log("a")
    pool = _load(url, seconds=8, threads=6, results=results, lock=lock)
    time.sleep(2.5)
    with lock:
        before_kill = sum(results.values())
    pid_a = cluster.app_pid("a")
    os.killpg(os.getpgid(pid_a), signal.SIGKILL)  # master and workers, like a crash
    for thread in pool:
        thread.join(timeout=30)
    five_xx = sum(n for status, n in results.items() if isinstance(status, int) and status >= 500)
    errors = sum(n for status, n in results.items() if not isinstance(status, int))
    total = sum(results.values())
    print(
        f"\nA (pid {pid_a}) killed after {before_kill} requests; {total} requests in all: "
        f"{dict(results)}; 5xx={five_xx}, connection errors={errors}"
    )
    assert before_kill > 5
    assert total - before_kill > 10, "requests kept being served after A died"
    # A response A was streaming when it died cannot be retried by nginx (the client
    # sees a cut body, e.g. ChunkedEncodingError): the issue allows those, no others.
    assert five_xx + errors <= 3, "only requests cut at the instant of the kill may fail"

    # A comes back and takes its share again (nginx retries it after fail_timeout).
    size_before = log_a.stat().st_size if log_a.exists() else 0
    cluster.script("start-app", "a", timeout=120)
    with requests.Session() as session:

        def a_served():
            for _ in range(4):
                session.get(url, cookies={"sessionid": "load"}, timeout=10)
            return log_a.stat().st_size > size_before

        assert wait_until(a_served, timeout=30, interval=0.5), "A took no traffic after restart"
