#!/usr/bin/env bash
# Throughput of uncached page rendering: gunicorn -w 2 (production settings, SQLite demo
# database) on 127.0.0.1, wrk for a bounded time per URL. Usage: bench/wrk.sh [seconds]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-15}
work=$(mktemp -d)
port=$(.venv/bin/python -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])')
export DJANGO_SETTINGS_MODULE=zoneportal.settings.production
export SECRET_KEY="bench-$(head -c 48 /dev/urandom | base64 | tr -d '/+=' | head -c 60)"
export ALLOWED_HOSTS=127.0.0.1 SECURE_SSL_REDIRECT=false
export DATABASE_URL="sqlite:///$work/db.sqlite3" MEDIA_ROOT="$work/media" STATIC_ROOT="$work/static"
.venv/bin/python manage.py migrate --no-input -v0
.venv/bin/python manage.py collectstatic --no-input -v0
.venv/bin/python manage.py load_demo --no-users -v0
article=$(.venv/bin/python manage.py shell -v 0 -c "from wagtail.models import Page; print(Page.objects.get(slug='wuxi-to-deepen-cooperation-with-japan-and-south-korea').url)")
news=$(.venv/bin/python manage.py shell -v 0 -c "from zoneportal.news.models import NewsIndexPage; print(NewsIndexPage.objects.first().url)")
.venv/bin/gunicorn zoneportal.wsgi -w 2 -b "127.0.0.1:$port" --log-level warning &
gpid=$!
trap 'kill $gpid 2>/dev/null; rm -rf "$work"' EXIT
for _ in $(seq 1 50); do curl -sf "http://127.0.0.1:$port/en/" -o /dev/null -H "X-Forwarded-Proto: https" && break; sleep 0.2; done
echo "| page | URL | req/s | latency p50 | p99 | non-2xx |"
echo "| --- | --- | ---: | ---: | ---: | ---: |"
for spec in "home|/en/" "news index|$news" "article|$article" "search|/en/search/?q=SK+Hynix"; do
  name=${spec%%|*}; url=${spec#*|}
  out=$(wrk -t2 -c8 -d"${duration}s" --latency -H "X-Forwarded-Proto: https" "http://127.0.0.1:$port$url")
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  non2xx=$(awk '/Non-2xx/ {print $NF}' <<<"$out"); non2xx=${non2xx:-0}
  echo "| $name | \`$url\` | $rps | $p50 | $p99 | $non2xx |"
done
