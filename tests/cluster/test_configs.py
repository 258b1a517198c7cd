"""The production configs in deploy/ parse with the real tools (no cluster needed)."""

import re
import runpy
import shutil
import subprocess
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
