"""Site search: /<lang>/search/?q=...

Modules:

- `query.normalise_query` cleans what the visitor typed (whitespace, control and
  zero-width characters, full-width letters, 200-character cap) and splits it into
  terms and the tokens searched for. `query.py` is the single place for
  tokenisation: Chinese, Japanese and Korean runs become overlapping character
  bigrams, both in queries and (through `query.cjk_index_text`) in the index.
- `indexing.CJK_SEARCH_FIELDS` are two extra search fields on `BasePage` (and so
  on every page type): the CJK bigrams of the title and of the page text. The
  database backends cannot split CJK text into words; bigrams make "半导体" or
  "하이닉스" findable inside a sentence.
- `results.run_search` searches live, public pages of the active locale within the
  current site, most relevant first, all tokens required. `engine.py` runs it on
  the index Wagtail's database backend fills (`WAGTAILSEARCH_BACKENDS`: SQLite
  FTS5 in development and tests, PostgreSQL full text in production) as one SQL
  statement returning one page of results and the total, ranked as Wagtail ranks.
  If nothing matches and a CJK word of four or more characters was typed, a
  relaxed search (one more statement) reads it as two words ("하이닉스투자" as
  "하이닉스 투자") and the page says so. Result pages are cached under the
  structure version (`ZONEPORTAL_SEARCH_CACHE_SECONDS`), so publishing invalidates
  them. There are no search promotions (wagtail.contrib.search_promotions is not
  installed) and queries are not logged.
- `text.page_text` builds a page's plain text from its summary fields and its own
  indexed `search_fields` (StreamFields read from raw JSON, no queries), and
  `highlighting.snippet` cuts a ~30-word window around the first match and wraps
  matches in <mark>, escaping everything else.

- `text.page_text` joins separate pieces (cells, list items, paragraphs) with " · ";
  snippets in Chinese and Japanese are windows of about 90 characters.
- A page whose title is exactly the query ranks first (`engine.Match.titles`).

Indexing: every page type lists its text fields in `search_fields`. Wagtail's
post_save handler enqueues an index update through django-tasks, so publishing a
page updates the index (immediately with the ImmediateBackend used in development
and tests; when a worker runs the task with a queued backend). Tests need no
`update_index`. `backend.py` wraps Wagtail's database backend (English stemming:
PostgreSQL "english", SQLite porter tokenizer) and bumps an index version on every
index write, part of the result cache key. `filling.py` rebuilds an empty index
after `migrate` (and `manage.py fill_search_index`). Run `manage.py update_index`
after changing `search_fields`, after bulk imports that bypass `save()` (raw SQL,
`bulk_create`, `QuerySet.update`), or when switching search backends.
"""
