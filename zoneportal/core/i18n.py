"""Language handling: short URL prefixes and the choice of language for a bare "/".

Django names Simplified Chinese "zh-hans"; our URLs say /zh/. The prefix pattern
below maps between the two, so `reverse()` and Wagtail's page URLs produce /zh/...
and /zh/... resolves to zh-hans. (Django's LocaleMiddleware already accepts "zh" as
a generic code for the supported "zh-hans" variant.)
"""

from django.conf import settings
from django.http import HttpResponseRedirect
from django.urls import LocalePrefixPattern, URLResolver
from django.utils import translation
from django.utils.cache import patch_cache_control, patch_vary_headers
from django.views.decorators.http import require_safe

URL_PREFIXES = {"zh-hans": "zh"}


def url_prefix(language_code: str) -> str:
    """The URL prefix (without slashes) for a Django language code."""
    return URL_PREFIXES.get(language_code.lower(), language_code.lower())


class ShortLocalePrefixPattern(LocalePrefixPattern):
    @property
    def language_prefix(self):
        language_code = translation.get_language() or settings.LANGUAGE_CODE
        return f"{url_prefix(language_code)}/"


def bcp47(language_code: str) -> str:
    """The BCP 47 tag for a Django language code: zh-hans -> zh-Hans, en-gb -> en-GB."""
    language, _, region = language_code.partition("-")
    if not region:
        return language.lower()
    region = region.title() if len(region) == 4 else region.upper()
    return f"{language.lower()}-{region}"


def short_i18n_patterns(*urls):
    """Like `i18n_patterns(..., prefix_default_language=True)` with short prefixes."""
    return [URLResolver(ShortLocalePrefixPattern(prefix_default_language=True), list(urls))]


def preferred_language(request) -> str:
    """The visitor's saved choice (cookie), then Accept-Language, then the default."""
    supported = {code for code, _name in settings.LANGUAGES}
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME)
    if cookie:
        try:
            chosen = translation.get_supported_language_variant(cookie)
        except LookupError:
            chosen = None
        if chosen in supported:
            return chosen
    header = request.META.get("HTTP_ACCEPT_LANGUAGE", "")[:200]
    for accepted, _quality in translation.trans_real.parse_accept_lang_header(header):
        if accepted == "*":
            break
        try:
            return translation.get_supported_language_variant(accepted)
        except LookupError:
            continue
    return settings.LANGUAGE_CODE


@require_safe
def root_redirect(request):
    """Send a bare "/" to the home page in the visitor's language (302, never cached shared)."""
    language = preferred_language(request)
    response = HttpResponseRedirect(f"/{url_prefix(language)}/")
    patch_vary_headers(response, ("Cookie", "Accept-Language"))
    patch_cache_control(response, private=True, max_age=0)
    return response
