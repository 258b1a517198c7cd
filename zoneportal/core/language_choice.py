"""Remembering the visitor's language choice on a site served from a shared page cache.

The language switch links carry a marker, `?set_language=<code>` (see
`choice_url`). LanguageChoiceMiddleware answers such a request with a 302 to the same
URL without the marker and sets the language cookie on that redirect. A bare "/" then
returns to that language (i18n.preferred_language reads the cookie before
Accept-Language, which only decides a first visit).

Why a redirect and not a cookie on every prefixed page: pages are shared by nginx's
page cache, which neither stores nor forwards cookies for anonymous GETs, and a page
that set a cookie could not be shared. The marked URL is never stored: the redirect
sets a cookie, so the app marks it `private, no-store` (ops/http_cache.py) and nginx
does not cache responses with Set-Cookie. The clean URL the browser lands on is the
ordinary cached page. Crawlers read the hreflang links, which carry no marker.
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation
from django.utils.encoding import escape_uri_path

CHOICE_PARAMETER = "set_language"


def choice_url(url: str, language_code: str) -> str:
    """`url` with the marker that makes following it remember `language_code`."""
    separator = "&" if "?" in url else "?"
    return f"{url}{separator}{CHOICE_PARAMETER}={language_code}"


def supported_language(value: str) -> str | None:
    """The Django language code for `value` ("ja", "zh-hans", "zh"), or None."""
    supported = {code for code, _name in settings.LANGUAGES}
    try:
        code = translation.get_supported_language_variant(value[:20])
    except LookupError:
        return None
    return code if code in supported else None


def clean_url(request) -> str:
    """The request's own path and query without the marker; always a local path."""
    path = "/" + escape_uri_path(request.path).lstrip("/\\")
    query = request.GET.copy()
    query.pop(CHOICE_PARAMETER, None)
    return f"{path}?{query.urlencode()}" if query else path


def remember_choice(request) -> HttpResponseRedirect:
    response = HttpResponseRedirect(clean_url(request))
    code = supported_language(request.GET.get(CHOICE_PARAMETER, ""))
    if code:
        response.set_cookie(
            settings.LANGUAGE_COOKIE_NAME,
            code,
            max_age=settings.LANGUAGE_COOKIE_AGE,
            path=settings.LANGUAGE_COOKIE_PATH,
            domain=settings.LANGUAGE_COOKIE_DOMAIN,
            secure=settings.LANGUAGE_COOKIE_SECURE,
            httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
            samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        )
    return response


class LanguageChoiceMiddleware:
    """Turns a language-switch click (`?set_language=`) into Set-Cookie + redirect.

    Sits inside CacheControlMiddleware, which then marks the redirect `private, no-store`.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("GET", "HEAD") and CHOICE_PARAMETER in request.GET:
            return remember_choice(request)
        return self.get_response(request)
