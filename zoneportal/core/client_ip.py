"""The visitor's address, for rate limits, sign-in lockouts and audit entries.

Behind nginx every request reaches gunicorn from the proxy, so REMOTE_ADDR alone
would put all visitors in one rate-limit bucket (and let one attacker lock everybody
out). The edge nginx overwrites X-Real-IP with the address it saw
(deploy/nginx/zoneportal-proxy.conf); that header is believed only when the request
comes from an address in ZONEPORTAL_TRUSTED_PROXIES, so a visitor who sends
X-Real-IP straight to an app server gains nothing.

App servers listen on a unix socket in a directory only nginx may enter
(deploy/local-cluster, docs/operations.md): such a request has no peer address
(REMOTE_ADDR is empty), and it can only have come from nginx. The entry "unix" in
ZONEPORTAL_TRUSTED_PROXIES says so deliberately; without it, an empty REMOTE_ADDR is
trusted for nothing and every such visitor counts as "unknown" (one shared bucket).
"""

import ipaddress
from functools import lru_cache

from django.conf import settings

UNKNOWN = "unknown"
# In ZONEPORTAL_TRUSTED_PROXIES: requests over the app server's unix socket (no peer address).
UNIX_SOCKET = "unix"


def client_ip(request) -> str:
    """The address of the client that sent `request`, as far as it can be trusted."""
    if request is None:
        return UNKNOWN
    remote = (request.META.get("REMOTE_ADDR") or "").strip()
    trusted = tuple(settings.ZONEPORTAL_TRUSTED_PROXIES)
    from_proxy = _is_trusted_proxy(remote, trusted) if remote else UNIX_SOCKET in trusted
    if from_proxy:
        header = settings.ZONEPORTAL_CLIENT_IP_HEADER
        forwarded = (request.META.get(header) or "").strip()
        if _parse(forwarded) is not None:
            return forwarded
    return remote[:64] or UNKNOWN


def _parse(value: str):
    try:
        return ipaddress.ip_address(value)
    except ValueError:
        return None


@lru_cache(maxsize=256)
def _is_trusted_proxy(address: str, trusted: tuple[str, ...]) -> bool:
    ip = _parse(address)
    if ip is None:
        return False
    return any(
        ip in ipaddress.ip_network(network, strict=False)
        for network in trusted
        if network != UNIX_SOCKET
    )
