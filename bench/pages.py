"""Per-page-type cost: queries, HTML bytes and in-process render time.

Usage (from the repository root, after `make install`):

    .venv/bin/python bench/pages.py [--runs 30]

Builds a throwaway SQLite database with the demo site, then for one page of each
type requests it once to warm caches and `--runs` more times, recording the query
count of a warm request, the response size and the median/p95 render time through
Django's test client (no network). Prints a Markdown table.
"""

import argparse
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))


def setup_django(workdir: Path) -> None:
    os.environ["DJANGO_SETTINGS_MODULE"] = "zoneportal.settings.dev"
    os.environ["SQLITE_PATH"] = str(workdir / "db.sqlite3")
    os.environ["MEDIA_ROOT"] = str(workdir / "media")
    import django

    django.setup()
    from django.conf import settings

    settings.DEBUG = False  # template debug and query logging off, as in production
    from django.core.management import call_command

    call_command("migrate", verbosity=0)
    call_command("load_demo", users=False, verbosity=0)


def sample_urls() -> dict[str, str]:
    from django.apps import apps
    from wagtail.models import Page

    def first(label, **filters):
        model = apps.get_model(label)
        page = model.objects.live().filter(**filters).order_by("path").first()
        return page.url if page else None

    urls = {"home": "/en/"}
    for name, label in [
        ("section", "core.SectionPage"),
        ("standard", "core.StandardPage"),
        ("news index", "news.NewsIndexPage"),
        ("news article", "news.NewsArticlePage"),
        ("video index", "media.VideoIndexPage"),
        ("video", "media.VideoPage"),
        ("procedure", "guides.ProcedurePage"),
        ("policy", "guides.PolicyPage"),
        ("q & a", "guides.QAPage"),
        ("industry index", "business.IndustryIndexPage"),
        ("industry", "business.IndustryPage"),
        ("park index", "business.ParkIndexPage"),
        ("park", "business.ParkPage"),
        ("company index", "business.CompanyIndexPage"),
        ("company", "business.CompanyPage"),
        ("event index", "culture.EventIndexPage"),
        ("event", "culture.EventPage"),
        ("attraction", "culture.AttractionPage"),
        ("specialty", "culture.SpecialtyPage"),
        ("message page", "inquiries.InquiryPage"),
    ]:
        try:
            url = first(label)
        except LookupError:
            url = None
        if url:
            urls[name] = url
    delegation = Page.objects.filter(slug="wuxi-to-deepen-cooperation-with-japan-and-south-korea")
    if delegation.exists():
        urls["news article"] = delegation.first().url
    urls["search"] = "/en/search/?q=SK+Hynix"
    return urls


class _QueryCounter(list):
    """A database execute wrapper that records each SQL statement it runs."""

    def __call__(self, execute, sql, params, many, context):
        self.append(sql)
        return execute(sql, params, many, context)


def measure(urls: dict[str, str], runs: int) -> list[dict]:
    from django.db import connection
    from django.test import Client

    client = Client(HTTP_HOST="127.0.0.1")
    rows = []
    for name, url in urls.items():
        response = client.get(url)  # warm caches and renditions
        assert response.status_code == 200, (url, response.status_code)
        # An execute wrapper counts every query whatever DEBUG says (the request
        # signals reset connection.queries, so CaptureQueriesContext undercounts).
        executed = _QueryCounter()
        with connection.execute_wrapper(executed):
            response = client.get(url)
        timings = []
        for _ in range(runs):
            start = time.perf_counter()
            client.get(url)
            timings.append((time.perf_counter() - start) * 1000)
        timings.sort()
        rows.append(
            {
                "page": name,
                "url": url,
                "queries": len(executed),
                "bytes": len(response.content),
                "median_ms": statistics.median(timings),
                "p95_ms": timings[int(len(timings) * 0.95) - 1],
            }
        )
    return rows


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=30)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        setup_django(Path(tmp))
        rows = measure(sample_urls(), args.runs)
    print("| page type | URL | queries (warm) | HTML bytes | median ms | p95 ms |")
    print("| --- | --- | ---: | ---: | ---: | ---: |")
    for r in rows:
        print(
            f"| {r['page']} | `{r['url']}` | {r['queries']} | {r['bytes']:,} | "
            f"{r['median_ms']:.1f} | {r['p95_ms']:.1f} |"
        )


if __name__ == "__main__":
    main()
