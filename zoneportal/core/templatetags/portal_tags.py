"""Template tags for the site chrome: menus, footer, breadcrumbs, sidebar, SEO."""

import json

from django import template
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.models import Site

from .. import titles
from ..alternates import language_links
from ..i18n import bcp47
from ..models import NavigationSettings
from ..navigation import footer_groups, main_menu, sidebar_links
from ..seo import breadcrumb_json_ld

register = template.Library()


@register.simple_tag(takes_context=True)
def site_url(context, target) -> str:
    """A page's or a path's absolute URL on the configured Site (core/seo.py absolute())."""
    from ..seo import absolute

    request = context.get("request")
    url = target.get_url(request) if hasattr(target, "get_url") else str(target or "")
    return absolute(request, url or "")


def _home_for(context):
    """The home page of the current language tree.

    Page views put it in the context (from the breadcrumb query); other views
    (search, errors) fall back to the site root in the active language.
    """
    if context.get("home") is not None:
        return context["home"]
    request = context.get("request")
    site = Site.find_for_request(request) if request else None
    if site is None:
        return None
    return site.root_page.localized


@register.inclusion_tag("core/includes/main_menu.html", takes_context=True)
def primary_navigation(context):
    home = _home_for(context)
    request = context.get("request")
    return {
        "home": home,
        "menu": main_menu(home, request) if home else [],
        "current_path": request.path if request else "",
    }


@register.inclusion_tag("core/includes/footer.html", takes_context=True)
def site_footer(context):
    request = context.get("request")
    home = _home_for(context)
    nav = NavigationSettings.for_request(request) if request else None
    footer_text = None
    if nav and nav.footer_text_id:
        footer_text = nav.footer_text.localized
    groups = footer_groups(nav, home, request) if nav and home else []
    return {
        "groups": groups,
        "footer_text": footer_text,
        "message_link": _footer_message_link(home, groups, request),
        "request": request,
        "zone": context.get("zone"),
    }


def _footer_message_link(home, groups, request):
    """The "Leave Your Message Here" page, unless the footer groups already link it."""
    message_page = getattr(home.specific, "message_page", None) if home else None
    if message_page is None:
        return None
    from ..localized import localized_link

    link = localized_link(message_page, request)
    listed = {group.url for group in groups}
    listed |= {child.url for group in groups for child in group.children}
    return None if not link or link.url in listed else link


@register.inclusion_tag("core/includes/sidebar.html", takes_context=True)
def media_sidebar(context):
    """The article sidebar: Media Center links, newest video thumbnails, message CTA."""
    home = _home_for(context)
    return {
        "sidebar": sidebar_links(home) if home else {},
        "request": context.get("request"),
        "zone": context.get("zone"),
    }


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """All JSON-LD blocks for `page`, as <script type="application/ld+json"> data blocks.

    Data blocks are not executed, so they are allowed under a strict CSP.
    """
    request = context.get("request")
    documents = []
    own = page.get_json_ld(request) if hasattr(page, "get_json_ld") else None
    if own:
        documents.append(own)
    crumbs = context.get("breadcrumbs")
    if crumbs:
        documents.append(breadcrumb_json_ld([*crumbs, page], request))
    return mark_safe(  # noqa: S308 - escaped below
        "".join(
            format_html('<script type="application/ld+json">{}</script>', _json_script(doc))
            for doc in documents
        )
    )


def _json_script(document) -> str:
    """JSON safe to embed in HTML: <, > and & escaped so no tag can be closed early."""
    text = json.dumps(document, ensure_ascii=False, default=str)
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)  # noqa: S308


@register.simple_tag(takes_context=True)
def page_title(context, page):
    """The page's <title> text, unique within its language (core/titles.py)."""
    return titles.page_title(page, context)


@register.filter
def photo_credit(credit: str) -> str:
    """Format a credit as on the reference site: "example.gov.cn" -> "[Photo/example.gov.cn]"."""
    credit = (credit or "").strip()
    if not credit:
        return ""
    if credit.startswith("["):
        return credit
    # Translators: photo credit after a caption; keep the brackets' style of your language.
    return gettext("[Photo/%(credit)s]") % {"credit": credit}


@register.simple_tag(takes_context=True)
def page_language_links(context):
    """The current page (or view) in every language: see zoneportal.core.alternates."""
    request = context.get("request")
    if request is None:
        return []
    return language_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def localized(context, page):
    """`{% localized page as link %}`: link.url and link.title in the active language."""
    from ..localized import localized_link

    return localized_link(page, context.get("request"))


@register.filter
def language_tag(language_code: str) -> str:
    """BCP 47 form of a Django language code, for lang and hreflang attributes."""
    return bcp47(language_code or "")


@register.filter
def localized_alt(image) -> str:
    """`{{ image|localized_alt }}`: the image's alt text in the active language.

    Falls back to the default (English) alt text when the image has none in this
    language. The texts come with the image row, so this costs no query. Explicit
    per-use overrides (a block's alt text) go first: `{% firstof value.alt_text
    value.image|localized_alt as alt %}`.
    """
    if not image:
        return ""
    alt_text_for = getattr(image, "alt_text_for", None)
    if alt_text_for is None:
        return getattr(image, "default_alt_text", "") or ""
    return alt_text_for()


@register.simple_tag(takes_context=True)
def localized_pages(context, pages):
    """`{% localized_pages pages as pages %}`: the pages in the viewed page's language.

    See zoneportal.core.localized.localized_pages; for card lists of page references.
    """
    from ..localized import localized_pages as _localized_pages

    page = context.get("page")
    locale_id = getattr(page, "locale_id", None)
    if locale_id is None or not pages:
        return pages
    return _localized_pages(pages, locale_id)
