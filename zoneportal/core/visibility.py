"""Cheap answers to "is anything on this site private?".

Wagtail checks page view restrictions with two queries on every page view, and
`.public()` adds a query to every listing. Most portals have no or very few private
sections, so the list of restricted paths is cached (keyed by the structure version,
which changes whenever a restriction is saved or deleted) and the checks are skipped
entirely while it is empty.
"""

from django.core.cache import cache

from .cache import structure_version


def restricted_paths() -> list[str]:
    from wagtail.models import PageViewRestriction

    key = f"zoneportal:restricted-paths:{structure_version()}"
    paths = cache.get(key)
    if paths is None:
        paths = sorted(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(key, paths, timeout=3600)
    return paths


def public_pages(queryset):
    """`queryset.public()`, without its query when no page is restricted."""
    return queryset.public() if restricted_paths() else queryset
