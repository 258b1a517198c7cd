"""Pages every request needs, kept in the shared cache under the structure version.

Both change only when the site structure does (a publish, move, rename or delete bumps
the version, core/cache.py), so a warm page request spends no query on them:
- the home page in the visitor's language, which Wagtail's routing asks for first;
- a page's breadcrumb trail (its ancestors below the root).
"""

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page

from .cache import structure_version

TIMEOUT = 3600


def localized_home(home: Page, find):
    """`find()` (the home page's translation in the active language), cached, specific."""
    language = translation.get_language()
    key = f"zp:home:{home.translation_key}:{language}:{structure_version()}"
    localized = cache.get(key)
    if localized is None:
        localized = find().specific
        cache.set(key, localized, timeout=TIMEOUT)
    return localized


def breadcrumb_pages(page: Page) -> list[Page]:
    """Home and every ancestor down to (not including) `page`; one query when cold."""
    if page.depth <= 2:
        return []
    key = f"zp:crumbs:{page.pk}:{structure_version()}"
    crumbs = cache.get(key)
    if crumbs is None:
        ancestors = page.get_ancestors().filter(depth__gte=2)
        crumbs = list(ancestors.only("id", "title", "url_path", "path", "depth", "locale_id"))
        cache.set(key, crumbs, timeout=TIMEOUT)
    return crumbs
