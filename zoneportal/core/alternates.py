"""The same page in the other languages: the language switch, hreflang and x-default.

For a page, each language links to the live, public translation of that page; when
there is none, to the nearest translated ancestor (flagged `exact=False`, and the
link carries ?translation=missing so the target page can say so in its own
language). The switch never leads to a 404. Two queries whatever the depth
or the number of languages, cached (as the menus are) until the site structure
changes: publishing a translation bumps the structure version.

For views that are not pages (search, 404), each language links to the same URL
under that language's prefix.
"""

from dataclasses import dataclass

from django.conf import settings
from django.core.cache import cache
from django.urls import translate_url
from django.utils import translation
from wagtail.models import Page

from .cache import structure_version
from .i18n import bcp47
from .language_choice import choice_url
from .seo import absolute, site_root_url
from .visibility import public_pages

MISSING_PARAMETER = "translation"
MISSING_VALUE = "missing"
# Longer query strings are dropped from the language links of non-page views.
MAX_CARRIED_QUERY = 512


@dataclass(frozen=True)
class LanguageLink:
    code: str
    """Django language code, e.g. zh-hans."""
    name: str
    """The language's name in that language, e.g. 简体中文."""
    url: str
    exact: bool
    """True if `url` is this page in that language (not an ancestor or fallback)."""
    current: bool
    absolute_url: str = ""

    @property
    def hreflang(self) -> str:
        return bcp47(self.code)

    @property
    def choice_url(self) -> str:
        """`url` marked so that following it remembers the choice (core/language_choice.py)."""
        return choice_url(self.url, self.code)


def _chain_keys(page: Page) -> list:
    """Translation keys of `page` and its ancestors below the root, deepest first."""
    prefixes = [page.path[: Page.steplen * depth] for depth in range(2, page.depth + 1)]
    rows = Page.objects.filter(path__in=prefixes).values_list("path", "translation_key")
    return [key for _path, key in sorted(rows, key=lambda row: len(row[0]), reverse=True)]


def _translations_by_locale(keys: list) -> dict[tuple, Page]:
    """Live public pages sharing one of `keys`, indexed by (translation_key, language code)."""
    pages = public_pages(
        Page.objects.live()
        .filter(translation_key__in=keys)
        .select_related("locale")
        .only(
            "id",
            "title",
            "url_path",
            "path",
            "depth",
            "translation_key",
            "locale__id",
            "locale__language_code",
        )
    )
    return {(p.translation_key, p.locale.language_code): p for p in pages}


def _page_targets(page: Page, request) -> list[tuple[str, str, bool]]:
    """(language code, URL, exact) for every language, cached per structure version."""
    # Keyed by the Site's address, not the Host header: a forged host or port must not
    # be able to add entries (the links themselves never name the request's host).
    key = f"zp:language-links:{page.pk}:{site_root_url(request)}:{structure_version()}"
    targets = cache.get(key)
    if targets is None:
        targets = _find_page_targets(page, request)
        cache.set(key, targets, timeout=24 * 3600)
    return targets


def page_language_links(page: Page, request) -> list[LanguageLink]:
    current = translation.get_language()
    return [
        _link(code, url, exact, current, absolute(request, url))
        for code, url, exact in _page_targets(page, request)
    ]


def _find_page_targets(page: Page, request) -> list[tuple[str, str, bool]]:
    keys = _chain_keys(page)
    found = _translations_by_locale(keys)
    targets = []
    for code, _name in settings.LANGUAGES:
        for depth_index, key in enumerate(keys):
            target = found.get((key, code))
            if target is None:
                continue
            url = target.get_url(request) or ""
            exact = depth_index == 0
            if not exact:
                url += f"?{MISSING_PARAMETER}={MISSING_VALUE}"
            targets.append((code, url, exact))
            break
        else:
            # No translated ancestor at all: that language's home page.
            targets.append((code, f"/{_prefix(code)}/", False))
    return targets


def view_language_links(request) -> list[LanguageLink]:
    """Links for non-page views: the same path and query under each language prefix."""
    current = translation.get_language()
    query = request.META.get("QUERY_STRING", "")
    if len(query) > MAX_CARRIED_QUERY:
        # A crafted query string is not copied into every language link of the page.
        query = ""
    links = []
    for code, _name in settings.LANGUAGES:
        url = translate_url(request.path, code)
        if url == request.path and code != current:
            url = f"/{_prefix(code)}/"
        elif query:
            url = f"{url}?{query}"
        links.append(_link(code, url, True, current))
    return links


def language_links(request, page=None) -> list[LanguageLink]:
    """Links for the current request, computed once per request."""
    cached = getattr(request, "_zp_language_links", None)
    if cached is None:
        if isinstance(page, Page) and page.pk:
            cached = page_language_links(page, request)
        else:
            cached = view_language_links(request)
        request._zp_language_links = cached
    return cached


def _prefix(code: str) -> str:
    from .i18n import url_prefix

    return url_prefix(code)


def _link(code: str, url: str, exact: bool, current: str, absolute_url="") -> LanguageLink:
    info = translation.get_language_info(code)
    return LanguageLink(code, info["name_local"], url, exact, code == current, absolute_url)
