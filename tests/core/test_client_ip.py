"""Which address rate limits and lockouts count: never one a visitor can forge."""

import pytest
from django.test import RequestFactory

from zoneportal.core.client_ip import client_ip


def _request(remote, **headers):
    return RequestFactory().get("/", REMOTE_ADDR=remote, **headers)


def test_without_trusted_proxies_the_socket_address_counts(settings):
    settings.ZONEPORTAL_TRUSTED_PROXIES = []
    request = _request("203.0.113.7", HTTP_X_REAL_IP="198.51.100.1")
    assert client_ip(request) == "203.0.113.7"


def test_behind_the_local_nginx_each_visitor_counts_separately(settings):
    settings.ZONEPORTAL_TRUSTED_PROXIES = ["127.0.0.1", "::1"]
    first = _request("127.0.0.1", HTTP_X_REAL_IP="203.0.113.7")
    second = _request("127.0.0.1", HTTP_X_REAL_IP="198.51.100.1")
    assert client_ip(first) == "203.0.113.7"
    assert client_ip(second) == "198.51.100.1"


def test_a_visitor_sending_the_header_directly_gains_nothing(settings):
    settings.ZONEPORTAL_TRUSTED_PROXIES = ["127.0.0.1"]
    request = _request("203.0.113.7", HTTP_X_REAL_IP="127.0.0.1")
    assert client_ip(request) == "203.0.113.7"


@pytest.mark.parametrize("header", ["", "not-an-ip", "203.0.113.7, 10.0.0.1", "x" * 5000])
def test_a_malformed_header_falls_back_to_the_proxy_address(settings, header):
    settings.ZONEPORTAL_TRUSTED_PROXIES = ["10.0.0.0/8"]
    request = _request("10.1.2.3", HTTP_X_REAL_IP=header)
    assert client_ip(request) == "10.1.2.3"


def test_forwarded_for_is_not_the_header_believed(settings):
    settings.ZONEPORTAL_TRUSTED_PROXIES = ["127.0.0.1"]
    request = _request("127.0.0.1", HTTP_X_FORWARDED_FOR="203.0.113.7")
    assert client_ip(request) == "127.0.0.1"


def test_no_request_is_unknown():
    assert client_ip(None) == "unknown"


def test_over_the_private_unix_socket_the_header_of_nginx_counts(settings):
    """gunicorn on a unix socket gives no peer address; only nginx can reach that socket."""
    settings.ZONEPORTAL_TRUSTED_PROXIES = ["unix"]
    first = _request("", HTTP_X_REAL_IP="203.0.113.7")
    second = _request("", HTTP_X_REAL_IP="198.51.100.1")
    assert client_ip(first) == "203.0.113.7"
    assert client_ip(second) == "198.51.100.1"


def test_unix_trust_does_not_extend_to_tcp_peers(settings):
    """With only the socket trusted, a visitor reaching a TCP port keeps its own address."""
    settings.ZONEPORTAL_TRUSTED_PROXIES = ["unix"]
    request = _request("127.0.0.1", HTTP_X_REAL_IP="198.51.100.1")
    assert client_ip(request) == "127.0.0.1"


def test_an_empty_peer_is_not_trusted_unless_the_socket_is(settings):
    settings.ZONEPORTAL_TRUSTED_PROXIES = ["127.0.0.1"]
    request = _request("", HTTP_X_REAL_IP="198.51.100.1")
    assert client_ip(request) == "unknown"


def test_production_trusts_only_the_unix_socket_by_default():
    import os
    import subprocess
    import sys

    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "zoneportal.settings.production",
        "SECRET_KEY": "k" * 20 + "abcdefghij" * 4,
        "ALLOWED_HOSTS": "portal.example.org",
        "DATABASE_URL": "postgres://u:p@127.0.0.1:5432/zp",
        "REDIS_URL": "redis://127.0.0.1:6379/0",
        "EMAIL_URL": "smtp://127.0.0.1:25",
        "MEDIA_ROOT": "/srv/zoneportal/media",
        "STATIC_ROOT": "/srv/zoneportal/static",
        "WAGTAILADMIN_BASE_URL": "https://portal.example.org",
    }
    env.pop("TRUSTED_PROXIES", None)
    code = (
        "import django; django.setup(); from django.conf import settings; "
        "print(settings.ZONEPORTAL_TRUSTED_PROXIES)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "['unix']"
