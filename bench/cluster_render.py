"""In-process render time and queries of the benchmark pages with the cluster's settings.

    deploy/local-cluster manage ...  # not needed: run through bench/cluster.sh, or
    eval "$(deploy/local-cluster env)" && .venv/bin/python bench/cluster_render.py

Production settings, the cluster's PostgreSQL database and Redis cache: the same
measurement as bench/pages.py (warm request, query count with an execute wrapper,
median and p95 of --runs requests through Django's test client, no network).
"""

import argparse
import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

URLS = {
    "article": "/en/media-center/news/wuxi-to-deepen-cooperation-with-japan-and-south-korea/",
    "news index": "/en/media-center/news/",
    "home": "/en/",
    "park": "/en/business/industrial-parks/wuxi-singapore-industrial-park/",
    "search": "/en/search/?q=SK+Hynix",
}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    assert os.environ.get("DJANGO_SETTINGS_MODULE") == "zoneportal.settings.production"
    import django

    django.setup()
    from django.conf import settings

    # The search rate limit counts per client address; the test client is one address.
    settings.ZONEPORTAL_SEARCH_RATE = 10**9
    from pages import measure  # bench/pages.py

    rows = measure(URLS, args.runs)
    print("| page | URL | queries (warm) | HTML bytes | median ms | p95 ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(
            f"| {r['page']} | `{r['url']}` | {r['queries']} | {r['bytes']:,} | "
            f"{r['median_ms']:.1f} | {r['p95_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
