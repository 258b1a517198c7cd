"""Search latency with 20,000 generated pages (5,000 per language) on SQLite and PostgreSQL.

Usage (from the repository root):

    .venv/bin/python bench/search.py --db sqlite
    .venv/bin/python bench/search.py --db postgres \\
        --postgres postgres://postgres@127.0.0.1:5432/postgres

Builds a throwaway database (a temporary SQLite file, or a PostgreSQL database
`zoneportal_search_bench` created next to the one given and dropped afterwards),
creates a home page per language and `--pages` standard pages under each with raw
bulk inserts (treebeard paths computed here, no `save()`), indexes them with the
configured Wagtail database backend (bigram CJK fields included), then requests
/<lang>/search/?q=... in-process (Django test client, no network, DEBUG=False) for
every query of a 240-query mix across the four languages, after one warm-up
round. Prints p50/p95/max in milliseconds, overall and per language, and how many
queries needed the relaxed (CJK split) fallback.
"""

import argparse
import os
import random
import statistics
import sys
import tempfile
import time
import uuid
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

BENCH_DATABASE = "zoneportal_search_bench"

COMPANIES = {
    "en": ["SK Hynix", "Murata", "Bosch", "Infineon", "WuXi AppTec", "China Resources Micro"],
    "zh-hans": ["SK海力士", "村田制作所", "博世", "英飞凌", "药明康德", "华润微电子"],
    "ja": ["SKハイニックス", "村田製作所", "ボッシュ", "インフィニオン", "薬明康徳", "華潤微電子"],
    "ko": ["SK하이닉스", "무라타제작소", "보쉬", "인피니언", "우시앱텍", "화룬웨이전자"],
}
TOPICS = {
    "en": [
        "semiconductor",
        "biomedicine",
        "Internet of Things",
        "Taihu Bay",
        "talent policy",
        "integrated circuits",
        "new energy",
        "logistics",
        "delegation",
        "investment",
    ],
    "zh-hans": [
        "半导体",
        "生物医药",
        "物联网",
        "太湖湾",
        "人才政策",
        "集成电路",
        "新能源",
        "物流",
        "代表团",
        "投资",
    ],
    "ja": [
        "半導体",
        "バイオ医薬",
        "IoT",
        "太湖湾",
        "人材政策",
        "集積回路",
        "新エネルギー",
        "物流",
        "代表団",
        "投資",
    ],
    "ko": [
        "반도체",
        "바이오의약",
        "사물인터넷",
        "타이후만",
        "인재 정책",
        "집적회로",
        "신에너지",
        "물류",
        "대표단",
        "투자",
    ],
}
SENTENCES = {
    "en": [
        "{company} signed a {n} million dollar agreement on {topic} in the district.",
        "The {topic} cluster added {n} companies this year, led by {company}.",
        "Officials met {company} to discuss land, talent and {topic} subsidies.",
        "A delegation from {company} toured the science park and the {topic} centre.",
        "Rent subsidies of up to {n} percent apply to {topic} start-ups.",
        "{company} opened a research laboratory for {topic} near Taihu Bay.",
    ],
    "zh-hans": [
        "{company}在高新区签署{n}亿元{topic}合作协议。",
        "今年{topic}产业集群新增{n}家企业，由{company}领衔。",
        "区领导会见{company}代表，就用地、人才和{topic}补贴进行洽谈。",
        "{company}代表团参观科技园和{topic}创新中心。",
        "{topic}初创企业可享受最高{n}%的房租补贴。",
        "{company}在太湖湾附近设立{topic}研发实验室。",
    ],
    "ja": [
        "{company}は高新区で{n}億元規模の{topic}協力協定に調印した。",
        "今年、{topic}産業の集積に{n}社が加わり、{company}がけん引している。",
        "区の幹部が{company}と会談し、用地や人材、{topic}の補助金について協議した。",
        "{company}の代表団がサイエンスパークと{topic}センターを視察した。",
        "{topic}のスタートアップには最大{n}％の家賃補助が適用される。",
        "{company}は太湖湾の近くに{topic}の研究所を開設した。",
    ],
    "ko": [
        "{company}가 고신구에서 {n}억 위안 규모의 {topic} 협력 협약을 체결했다.",
        "올해 {topic} 산업 클러스터에 {n}개 기업이 새로 들어섰으며 {company}가 이끌고 있다.",
        "구 관계자가 {company}와 만나 부지, 인재, {topic} 보조금을 논의했다.",
        "{company} 대표단이 과학단지와 {topic} 센터를 둘러봤다.",
        "{topic} 스타트업은 최대 {n}%의 임대료 보조금을 받을 수 있다.",
        "{company}가 타이후만 근처에 {topic} 연구소를 열었다.",
    ],
}
# Fixed queries per language (query_mix adds more): single words, two-character words, mixed Latin/CJK,
# kana/kanji mixes, Korean with and without spaces, and a few that match nothing.
QUERIES = {
    "en": [
        "semiconductor",
        "SK Hynix",
        "Murata",
        "biomedicine",
        "Taihu Bay",
        "subsidies",
        "delegation",
        "talent",
        "laboratory",
        "agreement",
        "Infineon",
        "logistics",
        "new energy",
        "science park",
        "rent subsidies",
        "Bosch",
        "integrated circuits",
        "WuXi AppTec",
        "research",
        "start-ups",
    ],
    "zh-hans": [
        "半导体",
        "SK海力士",
        "村田制作所",
        "生物医药",
        "太湖湾",
        "补贴",
        "代表团",
        "人才",
        "实验室",
        "协议",
        "英飞凌",
        "物流",
        "新能源",
        "科技园",
        "房租补贴",
        "博世",
        "集成电路",
        "药明康德",
        "研发",
        "锡",
    ],
    "ja": [
        "半導体",
        "SKハイニックス",
        "村田製作所",
        "バイオ医薬",
        "太湖湾",
        "補助金",
        "代表団",
        "人材",
        "研究所",
        "協定",
        "インフィニオン",
        "物流",
        "新エネルギー",
        "サイエンスパーク",
        "家賃補助",
        "ボッシュ",
        "集積回路",
        "村田製作所の研究所",
        "視察",
        "スタートアップ",
    ],
    "ko": [
        "반도체",
        "SK하이닉스",
        "무라타제작소",
        "바이오의약",
        "타이후만",
        "보조금",
        "대표단",
        "인재",
        "연구소",
        "협약",
        "하이닉스 투자",
        "하이닉스투자",
        "신에너지",
        "과학단지",
        "임대료 보조금",
        "임대료보조금",
        "집적회로",
        "우시앱텍",
        "사물인터넷",
        "스타트업",
    ],
}


def database_url(args) -> str | None:
    if args.db == "sqlite":
        return None
    base, _, _name = args.postgres.rpartition("/")
    return f"{base}/{BENCH_DATABASE}"


def recreate_postgres_database(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")
        connection.execute(f"CREATE DATABASE {BENCH_DATABASE}")


def drop_postgres_database(admin_url: str) -> None:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f"DROP DATABASE IF EXISTS {BENCH_DATABASE}")


def sqlite_path(args, workdir: Path) -> Path:
    return Path(args.sqlite_file) if args.sqlite_file else workdir / "db.sqlite3"


def setup_django(args, workdir: Path) -> None:
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "zoneportal.settings.test")
    os.environ["TEST_MEDIA_ROOT"] = str(workdir / "media")
    url = database_url(args)
    if url:
        os.environ["DATABASE_URL"] = url
    else:
        os.environ.pop("DATABASE_URL", None)
    os.environ.pop("REDIS_URL", None)  # local-memory cache: in-process, nothing shared
    import django
    from django.conf import settings

    if not url:
        settings.DATABASES = {
            "default": {
                "ENGINE": "django.db.backends.sqlite3",
                "NAME": str(sqlite_path(args, workdir)),
            }
        }
    django.setup()
    settings.DEBUG = False
    settings.ZONEPORTAL_SEARCH_RATE = 10**9  # one client sends every request: no rate limit
    from django.core.management import call_command

    call_command("migrate", verbosity=0)


def make_homes():
    """An English home wired to the default site and a published translation per language."""
    from wagtail.models import Locale, Page, Site

    from zoneportal.core.models import HomePage

    root = Page.get_first_root_node()
    for child in root.get_children():
        child.delete()
    english, _ = Locale.objects.get_or_create(language_code="en")
    home = HomePage(title="Wuxi National Hi-tech District", slug="home", locale=english)
    root.add_child(instance=home)
    home.save_revision().publish()
    Site.objects.update_or_create(
        is_default_site=True,
        defaults={"hostname": "testserver", "port": 80, "root_page": home, "site_name": "WND"},
    )
    homes = {"en": home}
    for code in ("zh-hans", "ja", "ko"):
        locale, _ = Locale.objects.get_or_create(language_code=code)
        translation = home.copy_for_translation(locale)
        translation.save_revision().publish()
        homes[code] = HomePage.objects.get(pk=translation.pk)
    return homes


def page_texts(language: str, rng: random.Random) -> tuple[str, str, str]:
    """A generated title, summary and body paragraph in `language`."""
    company = rng.choice(COMPANIES[language])
    topic = rng.choice(TOPICS[language])

    def sentence():
        return rng.choice(SENTENCES[language]).format(
            company=rng.choice(COMPANIES[language]),
            topic=rng.choice(TOPICS[language]),
            n=rng.randint(2, 900),
        )

    separator = " " if language in ("en", "ko") else ""
    title = f"{company} {topic} {rng.randint(1, 9999)}"
    summary = sentence()
    body = separator.join(sentence() for _ in range(rng.randint(4, 9)))
    return title, summary, body


def bulk_create_pages(home, count: int, rng: random.Random) -> None:
    """`count` live StandardPages under `home`: Page rows with bulk_create, the
    StandardPage rows with one executemany (multi-table models cannot bulk_create)."""
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Page

    from zoneportal.core.models import StandardPage
    from zoneportal.demo.builder import rich, stream

    content_type = ContentType.objects.get_for_model(StandardPage)
    language = home.locale.language_code
    pages, details = [], []
    for number in range(1, count + 1):
        title, summary, body = page_texts(language, rng)
        slug = f"p{number}"
        pages.append(
            Page(
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                locale_id=home.locale_id,
                path=Page._get_path(home.path, home.depth + 1, number),
                depth=home.depth + 1,
                numchild=0,
                live=True,
                has_unpublished_changes=False,
                url_path=f"{home.url_path}{slug}/",
                translation_key=uuid.uuid4(),
            )
        )
        details.append((summary, stream(("paragraph", rich(body)))))
    Page.objects.bulk_create(pages, batch_size=1000)
    Page.objects.filter(pk=home.pk).update(numchild=count)

    created = Page.objects.filter(path__startswith=home.path, depth=home.depth + 1)
    ids = dict(created.values_list("path", "pk"))
    fields = list(StandardPage._meta.local_concrete_fields)
    columns = ", ".join(connection.ops.quote_name(f.column) for f in fields)
    placeholders = ", ".join(["%s"] * len(fields))
    table = StandardPage._meta.db_table  # names from model metadata; values are parameters
    sql = f"INSERT INTO {table} ({columns}) VALUES ({placeholders})"  # noqa: S608
    rows = []
    for page, (summary, body) in zip(pages, details, strict=True):
        specific = StandardPage(page_ptr_id=ids[page.path], listing_summary=summary, body=body)
        rows.append([f.get_db_prep_save(getattr(specific, f.attname), connection) for f in fields])
    with connection.cursor() as cursor:
        cursor.executemany(sql, rows)


def index_pages() -> float:
    """Index every StandardPage in chunks, as `update_index` does; returns seconds."""
    from wagtail.search.backends import get_search_backend

    from zoneportal.core.models import StandardPage

    backend = get_search_backend()
    started = time.perf_counter()
    pks = list(StandardPage.objects.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(pks), 1000):
        chunk = list(StandardPage.objects.filter(pk__in=pks[start : start + 1000]))
        backend.add_bulk(StandardPage, chunk)
    return time.perf_counter() - started


def query_mix(seed: int) -> dict[str, list[str]]:
    """60 distinct queries per language: the fixed list, every company and topic,
    and "company topic" pairs as visitors type them (CJK pairs also without space)."""
    rng = random.Random(seed)
    mix = {}
    for code, fixed in QUERIES.items():
        queries = [*fixed, *COMPANIES[code], *TOPICS[code]]
        separator = " " if code == "en" else rng.choice(["", " "])
        while len(set(queries)) < 60:
            pair = f"{rng.choice(COMPANIES[code])}{separator}{rng.choice(TOPICS[code])}"
            queries.append(pair)
            separator = " " if code == "en" else rng.choice(["", " "])
        mix[code] = list(dict.fromkeys(queries))
    return mix


RELAXED_NOTICE = (
    "No page contains “%(query)s” exactly as typed. These pages contain its parts, "
    "as if it had been written with a space."
)


def time_queries(client, rounds: int, seed: int, budget: float) -> dict:
    """Time every query of the mix: uncached (the result cache off, one discarded
    warm-up round, then `rounds` timed rounds), then with the result cache on (one
    round filling it, one timed round of cache hits). Stops when `budget` seconds
    have passed and says so."""
    from django.conf import settings
    from django.urls import reverse
    from django.utils import translation
    from django.utils.translation import gettext

    mix = query_mix(seed)
    urls, notices = {}, {}
    for code in mix:
        with translation.override(code):
            urls[code] = reverse("search")
            notice = gettext(RELAXED_NOTICE)
        # The relaxed-search notice in this language, without the query in it.
        notices[code] = max(notice.split("%(query)s"), key=len).strip().encode()
    deadline = time.perf_counter() + budget
    phases = {"uncached": {code: [] for code in mix}, "cached": {code: [] for code in mix}}
    relaxed = 0
    complete = True
    plan = [("uncached", 0)] + [("uncached", n) for n in range(1, rounds + 1)]
    plan += [("cached", 0), ("cached", 1)]
    for phase, round_number in plan:
        settings.ZONEPORTAL_SEARCH_CACHE_SECONDS = 300 if phase == "cached" else 0
        for code, queries in mix.items():
            for query in queries:
                if time.perf_counter() > deadline:
                    complete = False
                    break
                started = time.perf_counter()
                response = client.get(urls[code], {"q": query})
                elapsed = (time.perf_counter() - started) * 1000
                assert response.status_code == 200, (code, query, response.status_code)
                if round_number:
                    phases[phase][code].append(elapsed)
                elif phase == "uncached" and notices[code] in response.content:
                    relaxed += 1
        print(f"{phase} round {round_number} done", flush=True)
    return {"phases": phases, "relaxed": relaxed, "complete": complete}


def percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    return ordered[min(int(round(fraction * (len(ordered) - 1))), len(ordered) - 1)]


def report(args, build_seconds: float, index_seconds: float, timings) -> None:
    from django.db import connection

    print(f"database: {connection.vendor}, pages: {args.pages} per language x 4")
    print(f"load average at the end (1, 5, 15 min): {os.getloadavg()}")
    print(f"bulk insert: {build_seconds:.1f} s, index: {index_seconds:.1f} s")
    print(f"relaxed fallbacks per round: {timings['relaxed']}")
    if not timings["complete"]:
        print(f"STOPPED after the --budget of {args.budget:.0f} s: figures are partial")
    for phase, per_language in timings["phases"].items():
        all_times = [t for values in per_language.values() for t in values]
        if not all_times:
            continue
        print(f"\n{phase}: {len(all_times)} requests timed")
        print("| language | requests | p50 ms | p95 ms | max ms |")
        print("| --- | ---: | ---: | ---: | ---: |")
        for code, values in [*per_language.items(), ("all", all_times)]:
            if values:
                print(
                    f"| {code} | {len(values)} | {statistics.median(values):.1f} | "
                    f"{percentile(values, 0.95):.1f} | {max(values):.1f} |"
                )


def postgres_database_exists(admin_url: str) -> bool:
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        row = connection.execute(
            "SELECT 1 FROM pg_database WHERE datname = %s", [BENCH_DATABASE]
        ).fetchone()
    return row is not None


def dataset_ready(pages_per_language: int) -> bool:
    from zoneportal.core.models import StandardPage

    return StandardPage.objects.count() == 4 * pages_per_language


def build_dataset(args) -> tuple[float, float]:
    from django.db import connection

    rng = random.Random(args.seed)
    started = time.perf_counter()
    homes = make_homes()
    for home in homes.values():
        bulk_create_pages(home, args.pages, rng)
    build_seconds = time.perf_counter() - started
    print(f"built {4 * args.pages} pages in {build_seconds:.1f} s; indexing", flush=True)
    index_seconds = index_pages()
    if connection.vendor == "postgresql":
        # Planner statistics, as autovacuum would gather them after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return build_seconds, index_seconds


def profile_query(client, language: str, query: str) -> None:
    """cProfile one request and list its SQL statements with their times."""
    import cProfile
    import pstats

    from django.db import connection
    from django.urls import reverse
    from django.utils import translation

    statements = []

    def timed(execute, sql, params, many, context):
        started = time.perf_counter()
        try:
            return execute(sql, params, many, context)
        finally:
            statements.append(((time.perf_counter() - started) * 1000, sql))

    with translation.override(language):
        url = reverse("search")
    client.get(url, {"q": query})  # warm Python-level caches (not the result cache)
    clear_result_cache()
    profiler = cProfile.Profile()
    with connection.execute_wrapper(timed):
        started = time.perf_counter()
        profiler.enable()
        client.get(url, {"q": query})
        profiler.disable()
        total = (time.perf_counter() - started) * 1000
    print(f"{language} {query!r}: {total:.1f} ms, {len(statements)} SQL statements")
    for elapsed, sql in statements:
        print(f"  {elapsed:8.1f} ms  {sql[:300]}")
    pstats.Stats(profiler).sort_stats("cumulative").print_stats(25)


def clear_result_cache() -> None:
    """Forget cached search results so the next request runs the real query path."""
    from django.core.cache import cache

    cache.clear()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--db", choices=("sqlite", "postgres"), default="sqlite")
    parser.add_argument(
        "--postgres",
        default="postgres://postgres@127.0.0.1:5432/postgres",
        help="an existing database to connect to for creating the bench database",
    )
    parser.add_argument("--pages", type=int, default=5000, help="pages per language")
    parser.add_argument("--rounds", type=int, default=2, help="timed rounds of all queries")
    parser.add_argument("--seed", type=int, default=2019)
    parser.add_argument(
        "--sqlite-file", help="SQLite database file to use and keep (default: a temporary file)"
    )
    parser.add_argument(
        "--keep", action="store_true", help="keep the PostgreSQL bench database afterwards"
    )
    parser.add_argument(
        "--reuse",
        action="store_true",
        help="reuse a kept bench database (or --sqlite-file) if it holds the same number of pages",
    )
    parser.add_argument(
        "--budget", type=float, default=600, help="stop timing requests after this many seconds"
    )
    parser.add_argument(
        "--profile", metavar="QUERY", help="profile one request for QUERY instead of the mix"
    )
    parser.add_argument("--lang", default="ko", help="language of --profile")
    args = parser.parse_args()

    with tempfile.TemporaryDirectory() as tmp:
        if args.db == "postgres" and not (args.reuse and postgres_database_exists(args.postgres)):
            recreate_postgres_database(args.postgres)
        try:
            setup_django(args, Path(tmp))
            if args.reuse and dataset_ready(args.pages):
                build_seconds = index_seconds = 0.0
                print("reusing the existing dataset", flush=True)
            else:
                build_seconds, index_seconds = build_dataset(args)

            from django.test import Client

            if args.profile:
                profile_query(Client(), args.lang, args.profile)
                return
            timings = time_queries(Client(), args.rounds, args.seed, args.budget)
            report(args, build_seconds, index_seconds, timings)
        finally:
            if args.db == "postgres" and not args.keep:
                from django.db import connections

                connections.close_all()
                drop_postgres_database(args.postgres)


if __name__ == "__main__":
    main()
