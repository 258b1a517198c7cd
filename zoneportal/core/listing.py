"""Helpers for rendering lists of pages as cards without one query per card."""

from collections.abc import Iterable

from .models import SiteImage


def with_listing_images(pages: Iterable, field: str = "listing_image") -> list:
    """Load the listing images of `pages` in one query and attach them.

    Pages fetched with `.specific()` cannot use select_related across types, so
    without this every card would fetch its own image. Renditions are then served
    from the renditions cache.
    """
    pages = list(pages)
    ids = {getattr(p, f"{field}_id", None) for p in pages} - {None}
    if not ids:
        return pages
    images = SiteImage.objects.in_bulk(ids)
    for page in pages:
        image_id = getattr(page, f"{field}_id", None)
        if image_id is not None:
            setattr(page, field, images.get(image_id))
    return pages
