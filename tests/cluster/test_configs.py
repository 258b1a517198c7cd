"""The production configs in deploy/ parse with the real tools (no cluster needed)."""

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


@pytest.mark.skipif(not shutil.which("varnishd"), reason="needs Debian's varnish")
def test_varnish_vcl_compiles(tmp_path):
    result = subprocess.run(
        [
            "varnishd",
            "-C",
            "-j",
            "none",
            "-n",
            str(tmp_path),
            "-f",
            str(DEPLOY / "varnish" / "zoneportal.vcl"),
        ],
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr[-2000:]


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
