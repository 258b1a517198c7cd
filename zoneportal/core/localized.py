"""Page references in the visitor's language.

wagtail-localize keeps page references (a company's industry, a park's focus
industries, the home page's quick links ...) pointing at the source page and expects
them to be localised when rendered. `localized_link` gives the URL and title of the
live translation in the active language (or of the page itself when there is none),
cached until the site structure changes, so warm pages spend no query on it.
"""

from dataclasses import dataclass

from django.core.cache import cache
from django.utils import translation
from wagtail.models import Page

from .cache import structure_version


@dataclass(frozen=True)
class LocalizedLink:
    url: str
    title: str

    def __str__(self):
        return self.url


def localized_link(page: Page, request=None) -> LocalizedLink | None:
    if page is None:
        return None
    language = translation.get_language()
    key = f"zp:localized:{page.pk}:{language}:{structure_version()}"
    link = cache.get(key)
    if link is None:
        target = (
            Page.objects.live()
            .filter(translation_key=page.translation_key, locale__language_code=language)
            .only("id", "title", "url_path", "path", "depth", "locale_id")
            .first()
        ) or page
        link = LocalizedLink(target.get_url(request) or "", target.title)
        cache.set(key, link, timeout=24 * 3600)
    return link


def localized_pages(pages, locale_id: int) -> list:
    """`pages` with each one replaced by its live translation in the locale `locale_id`.

    For page references rendered as cards (a news article's chosen related articles),
    which need the translated title, summary and image, not just a link: pass the
    locale of the page being viewed. Pages already in that locale cost nothing; the
    others are fetched in one query per page type, with their listing image. Pages
    without a live translation there stay as they are.
    """
    pages = [page for page in pages if page is not None]
    foreign = [page for page in pages if page.locale_id != locale_id]
    if not foreign:
        return pages
    keys = {page.translation_key for page in foreign}
    translated = {}
    for model in {type(page) for page in foreign}:
        queryset = model.objects.live().filter(translation_key__in=keys, locale_id=locale_id)
        if any(f.name == "listing_image" for f in model._meta.concrete_fields):
            queryset = queryset.select_related("listing_image")
        translated.update((page.translation_key, page) for page in queryset.defer_streamfields())
    return [translated.get(page.translation_key, page) for page in pages]
