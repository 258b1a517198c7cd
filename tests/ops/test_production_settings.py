"""zoneportal.settings.production: reads the environment, refuses unsafe values.

Each case imports the settings module in a fresh interpreter with a controlled
environment, so nothing leaks from the test process (or into it).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

SAMPLE = {
    "SECRET_KEY": "kQ4v0s2Jm7Xw1pZr9Lb3Tn6Yc8Hd5Fg0Ae2Ui4Oo7Pq1Rs3Wv5Xz8Yb6Nc9Md2Lk",
    "ALLOWED_HOSTS": "invest.example.gov.cn,www.invest.example.gov.cn",
    "CSRF_TRUSTED_ORIGINS": "https://invest.example.gov.cn",
    "DATABASE_URL": "postgres://zoneportal:s%40cret@db.internal:5432/zoneportal",
    "REDIS_URL": "redis://cache.internal:6379/0",
    "EMAIL_URL": "smtp://portal%40example.gov.cn:p%40ss@smtp.example.gov.cn:587?tls=1",
    "MEDIA_ROOT": "/srv/zoneportal/media",
    "STATIC_ROOT": "/srv/zoneportal/static",
    "WAGTAILADMIN_BASE_URL": "https://invest.example.gov.cn",
}

DUMP = """
import json
from django.conf import settings as s
print(json.dumps({
    "DEBUG": s.DEBUG,
    "ALLOWED_HOSTS": s.ALLOWED_HOSTS,
    "DATABASE": {k: s.DATABASES["default"][k] for k in
                 ("ENGINE", "NAME", "USER", "PASSWORD", "HOST", "PORT",
                  "CONN_MAX_AGE", "CONN_HEALTH_CHECKS")},
    "CACHES": {alias: c["BACKEND"] for alias, c in s.CACHES.items()},
    "CACHE_OPTIONS": s.CACHES["default"]["OPTIONS"],
    "SESSION_ENGINE": s.SESSION_ENGINE,
    "EMAIL": [s.EMAIL_BACKEND, s.EMAIL_HOST, s.EMAIL_PORT, s.EMAIL_HOST_USER,
              s.EMAIL_HOST_PASSWORD, s.EMAIL_USE_TLS, s.EMAIL_USE_SSL],
    "MEDIA_ROOT": str(s.MEDIA_ROOT),
    "STATIC_ROOT": str(s.STATIC_ROOT),
    "FRONTENDCACHE": s.WAGTAILFRONTENDCACHE,
    "SECURE_SSL_REDIRECT": s.SECURE_SSL_REDIRECT,
    "SESSION_COOKIE_SECURE": s.SESSION_COOKIE_SECURE,
    "HSTS": s.SECURE_HSTS_SECONDS,
}))
"""


def run(code_or_args, env_overrides=None, *, drop=()):
    env = {"PATH": os.environ.get("PATH", "/usr/bin:/bin"), "HOME": os.environ.get("HOME", "/")}
    env.update(SAMPLE)
    env.update(env_overrides or {})
    for name in drop:
        env.pop(name, None)
    env["DJANGO_SETTINGS_MODULE"] = "zoneportal.settings.production"
    args = code_or_args if isinstance(code_or_args, list) else ["-c", code_or_args]
    return subprocess.run(
        [sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=60
    )


def settings_json(env_overrides=None, **kwargs):
    result = run(DUMP, env_overrides, **kwargs)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def refusal(env_overrides=None, **kwargs) -> str:
    result = run("import zoneportal.settings.production", env_overrides, **kwargs)
    assert result.returncode != 0, "the settings module should have refused to load"
    assert "ImproperlyConfigured" in result.stderr
    return result.stderr.strip().splitlines()[-1]


def test_check_deploy_reports_nothing_with_the_sample_environment():
    result = run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"])
    output = result.stdout + result.stderr
    # Except zoneportal.W012, which depends on the date: the working-day calendar does
    # not cover the next 12 months (docs/inquiries.md, "Working-day calendar").
    issues = [line for line in output.splitlines() if line.startswith("?: (")]
    if all("(zoneportal.W012)" in line for line in issues) and issues:
        return
    assert result.returncode == 0, output
    assert "System check identified no issues (0 silenced)." in result.stdout


def test_happy_path_reads_everything_from_the_environment():
    values = settings_json()
    assert values["DEBUG"] is False
    assert values["ALLOWED_HOSTS"] == ["invest.example.gov.cn", "www.invest.example.gov.cn"]
    assert values["DATABASE"] == {
        "ENGINE": "django.db.backends.postgresql",
        "NAME": "zoneportal",
        "USER": "zoneportal",
        "PASSWORD": "s@cret",
        "HOST": "db.internal",
        "PORT": "5432",
        "CONN_MAX_AGE": 600,
        "CONN_HEALTH_CHECKS": True,
    }
    assert set(values["CACHES"]) == {"default", "renditions", "template_fragments"}
    shared = [values["CACHES"]["default"], values["CACHES"]["renditions"]]
    assert all("django_redis" in b or "redis_cache" in b for b in shared)
    # Fragments: a per-process copy in front of the shared Redis cache.
    assert values["CACHES"]["template_fragments"] == "zoneportal.ops.layered_cache.LayeredCache"
    assert values["CACHE_OPTIONS"]["IGNORE_EXCEPTIONS"] is True
    assert values["CACHE_OPTIONS"]["SOCKET_CONNECT_TIMEOUT"] <= 1
    assert values["CACHE_OPTIONS"]["SOCKET_TIMEOUT"] <= 1
    assert values["SESSION_ENGINE"] == "django.contrib.sessions.backends.cached_db"
    assert values["EMAIL"] == [
        "django.core.mail.backends.smtp.EmailBackend",
        "smtp.example.gov.cn",
        587,
        "portal@example.gov.cn",
        "p@ss",
        True,
        False,
    ]
    assert values["MEDIA_ROOT"] == "/srv/zoneportal/media"
    assert values["STATIC_ROOT"] == "/srv/zoneportal/static"
    assert values["FRONTENDCACHE"] == {}  # purge is off unless CACHE_PURGE_URL is set
    assert values["SECURE_SSL_REDIRECT"] is True
    assert values["SESSION_COOKIE_SECURE"] is True
    assert values["HSTS"] >= 31536000


def test_cache_purge_url_configures_one_backend_per_endpoint():
    values = settings_json({"CACHE_PURGE_URL": "http://127.0.0.1:6081, http://10.0.0.7:6081/"})
    locations = sorted(b["LOCATION"] for b in values["FRONTENDCACHE"].values())
    assert locations == ["http://10.0.0.7:6081", "http://127.0.0.1:6081"]


def test_email_url_variants():
    assert settings_json({"EMAIL_URL": "smtps://mail.example.gov.cn"})["EMAIL"][2:] == [
        465,
        "",
        "",
        False,
        True,
    ]
    console = settings_json({"EMAIL_URL": "console://"})["EMAIL"][0]
    assert console == "django.core.mail.backends.console.EmailBackend"


def test_plain_http_cluster_switch():
    values = settings_json({"HTTPS": "false"})
    assert values["SECURE_SSL_REDIRECT"] is False
    assert values["SESSION_COOKIE_SECURE"] is False
    assert values["HSTS"] == 0


@pytest.mark.parametrize(
    "missing",
    [
        "SECRET_KEY",
        "ALLOWED_HOSTS",
        "DATABASE_URL",
        "REDIS_URL",
        "EMAIL_URL",
        "MEDIA_ROOT",
        "STATIC_ROOT",
        "WAGTAILADMIN_BASE_URL",
    ],
)
def test_refuses_to_start_without_a_required_variable(missing):
    message = refusal(drop=[missing])
    assert message.startswith(f"django.core.exceptions.ImproperlyConfigured: {missing}:")
    assert "required" in message


@pytest.mark.parametrize(
    ("name", "value", "expected"),
    [
        ("SECRET_KEY", "too-short", "at least 50 characters"),
        ("SECRET_KEY", "django-insecure-" + "x1y2z3" * 10, "at least 50 characters"),
        ("SECRET_KEY", "a" * 60, "at least 50 characters"),
        ("ALLOWED_HOSTS", "*", "'*'"),
        ("ALLOWED_HOSTS", "invest.example.gov.cn,*", "'*'"),
        ("DATABASE_URL", "sqlite:////srv/zoneportal/db.sqlite3", "SQLite"),
        ("DATABASE_URL", "mysql://db/zoneportal", "postgres://"),
        ("DATABASE_URL", "postgres://db.internal:5432/", "names no database"),
        ("REDIS_URL", "memcached://127.0.0.1:11211", "redis://"),
        ("DEBUG", "true", "must be off"),
        ("DEBUG", "1", "must be off"),
        ("DEBUG", "maybe", "true or false"),
        ("EMAIL_URL", "smtp.example.gov.cn", "smtp://"),
        ("EMAIL_URL", "smtp://h?tls=1&ssl=1", "both ssl and tls"),
        ("MEDIA_ROOT", "media", "absolute path"),
        ("STATIC_ROOT", "./static", "absolute path"),
        ("CSRF_TRUSTED_ORIGINS", "invest.example.gov.cn", "http:// or https://"),
        ("WAGTAILADMIN_BASE_URL", "invest.example.gov.cn", "http:// or https://"),
        ("CACHE_PURGE_URL", "127.0.0.1:6081", "http:// or https://"),
        ("HTTPS", "sometimes", "true or false"),
    ],
)
def test_refuses_unsafe_values(name, value, expected):
    message = refusal({name: value})
    assert message.startswith(f"django.core.exceptions.ImproperlyConfigured: {name}:")
    assert expected in message
    assert value not in message or name != "SECRET_KEY"  # never echo a secret
