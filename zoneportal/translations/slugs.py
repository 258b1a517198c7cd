"""ASCII slugs for pages whose titles are Chinese, Japanese or Korean.

Wagtail derives slugs from titles and, by default, keeps CJK characters in them.
Such URLs work but are shared as long percent-encoded strings (/zh/%E5%8D%8A...),
and Django's `slugify()` (used by wagtail-localize when it saves a translation)
turns them into an empty string. ZonePortal therefore keeps every slug ASCII:

1. A translation keeps its source page's slug (/ja/.../sk-hynix/ mirrors
   /en/.../sk-hynix/). wagtail-localize does this by itself because BasePage
   declares the slug a synchronised field; the fallback below covers pages
   translated by hand.
2. A page published first in Chinese, Japanese or Korean gets a transliteration
   of its title: 半导体产业 -> ban-dao-ti-chan-ye (anyascii, already a Wagtail
   dependency; Japanese kanji come out in their Chinese reading, which is
   imperfect but readable and stable).
3. When neither gives anything (a title made of symbols), "page-<8 hex digits>".
"""

from __future__ import annotations

import unicodedata

from anyascii import anyascii
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug

MAX_SLUG_LENGTH = 80
_SYLLABLE_SCRIPTS = ("CJK UNIFIED IDEOGRAPH", "CJK COMPATIBILITY IDEOGRAPH", "HANGUL SYLLABLE")


def _is_syllable(character: str) -> bool:
    """Han characters and Hangul blocks are one syllable each: separate them with hyphens."""
    return unicodedata.name(character, "").startswith(_SYLLABLE_SCRIPTS)


def transliterate(text: str) -> str:
    """Romanise `text`, keeping one word per Han character or Hangul syllable."""
    parts = []
    for character in text:
        latin = anyascii(character)
        parts.append(f" {latin} " if _is_syllable(character) else latin)
    return "".join(parts)


def ascii_slug(text: str) -> str:
    """An ASCII slug for `text`, or "" when nothing in it can be romanised."""
    slug = slugify(transliterate(text))
    return slug[:MAX_SLUG_LENGTH].rstrip("-")


def _slug_of_another_translation(page) -> str:
    """The ASCII slug of the page's source or another translation, if there is one."""
    from wagtail.models import Page

    others = Page.objects.filter(translation_key=page.translation_key).exclude(pk=page.pk)
    slugs = others.order_by("id").values_list("slug", flat=True)
    return next((slug for slug in slugs if slug and slug.isascii()), "")


def _known_parent(page):
    if page.path:
        return page.get_parent()
    # Set by Page.add_child() and by the admin create view before validation.
    return getattr(page, "_cached_parent_obj", None)


def ensure_ascii_slug(page) -> None:
    """Replace an empty or non-ASCII slug with an ASCII one, unique among its siblings.

    Costs nothing for pages whose slug is already ASCII (the usual case).
    """
    if page.slug and page.slug.isascii():
        return
    if page.depth == 1 or (not page.slug and not page.title):
        return  # the tree root, or a page Wagtail will refuse anyway
    base = (
        _slug_of_another_translation(page)
        or ascii_slug(page.slug or page.title)
        or ascii_slug(page.title)
        or f"page-{page.translation_key.hex[:8]}"
    )
    parent = _known_parent(page)
    page.slug = find_available_slug(parent, base, ignore_page_id=page.pk) if parent else base
