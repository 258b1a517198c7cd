"""The site search page: /<lang>/search/?q=...&page=..."""

from urllib.parse import urlencode

from django.conf import settings
from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.views.decorators.http import require_safe
from wagtail.models import Locale, Site

from .query import MAX_QUERY_LENGTH, normalise_query
from .results import build_results, run_search

DEFAULT_PER_PAGE = 10


def _home_for(request, locale: Locale):
    """The home page in `locale` of the request's site, or None."""
    site = Site.find_for_request(request)
    if site is None:
        return None
    root = site.root_page
    if root.locale_id == locale.pk:
        return root
    return root.get_translation_or_none(locale)


def _page_number(value: str | None) -> int:
    """A positive page number from the query string; anything else means page 1."""
    value = (value or "").strip()
    if not value.isascii() or not value.isdigit() or len(value) > 6:
        return 1
    return max(int(value), 1)


@require_safe
def search(request):
    query = normalise_query(request.GET.get("q", ""))
    locale = Locale.get_active()
    home = _home_for(request, locale)
    context = {
        "query": query,
        "search_query": query.text,
        "max_query_length": MAX_QUERY_LENGTH,
        "home": home,
        "results": [],
        "page_obj": None,
    }
    if query:
        per_page = getattr(settings, "ZONEPORTAL_SEARCH_PER_PAGE", DEFAULT_PER_PAGE)
        number = _page_number(request.GET.get("page"))
        outcome = run_search(query, locale, home, page=number, per_page=per_page)
        paginator = Paginator(outcome.results, per_page)
        # get_page() clamps out-of-range numbers to the last page.
        page_obj = paginator.get_page(number)
        context.update(
            paginator=paginator,
            relaxed=outcome.relaxed,
            page_obj=page_obj,
            page_range=list(paginator.get_elided_page_range(page_obj.number)),
            query_prefix=urlencode({"q": query.text}) + "&",
            results=build_results(page_obj.object_list, query, home, request),
        )
    response = TemplateResponse(request, "search/search.html", context)
    response["X-Robots-Tag"] = "noindex"
    return response
