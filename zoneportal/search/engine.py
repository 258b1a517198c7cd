"""Ranked full-text search on Wagtail's own index tables, one SQL statement per search.

Why not `QuerySet.search()`: Wagtail's database backends answer a search with a
query that ranks every matching page (PostgreSQL: a nested-loop join from pages
to index entries and `ts_rank` on wide rows; SQLite: a correlated subquery that
re-runs the FTS5 `MATCH` for every matching page, so cost grows with the square
of the matches), then a second query to count them; a relaxed CJK retry doubled
both and averaged one rank per alternative. With 5,000 pages per language that
took 0.2 to 2 s per request (bench/search.md).

Here the same index (the `title` and `body` columns Wagtail fills, with the CJK
bigram fields of `indexing.py`) is read with one statement per search that

- finds the matching entries through the full-text index (PostgreSQL: a GIN index
  on `title || body`, created by this app's migration 0001; SQLite: the FTS5 table),
- keeps those of searchable pages (the visitor's locale and site, live, public),
- puts a page whose title equals the query as typed (case-insensitively) first:
  someone who types a page's exact title is looking for that page,
- ranks the others with the backend's own formula (PostgreSQL `ts_rank` with Wagtail's
  weights and title norm; SQLite `bm25()` times `title_norm + 1`), computed once
  per row, ties broken by newest page first, exactly as Wagtail orders them,
- and returns only the requested page of ids together with the total count
  (a window function), so no separate COUNT query runs.

This assumes Wagtail's database search backend (`wagtail.search.backends.database`,
as configured in settings); an external engine would need its own path here.

A `Match` is an OR of AND-groups of tokens: one group for the query as typed, one
per alternative for the relaxed CJK query (see `query.NormalisedQuery`).
"""

from dataclasses import dataclass

from django.db import connection
from wagtail.models import Page
from wagtail.search.backends import get_search_backend
from wagtail.search.models import IndexEntry
from wagtail.search.utils import get_descendants_content_types_pks


@dataclass(frozen=True)
class Match:
    groups: tuple[tuple[str, ...], ...]
    """Any group matches; within a group every token must be in the page."""
    titles: tuple[str, ...] = ()
    """The query as typed: a matching page with one of these titles ranks first."""
    prefer_titles: bool = False
    """Rank pages whose title has every query term before those that have them only in
    the body (after exact titles): "semiconductor" puts the page titled
    "… Semiconductors" ahead of articles that mention semiconductors once."""

    def __bool__(self) -> bool:
        return any(self.groups)


@dataclass(frozen=True)
class Window:
    ids: tuple[int, ...]
    """Page ids of the requested slice, most relevant first."""
    total: int
    """How many pages match in all."""


def _factored(match: Match) -> tuple[tuple[str, ...], list[tuple[str, ...]]]:
    """(tokens in every group, what each group needs besides them), the OR of ANDs
    rewritten as `common AND (rest OR rest ...)`: the same pages, but the index reads
    each common token once instead of once per alternative. An empty rest list
    means the common tokens alone decide."""
    groups = [group for group in match.groups if group]
    common = tuple(t for t in groups[0] if all(t in group for group in groups[1:]))
    rests = [tuple(t for t in group if t not in common) for group in groups]
    if not all(rests):  # one alternative needs only the common tokens: it decides
        rests = []
    return common, list(dict.fromkeys(rests))


def _expression(match: Match, quote, and_: str, or_: str) -> str:
    common, rests = _factored(match)
    parts = [quote(token) for token in common]
    if rests:
        alternatives = [and_.join(quote(token) for token in rest) for rest in rests]
        parts.append("(" + or_.join(f"({alternative})" for alternative in alternatives) + ")")
    return and_.join(parts)


def _tsquery(match: Match) -> str:
    """A `to_tsquery` expression: quoted tokens, so no input is read as an operator."""

    def quote(token: str) -> str:
        return "'" + token.replace("\\", "\\\\").replace("'", "''") + "'"

    return _expression(match, quote, " & ", " | ")


def _fts5_query(match: Match, columns: str = "{title body}") -> str:
    """An FTS5 MATCH expression over `columns`, tokens as quoted strings."""

    def quote(token: str) -> str:
        return '"' + token.replace('"', '""') + '"'

    return columns + " : (" + _expression(match, quote, " AND ", " OR ") + ")"


def _page_content_types() -> list[int]:
    return get_descendants_content_types_pks(Page)


def _placeholders(values) -> str:
    return ", ".join(["%s"] * len(values))


def _order(match: Match, rank_order: str) -> tuple[str, list]:
    """The ORDER BY of the ranking: exact title first (if a title is given), then
    title matches (if preferred), then `rank_order`, then newest page first. `LOWER`
    on both sides of the comparison (SQLite's folds ASCII only, which covers the case
    of English titles)."""
    terms, params = [], []
    if match.titles:
        exact = ", ".join(["LOWER(%s)"] * len(match.titles))
        terms.append(f"CASE WHEN LOWER(p.title) IN ({exact}) THEN 0 ELSE 1 END")
        params += match.titles
    if match.prefer_titles:
        tier, tier_params = _title_tier(match)
        terms.append(tier)
        params += tier_params
    return f"ORDER BY {', '.join([*terms, rank_order])}, p.id DESC", params


def _title_tier(match: Match) -> tuple[str, list]:
    """0 for a page whose title has every term of the query as typed, else 1.

    The index's title column decides for words (stemmed: "semiconductor" matches
    "Semiconductors"); Chinese, Japanese and Korean titles are one token there, so
    their bigrams are looked for in the title itself.
    """
    bigrams = [token for token in match.groups[0] if not token.isascii()] if match.groups else []
    if not bigrams:
        return "h.title_tier", []
    contains = " AND ".join(["p.title LIKE %s"] * len(bigrams))
    return (
        f"CASE WHEN h.title_tier = 0 OR ({contains}) THEN 0 ELSE 1 END",
        [f"%{token}%" for token in bigrams],
    )


def _postgres_sql(match: Match, pages_sql: str) -> tuple[str, list]:
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    config = get_search_backend().config
    tsquery = "to_tsquery(%s::regconfig, %s)" if config else "to_tsquery(%s)"
    tsquery_params = [config, _tsquery(match)] if config else [_tsquery(match)]
    content_types = _page_content_types()
    table = IndexEntry._meta.db_table
    # `title || body` is the expression of the GIN index of migration 0001, and the
    # vector Wagtail matches; the rank is Wagtail's for a single query.
    hits = (
        "SELECT e.object_id, "  # noqa: S608 - table name from model metadata
        "ts_rank(%s::real[], e.title, q.q) * e.title_norm "
        "+ ts_rank(%s::real[], e.body, q.q) AS rank, "
        "CASE WHEN e.title @@ q.q THEN 0 ELSE 1 END AS title_tier "
        f"FROM {table} e, {tsquery} AS q(q) "
        "WHERE (e.title || e.body) @@ q.q "
        f"AND e.content_type_id IN ({_placeholders(content_types)})"
    )
    order, order_params = _order(match, "h.rank DESC")
    params = [*order_params, get_sql_weights(), get_sql_weights(), *tsquery_params]
    ranked = (
        "SELECT p.id, COUNT(*) OVER () AS total, "  # noqa: S608 - composed of fixed SQL
        f"ROW_NUMBER() OVER ({order}) AS rn "
        f"FROM ({hits}) h JOIN ({pages_sql}) p ON h.object_id = CAST(p.id AS varchar(50))"
    )
    return ranked, [*params, *content_types]


def _sqlite_sql(match: Match, pages_sql: str) -> tuple[str, list]:
    content_types = _page_content_types()
    table = IndexEntry._meta.db_table
    fts = f"{table}_fts"
    # bm25() is negative, lower is better; Wagtail scores bm25 * title_norm + bm25.
    hits = (
        f"SELECT CAST(e.object_id AS INTEGER) AS page_id, "  # noqa: S608 - model metadata
        f"bm25({fts}) * (e.title_norm + 1.0) AS rank, "
        f"CASE WHEN e.id IN (SELECT rowid FROM {fts} WHERE {fts} MATCH %s) "
        "THEN 0 ELSE 1 END AS title_tier "
        f"FROM {fts} JOIN {table} e ON e.id = {fts}.rowid "
        f"WHERE {fts} MATCH %s AND e.content_type_id IN ({_placeholders(content_types)})"
    )
    order, order_params = _order(match, "h.rank ASC")
    ranked = (
        f"SELECT p.id, COUNT(*) OVER () AS total, "  # noqa: S608 - composed of fixed SQL
        f"ROW_NUMBER() OVER ({order}) AS rn "
        f"FROM hits h JOIN ({pages_sql}) p ON p.id = h.page_id"
    )
    title_query = _fts5_query(match, columns="{title}")
    params = [title_query, _fts5_query(match), *content_types, *order_params]
    return f"WITH hits AS MATERIALIZED ({hits}) {ranked}", params


def search_window(match: Match, pages, offset: int, limit: int) -> Window:
    """The ids of matching pages `offset` to `offset + limit` (most relevant first) and
    the total number of matching pages among `pages` (a Page queryset), in one query.

    The first-ranked row is always returned as well, so the total is known even when
    `offset` is past the end.
    """
    if not match:
        return Window(ids=(), total=0)
    pages_sql, pages_params = pages.order_by().values("id", "title").query.sql_with_params()
    if connection.vendor == "postgresql":
        ranked, params = _postgres_sql(match, pages_sql)
        # The page filter is the second subquery: its parameters follow the hits'.
        params = [*params, *pages_params]
    elif connection.vendor == "sqlite":
        ranked, params = _sqlite_sql(match, pages_sql)
        params = [*params, *pages_params]
    else:  # pragma: no cover - the project runs on SQLite and PostgreSQL only
        raise NotImplementedError(f"search is not implemented for {connection.vendor}")
    sql = (
        f"SELECT id, total, rn FROM ({ranked}) r "  # noqa: S608 - composed of fixed SQL
        "WHERE rn = 1 OR (rn > %s AND rn <= %s) ORDER BY rn"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, offset, offset + limit])
        rows = cursor.fetchall()
    if not rows:
        return Window(ids=(), total=0)
    ids = tuple(int(page_id) for page_id, _total, rn in rows if offset < rn <= offset + limit)
    return Window(ids=ids, total=int(rows[0][1]))


def pages_in_order(ids) -> list[Page]:
    """The specific pages with these ids, in this order (one query per page type)."""
    if not ids:
        return []
    by_id = {page.pk: page for page in Page.objects.filter(pk__in=ids).specific()}
    return [by_id[page_id] for page_id in ids if page_id in by_id]
