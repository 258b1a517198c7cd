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
# - grace (stale-while-revalidate): an expired page is served at once, up to 6 h past
#   its TTL, while a background fetch refreshes it; a refresh that fails (app servers
#   down, 5xx) is abandoned and the stale copy stays. Purged pages are gone for good.
vcl 4.1;

import std;
import cookie;

# EDIT: the port of nginx's internal listener (the load balancer of the app servers).
backend app_servers {
    .host = "127.0.0.1";
    .port = "8081";
    .connect_timeout = 2s;
    .first_byte_timeout = 30s;
    .between_bytes_timeout = 10s;
    .max_connections = 300;
    # No .probe: a probe that fails while the app servers are merely busy (it queues
    # behind the requests they are serving) would make Varnish answer 503 to every
    # miss and pass. Health is nginx's job (passive checks on each app server); a
    # dead tier shows here as failed fetches, and grace keeps serving stale copies.
}

acl purgers {
    "127.0.0.1";
    "::1";
}

sub vcl_recv {
    unset req.http.X-Cache;

    if (req.method == "PURGE") {
        # The front nginx is on 127.0.0.1 too: a request that came through it (it
        # always sets X-Real-IP) is a visitor's, whatever its peer address says.
        if (client.ip !~ purgers || req.http.X-Real-IP) {
            return (synth(403, "Forbidden"));
        }
        return (purge);
    }
    if (req.method == "BAN" || req.method == "REFRESH") {
        return (synth(405, "Method Not Allowed"));
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
