#!/usr/bin/env bash
# Benchmarks of the local cluster (deploy/local-cluster), results in bench/production.md.
#   bench/cluster.sh [seconds]   (default 20 s per wrk run; the mixed load is 60 s)
# Starts the cluster if it is not running (and leaves it running: deploy/local-cluster stop).
# (a) cached article through nginx's page cache vs the same HTML as a static file
#     served by the same nginx (the ceiling), gzip (what browsers ask for) and plain;
# (b) uncached pages straight from app server A (gunicorn, 2 workers) with wrk, and
#     in-process render time and queries (bench/cluster_render.py);
# (c) the mixed load (bench/cluster_mixed.lua) at 200 connections for 60 s.
# The 30-minute soak is separate: bench/cluster_soak.py.
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-20}
NGINX=http://127.0.0.1:${ZP_NGINX_PORT:-8080}
APP_A=http://127.0.0.1:${ZP_APP_A_PORT:-8001}
DIR=${ZP_CLUSTER_DIR:-var/cluster}
ARTICLE=/en/media-center/news/wuxi-to-deepen-cooperation-with-japan-and-south-korea/

# App servers listen on private unix sockets; for (b) A also listens on a TCP port
# (wrk speaks TCP only), restarted with it if the running cluster was started without.
export ZP_APP_A_TCP=${APP_A#http://}
deploy/local-cluster status >/dev/null 2>&1 || deploy/local-cluster start
if ! curl -sf -o /dev/null "$APP_A/healthz"; then
  deploy/local-cluster stop-app a && deploy/local-cluster start-app a
fi

echo "## $(date -u +%Y-%m-%dT%H:%MZ) on $(nproc) cores, $(uname -r); load average $(cut -d' ' -f1-3 /proc/loadavg)"
echo "nginx $(nginx -v 2>&1 | cut -d/ -f2) (proxy_cache, libnginx-mod-http-cache-purge), wrk $(wrk -v 2>&1 | head -1 | cut -d' ' -f2)"

row() {  # name url wrk-args...
  local name=$1 url=$2; shift 2
  local out
  out=$(wrk --latency "$@" "$url")
  printf '| %s | `%s` | %s | %s | %s | %s |\n' "$name" "${url#http://127.0.0.1}" \
    "$(awk '/Requests\/sec/ {print $2}' <<<"$out")" "$(awk '$1=="50%" {print $2}' <<<"$out")" \
    "$(awk '$1=="99%" {print $2}' <<<"$out")" "$(awk '/Non-2xx/ {print $NF}' <<<"$out" | grep . || echo 0)"
}

echo
echo "### (a) cached article vs static-file ceiling (wrk -t2 -c64 -d${duration}s)"
curl -sf "$NGINX$ARTICLE" -o /dev/null
# The ceiling serves the very bytes the cache holds: the gzip body, and the plain HTML.
curl -sf -H "Accept-Encoding: gzip" "$NGINX$ARTICLE" -o "$DIR/ceiling/article.html.gz"
curl -sf "$NGINX$ARTICLE" -o "$DIR/ceiling/article.html"
curl -sf -H "Accept-Encoding: gzip" "$NGINX$ARTICLE" -o /dev/null
hdr=$(curl -sf -D - -o /dev/null "$NGINX$ARTICLE" | tr -d '\r' | grep -iE '^x-cache:' | tr '\n' ' ')
echo "cache check: $hdr; HTML $(wc -c <"$DIR/ceiling/article.html") bytes, gzip $(wc -c <"$DIR/ceiling/article.html.gz") bytes"
echo "| path | URL | req/s | p50 | p99 | non-2xx |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
gz=(-H "Accept-Encoding: gzip")
row "static file, nginx (ceiling), gzip" "$NGINX/__ceiling/article.html" -t2 -c64 -d"${duration}s" "${gz[@]}"
row "cached: nginx page cache, gzip" "$NGINX$ARTICLE" -t2 -c64 -d"${duration}s" "${gz[@]}"
row "static file, nginx (ceiling), identity" "$NGINX/__ceiling/article.html" -t2 -c64 -d"${duration}s"
row "cached: nginx page cache, identity" "$NGINX$ARTICLE" -t2 -c64 -d"${duration}s"
echo
echo "### (b) uncached, app server A alone (gunicorn 2 workers; wrk -t2 -c8 -d${duration}s)"
echo "| page | URL | req/s | p50 | p99 | non-2xx |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for spec in "article|$ARTICLE" "news index|/en/media-center/news/" "home|/en/" \
            "park|/en/business/industrial-parks/wuxi-singapore-industrial-park/" \
            "search|/en/search/?q=SK+Hynix"; do
  row "${spec%%|*}" "$APP_A${spec#*|}" -t2 -c8 -d"${duration}s"
done
echo
echo "In-process (bench/cluster_render.py --runs 30):"
(eval "$(deploy/local-cluster env)" && .venv/bin/python bench/cluster_render.py --runs 30)

echo
echo "### (c) mixed load: 80 % cached, 15 % uncached, 5 % search; wrk -t2 -c200 -d60s"
wrk -t2 -c200 -d60s --latency --timeout 10s -s bench/cluster_mixed.lua "$NGINX" | grep -E "Requests/sec|Latency|50%|99%|Non-2xx|Socket errors|MIXED"
