"""The <title> of a public page, unique within its language.

Search engines and screen-reader users tell pages apart by their titles, so no two
pages of one language share one:

- the page's SEO title, or its title;
- when another live page of the same language has that title too, the title of the
  section it is in ("Accommodation – Living");
- on a filtered listing, the filters chosen ("News: Energy, 2024");
- on page 2 and later of a listing, the page number ("News – Page 2").
"""

from django.core.cache import cache
from django.utils.translation import gettext as _
from wagtail.models import Page

from .cache import structure_version

# Context values of the listings' filters (news, parks, companies), in display order.
FILTER_KEYS = ("selected_tag_name", "selected_year", "selected_industry", "selected_country")
TIMEOUT = 3600


def _base_title(page) -> str:
    return (getattr(page, "seo_title", "") or page.title).strip()


def shared_titles(locale_id) -> frozenset:
    """Titles (casefolded) that more than one live page of the locale has; cached."""
    key = f"zp:shared-titles:{locale_id}:{structure_version()}"
    shared = cache.get(key)
    if shared is None:
        seen, twice = set(), set()
        pages = Page.objects.live().filter(locale_id=locale_id, depth__gt=1)
        for title, seo_title in pages.values_list("title", "seo_title"):
            folded = (seo_title or title).strip().casefold()
            (twice if folded in seen else seen).add(folded)
        shared = frozenset(twice)
        cache.set(key, shared, timeout=TIMEOUT)
    return shared


def _section_title(page, breadcrumbs) -> str:
    parent = breadcrumbs[-1] if breadcrumbs else page.get_parent()
    return parent.title if parent is not None and parent.depth > 2 else ""


def page_title(page, context) -> str:
    title = _base_title(page)
    if title.casefold() in shared_titles(page.locale_id):
        section = _section_title(page, context.get("breadcrumbs"))
        if section:
            title = _("%(title)s – %(section)s") % {"title": title, "section": section}
    filters = [str(context[key]) for key in FILTER_KEYS if context.get(key)]
    if filters:
        title = _("%(title)s: %(filters)s") % {"title": title, "filters": ", ".join(filters)}
    page_obj = context.get("page_obj")
    if page_obj is not None and getattr(page_obj, "number", 1) > 1:
        title = _("%(title)s – Page %(number)s") % {"title": title, "number": page_obj.number}
    return title
