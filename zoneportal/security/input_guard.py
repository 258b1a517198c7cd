"""Control characters in requests: a clear 400, or ignored; never a 500.

Scanners send `?tag=%00` and friends. PostgreSQL refuses NUL in any text value, so
such a value reaching a query was a 500 (SQLite happened to answer); other control
characters cannot be typed in a browser's single-line fields and only ever come from
tools. `InputGuardMiddleware` sits early in MIDDLEWARE (before sessions, locale and
every view) and applies one rule per part of the request:

- Path and query string (names and values): any control character (Unicode category
  Cc: U+0000-U+001F, U+007F-U+009F) -> 400 with a localized page, `Cache-Control:
  no-store`. This covers every listing, filter, search, feed and admin view at once,
  before any of them parses the value. One exception: tab, LF and CR in a query
  *value* become spaces. A browser keeps a tab pasted into a search box (a cell
  copied from a spreadsheet) and sends it as %09; that visitor gets their results,
  not an error page.
- Cookies: a cookie whose name or value holds one is dropped, as if not sent (a 400
  would lock the visitor out until they cleared their cookies; a session key with a
  NUL would reach the session table).
- Form fields (POST, urlencoded or multipart; read in `process_view`, so inside the
  disk-full and CSRF handling as before): control characters other than NUL, tab, LF
  and CR are removed (a vertical tab pasted from a word processor must not cost an
  editor their work, nor later break the XML of a feed). NUL is left in place for the
  forms, which refuse it with Django's localized field error and keep what was typed.
- Safety net: a NUL that still reaches PostgreSQL (a view that reads a raw POST
  value into a query) is answered with the same 400 page instead of the 500 page.

Tested in tests/security/test_inputs.py.
"""

import logging
import re

from django.conf import settings
from django.db import DataError
from django.shortcuts import render
from django.utils import translation

logger = logging.getLogger(__name__)

# Every character of Unicode category Cc.
CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")
# Whitespace controls a browser may put into a query value (see the module docstring).
QUERY_WHITESPACE = re.compile(r"[\t\n\r]")
# Removed from form fields; NUL, tab, LF and CR are kept (see the module docstring).
DROPPED_FROM_FORMS = re.compile(r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


def has_control(value: str) -> bool:
    return CONTROL.search(value) is not None


def _query_has_control(querydict) -> bool:
    return any(
        has_control(name) or any(has_control(QUERY_WHITESPACE.sub(" ", value)) for value in values)
        for name, values in querydict.lists()
    )


def _query_with_spaces(querydict):
    """The query with tab, LF and CR in values turned into spaces (or itself if none)."""
    if not any(QUERY_WHITESPACE.search(v) for _n, values in querydict.lists() for v in values):
        return querydict
    cleaned = querydict.copy()
    for name, values in querydict.lists():
        cleaned.setlist(name, [QUERY_WHITESPACE.sub(" ", value) for value in values])
    cleaned._mutable = False
    return cleaned


def _is_nul_error(exception: BaseException) -> bool:
    """PostgreSQL refused a NUL: psycopg 3 raises DataError, psycopg2 ValueError."""
    return isinstance(exception, DataError | ValueError) and "NUL" in str(exception)


def _language(request) -> str:
    """The page's language from the URL prefix, else the visitor's cookie/browser."""
    code = translation.get_language_from_request(request, check_path=True)
    return code or settings.LANGUAGE_CODE


def bad_request(request):
    """The localized 400 page; never stored by the page cache or the browser."""
    with translation.override(_language(request)):
        response = render(request, "security/400.html", status=400)
    response["Cache-Control"] = "no-store"
    return response


class InputGuardMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if has_control(request.path) or _query_has_control(request.GET):
            logger.info("Refused a control character in the URL of %s", request.path_info[:80])
            return bad_request(request)
        request.GET = _query_with_spaces(request.GET)
        for name, value in list(request.COOKIES.items()):
            if has_control(name) or has_control(value):
                del request.COOKIES[name]
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.content_type not in (
            "application/x-www-form-urlencoded",
            "multipart/form-data",
        ):
            return None
        post = request.POST
        if not any(
            DROPPED_FROM_FORMS.search(value) for _name, values in post.lists() for value in values
        ):
            return None
        cleaned = post.copy()
        for name, values in post.lists():
            cleaned.setlist(name, [DROPPED_FROM_FORMS.sub("", value) for value in values])
        cleaned._mutable = False
        request._post = cleaned
        return None

    def process_exception(self, request, exception):
        if _is_nul_error(exception):
            logger.info("Refused a NUL that reached the database at %s", request.path_info[:80])
            return bad_request(request)
        return None
