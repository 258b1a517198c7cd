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
