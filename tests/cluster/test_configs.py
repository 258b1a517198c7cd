"""The production configs in deploy/ parse with the real tools (no cluster needed)."""

import re
import runpy
import shutil
import subprocess
import tempfile
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
DEPLOY = REPO / "deploy"


@pytest.mark.skipif(not shutil.which("nginx"), reason="needs Debian's nginx")
def test_production_nginx_site_passes_nginx_t(tmp_path):
    subprocess.run(
        ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
         "-subj", "/CN=portal.example.org", "-keyout", str(tmp_path / "key.pem"),
         "-out", str(tmp_path / "cert.pem")],
        check=True, capture_output=True,
    )  # fmt: skip
    site = (DEPLOY / "nginx" / "zoneportal.conf").read_text()
    site = site.replace(
        "/etc/letsencrypt/live/portal.example.org/fullchain.pem", str(tmp_path / "cert.pem")
    )
    site = site.replace(
        "/etc/letsencrypt/live/portal.example.org/privkey.pem", str(tmp_path / "key.pem")
    )
    site = site.replace("/etc/nginx/snippets/", str(DEPLOY / "nginx") + "/")
    site = site.replace("/var/cache/nginx/zoneportal", str(tmp_path / "cache"))
    site = site.replace("/run/zoneportal-nginx/", f"{tmp_path}/")  # nginx -t binds it
    (tmp_path / "site.conf").write_text(site)
    modules = "include /etc/nginx/modules-enabled/*.conf;" if "brotli on" in site else ""
    (tmp_path / "nginx.conf").write_text(
        f"{modules}\npid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; include {tmp_path}/site.conf; }}\n"
    )
    result = subprocess.run(
        ["nginx", "-t", "-c", str(tmp_path / "nginx.conf")], capture_output=True, text=True
    )
    assert result.returncode == 0, result.stderr


def test_purge_listeners_compute_the_page_cache_key():
    """A PURGE reaches the stored page only if both sides build the same key."""
    snippet = (DEPLOY / "nginx" / "zoneportal-page-cache.conf").read_text()
    (cache_key,) = re.findall(r'^proxy_cache_key "([^"]+)";', snippet, re.MULTILINE)
    assert "$zoneportal_encoding" in cache_key and "$host" in cache_key
    for config in ("zoneportal.conf", "local-cluster.conf.in"):
        text = (DEPLOY / "nginx" / config).read_text()
        assert re.findall(r'proxy_cache_purge zoneportal_pages "([^"]+)";', text) == [cache_key]
        assert "zoneportal-page-cache.conf;" in text, config


def test_gunicorn_config_reads_the_environment(monkeypatch):
    monkeypatch.setenv("GUNICORN_BIND", "127.0.0.1:9001,127.0.0.1:9002")
    monkeypatch.setenv("GUNICORN_WORKERS", "3")
    monkeypatch.setenv("GUNICORN_THREADS", "4")
    config = runpy.run_path(str(DEPLOY / "gunicorn.conf.py"))
    assert config["bind"] == ["127.0.0.1:9001", "127.0.0.1:9002"]
    assert config["workers"] == 3
    assert config["worker_class"] == "gthread"
    assert config["max_requests"] > 0 and config["max_requests_jitter"] > 0
    assert config["worker_tmp_dir"] == "/dev/shm"
    assert "%(D)s" in config["access_log_format"]


def test_the_edge_refuses_surplus_form_posts_with_a_four_language_page():
    page = (REPO / "static" / "errors" / "too-many-requests.html").read_text()
    assert '<html lang="en">' in page
    for language in ("zh-Hans", "ja", "ko"):
        assert f'<section lang="{language}">' in page
    assert "<script" not in page and "style=" not in page  # the strict CSP holds
    for config in ("zoneportal.conf", "local-cluster.conf.in"):
        text = (DEPLOY / "nginx" / config).read_text()
        assert "limit_req zone=zoneportal_posts" in text, config
        assert "error_page 429 /errors/too-many-requests.html;" in text, config
        assert "static/errors/too-many-requests.html;" in text, config


def _block(text: str, opening: str, indent: str = "") -> str:
    """The block of `text` that starts with the line `indent + opening` (to its brace)."""
    pattern = rf"^{indent}{re.escape(opening)} \{{.*?^{indent}\}}"
    (block,) = re.findall(pattern, text, re.M | re.S)
    return block


@pytest.mark.skipif(not shutil.which("nginx"), reason="needs Debian's nginx")
@pytest.mark.parametrize(
    ("config", "http_indent", "root"),
    [("zoneportal.conf", "", "/srv/zoneportal/"), ("local-cluster.conf.in", "    ", "@DIR@/")],
)
def test_static_and_media_serve_webvtt_as_text_vtt_utf8(tmp_path, config, http_indent, root):
    """Debian's mime.types lacks .vtt: the site's types block and charset lines must
    make captions text/vtt; charset=utf-8 (players drop a track served otherwise),
    and leave every other type as it was."""
    import http.client
    import time

    from tests.processes import free_port

    site = (DEPLOY / "nginx" / config).read_text()
    # nginx's workers (nobody when run as root) cannot enter pytest's private tmp_path.
    public = tempfile.TemporaryDirectory(prefix="zoneportal-vtt-")
    served = Path(public.name)
    served.chmod(0o755)
    for folder in ("static", "media"):
        (served / folder).mkdir()
        (served / folder / "captions.ja.vtt").write_text(
            "WEBVTT\n\n00:00.000 --> 00:01.000\n字幕\n"
        )
        (served / folder / "notes.txt").write_text("plain")
    server_indent = http_indent + "    "
    locations = "\n".join(
        _block(site, f"location /{f}/", server_indent) for f in ("static", "media")
    )
    locations = locations.replace(root, f"{served}/")
    maps = "\n".join(
        _block(site, f"map $uri ${name}", http_indent)
        for name in (
            "zoneportal_static_cache_control",
            "zoneportal_media_cache_control",
            "zoneportal_media_disposition",
        )
    )
    port = free_port()
    (tmp_path / "nginx.conf").write_text(
        f"pid {tmp_path}/nginx.pid;\nerror_log {tmp_path}/error.log;\nevents {{}}\n"
        f"http {{ include /etc/nginx/mime.types; access_log off;\n{_block(site, 'types', http_indent)}\n"
        f"{maps}\nserver {{ listen 127.0.0.1:{port};\n{locations}\n}} }}\n"
    )
    server = subprocess.Popen(
        ["nginx", "-p", str(tmp_path), "-c", str(tmp_path / "nginx.conf"), "-g", "daemon off;"],
        stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
    )  # fmt: skip
    try:
        answers = {}
        for path in ("/static/captions.ja.vtt", "/media/captions.ja.vtt", "/media/notes.txt"):
            deadline = time.monotonic() + 10
            while True:
                assert server.poll() is None, server.stderr.read().decode()
                try:
                    connection = http.client.HTTPConnection("127.0.0.1", port, timeout=5)
                    connection.request("GET", path)
                    response = connection.getresponse()
                    answers[path] = (response.status, response.headers, response.read())
                    connection.close()
                    break
                except ConnectionRefusedError:
                    assert time.monotonic() < deadline, "nginx did not start listening"
                    time.sleep(0.05)
    finally:
        server.terminate()
        server.wait(timeout=10)
        public.cleanup()
    for path in ("/static/captions.ja.vtt", "/media/captions.ja.vtt"):
        status, headers, body = answers[path]
        assert status == 200
        assert headers["Content-Type"] == "text/vtt; charset=utf-8", path
        assert "字幕" in body.decode("utf-8")
    assert answers["/media/notes.txt"][1]["Content-Type"] == "text/plain"


@pytest.mark.parametrize("config", ["zoneportal.conf", "local-cluster.conf.in"])
def test_only_the_front_server_listens_on_tcp_and_documents_go_through_wagtail(config):
    """Issue 13 items 1 and 5 in the shipped configs: the balancer and the app servers are
    unix sockets (nothing but the front server can hand them an X-Real-IP), and
    /media/documents/ is refused while Wagtail's view hands files to an internal location."""
    text = (DEPLOY / "nginx" / config).read_text()
    upstreams = _block(
        text, "upstream zoneportal_app", "" if config == "zoneportal.conf" else "    "
    )
    if config == "zoneportal.conf":
        servers = re.findall(r"^\s*server ([^\s;]+)", upstreams, re.M)
        assert servers and all(s.startswith("unix:") for s in servers), servers
    else:  # written by deploy/local-cluster (write_pool)
        assert "include @DIR@/nginx/app-pool.conf;" in upstreams
        script = (DEPLOY / "local-cluster").read_text()
        assert 'echo "server unix:$RUN/app-$name.sock' in script
        assert 'local bind="unix:$sock"' in script and 'GUNICORN_BIND="$bind"' in script
        # A TCP listener only for benchmarks, asked for by name (bench/cluster.sh).
        assert re.findall(r'bind="\$bind,([^"]+)"', script) == ["$ZP_APP_A_TCP"]
    listens = re.findall(r"^\s*listen ([^\s;]+)", text, re.M)
    tcp = [listen for listen in listens if not listen.startswith("unix:")]
    assert any(listen.startswith("unix:") and "balancer.sock" in listen for listen in listens)
    allowed = {"80", "[::]:80", "443", "[::]:443", "127.0.0.1:6081"}
    allowed |= {"127.0.0.1:@NGINX_PORT@", "127.0.0.1:@PURGE_PORT@"}
    assert set(tcp) <= allowed, tcp
    assert re.search(r"location /media/documents/ \{\s*return 404;", text)
    assert text.count("location /internal-documents/ {\n") == 2  # front and balancer
    assert text.count("internal;\n") >= 2
