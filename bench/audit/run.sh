#!/bin/sh
# Audit the demo site with axe-core, the Nu HTML Checker (vnu) and Lighthouse.
#
#   bench/audit/run.sh                 # everything: build the demo, serve it, audit it
#   AUDIT_TOOLS_ONLY=axe,vnu AUDIT_ONLY=home,message bench/audit/run.sh
#
# Installs the tools with npm into /tmp/audit (nothing in the repository), loads the
# demo into /tmp/zoneportal-audit, serves it as production does (DEBUG off, hashed
# static files, gunicorn behind nginx with gzip and brotli, the media cache headers of
# deploy/nginx) on 127.0.0.1:$AUDIT_PORT, runs bench/audit/audit.py on home, a news
# article, a park page and the message page in en, zh, ja and ko, then stops the
# servers. Bounded: every step has a timeout; the whole run takes about 20 minutes
# on 2 cores. Results: /tmp/audit/results (summary.json, Lighthouse reports).
set -eu
REPO=$(cd "$(dirname "$0")/../.." && pwd)
TOOLS=/tmp/audit
WORK=${AUDIT_WORK:-/tmp/zoneportal-audit}
PORT=${AUDIT_PORT:-8331}
APP_PORT=$((PORT + 1))
PY="$REPO/.venv/bin/python"

mkdir -p "$TOOLS" "$WORK/nginx/tmp" "$WORK/logs"
if [ ! -f "$TOOLS/node_modules/vnu-jar/build/dist/vnu.jar" ]; then
    (cd "$TOOLS" && [ -f package.json ] || npm init -y >/dev/null
     cd "$TOOLS" && timeout 600 npm install --no-audit --no-fund lighthouse@12 axe-core@4 vnu-jar@26)
fi

export DJANGO_SETTINGS_MODULE=audit_settings PYTHONPATH="$REPO/bench/audit" \
    SQLITE_PATH="$WORK/db.sqlite3" MEDIA_ROOT="$WORK/media" STATIC_ROOT="$WORK/static"
unset DATABASE_URL REDIS_URL || true
cd "$REPO"
if [ ! -f "$WORK/db.sqlite3" ]; then
    timeout 300 "$PY" manage.py migrate --no-input -v 0
    timeout 900 "$PY" manage.py load_demo
fi
timeout 300 "$PY" manage.py collectstatic --no-input -v 0

sed -e "s#@PORT@#$PORT#g" -e "s#@APP_PORT@#$APP_PORT#g" -e "s#@WORK@#$WORK#g" \
    "$REPO/bench/audit/nginx.conf.in" > "$WORK/nginx.conf"
"$REPO/.venv/bin/gunicorn" zoneportal.wsgi --bind "127.0.0.1:$APP_PORT" --workers 2 \
    --pid "$WORK/gunicorn.pid" --daemon --log-file "$WORK/logs/gunicorn.log"
nginx -p "$WORK" -c "$WORK/nginx.conf"
stop() {
    kill "$(cat "$WORK/gunicorn.pid")" 2>/dev/null || true
    kill "$(cat "$WORK/nginx.pid")" 2>/dev/null || true
}
trap stop EXIT INT TERM
sleep 3
uptime
timeout 3000 "$PY" bench/audit/audit.py "http://127.0.0.1:$PORT" \
    --tools "${AUDIT_TOOLS_ONLY:-axe,vnu,lighthouse}" --only "${AUDIT_ONLY:-}" \
    --out "$TOOLS/results"
