# ZonePortal page cache for Varnish 7.1 (Debian bookworm).
#
#   varnishd -a 127.0.0.1:6081 -f /etc/varnish/zoneportal.vcl -s malloc,512m
#
# Sits between the front nginx (TLS, static, media) and nginx's internal listener that
# load-balances the app servers (deploy/nginx/zoneportal.conf); docs/decisions/0008.
# What is cached is decided by the app's Cache-Control (s-maxage for shared caches);
# this file adds the rules that must hold whatever the app says:
# - never cache /admin/, previews, /search/, the bare / language redirect, non-GET;
# - a request carrying a session or CSRF cookie is passed (editors, form users);
#   every other cookie (analytics and the like) is dropped before lookup;
# - key: URL + host name (port and case ignored); the language is in the URL prefix;
# - PURGE <path> with the page's Host, from this machine only (Wagtail's frontend
#   cache HTTPBackend, CACHE_PURGE_URL=http://127.0.0.1:6081);
# - grace: stale pages are served for up to 6 h while the app servers are down
#   (probe: /readyz?skip=cache, so a Redis outage, which the app survives, is not one).
vcl 4.1;

import std;
import cookie;

# EDIT: the port of nginx's internal listener, and the public host name in the probe.
backend app_servers {
    .host = "127.0.0.1";
    .port = "8081";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    .max_connections = 300;
    .probe = {
        .request =
            "GET /readyz?skip=cache HTTP/1.1"
            "Host: portal.example.org"
            "User-Agent: varnish-probe"
            "Connection: close";
        .interval = 2s;
        .timeout = 2s;
        .window = 5;
        .threshold = 3;
    }
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    unset req.http.X-Cache;

    if (req.method == "PURGE") {
        if (client.ip !~ purgers) {
            return (synth(403, "Forbidden"));
        }
        return (purge);
    }
    if (req.method == "BAN" || req.method == "REFRESH") {
        return (synth(405, "Method Not Allowed"));
    }

    # A stale object is served for 10 s past its TTL while a fresh one is fetched in
    # the background; when the probe says the app servers are down, for 6 h.
    if (std.healthy(req.backend_hint)) {
        set req.grace = 10s;
    }

    # Tracking parameters do not change the page: one cache object for all of them.
    if (req.url ~ "[?&](utm_[a-z]+|gclid|fbclid|mc_[a-z]+)=") {
        set req.url = regsuball(req.url, "(utm_[a-z]+|gclid|fbclid|mc_[a-z]+)=[^&]*&?", "");
        set req.url = regsub(req.url, "[?&]+$", "");
    }

    if (req.method != "GET" && req.method != "HEAD") {
        return (pass);
    }
    # The admin, previews, the search and health endpoints, and the bare "/" redirect
    # (it depends on the visitor's language cookie and Accept-Language).
    if (req.url ~ "^/admin/" || req.url ~ "^/[a-z-]+/search/" || req.url ~ "^/search/"
        || req.url ~ "^/(healthz|readyz)" || req.url ~ "^/(\?|$)"
        || req.url ~ "[?&]preview") {
        return (pass);
    }

    if (req.http.Cookie) {
        cookie.parse(req.http.Cookie);
        if (cookie.isset("sessionid") || cookie.isset("csrftoken")) {
            # Keep only what the app reads; the request is not cached.
            cookie.keep("sessionid,csrftoken,django_language");
            set req.http.Cookie = cookie.get_string();
            return (pass);
        }
        unset req.http.Cookie;
    }
    # Falls through to the built-in vcl_recv (Authorization -> pass, else lookup).
}

sub vcl_hash {
    hash_data(req.url);
    if (req.http.Host) {
        hash_data(regsub(std.tolower(req.http.Host), ":[0-9]+$", ""));
    } else {
        hash_data(server.ip);
    }
    return (lookup);
}

sub vcl_hit {
    if (obj.ttl >= 0s) {
        set req.http.X-Cache = "HIT";
    } else {
        set req.http.X-Cache = "HIT-STALE";
    }
}

sub vcl_miss {
    set req.http.X-Cache = "MISS";
}

sub vcl_pass {
    set req.http.X-Cache = "PASS";
}

sub vcl_purge {
    return (synth(200, "Purged"));
}

sub vcl_backend_fetch {
    unset bereq.http.X-Cache;
}

sub vcl_backend_response {
    # Errors are never cached; a background refresh that fails keeps the stale page.
    if (beresp.status >= 500) {
        if (bereq.is_bgfetch) {
            return (abandon);
        }
        set beresp.uncacheable = true;
        set beresp.ttl = 0s;
        return (deliver);
    }
    # Anything the app did not mark cacheable for shared caches is not stored (the
    # built-in default would cache a 120 s TTL for responses without Cache-Control).
    if (!beresp.http.Cache-Control || beresp.http.Cache-Control !~ "(s-maxage|max-age)=") {
        set beresp.uncacheable = true;
        set beresp.ttl = 120s;
        return (deliver);
    }
    set beresp.grace = 6h;
    # Built-in: Set-Cookie, private, no-store, no-cache or Vary: * -> hit-for-miss.
}

sub vcl_deliver {
    if (req.http.X-Cache) {
        set resp.http.X-Cache = req.http.X-Cache;
    } else {
        set resp.http.X-Cache = "SYNTH";
    }
    unset resp.http.Via;
    unset resp.http.X-Varnish;
}
