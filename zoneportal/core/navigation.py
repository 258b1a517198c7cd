"""Header menu, footer site map and breadcrumbs, each built in a constant number of queries."""

from dataclasses import dataclass, field

from wagtail.models import Page

from .visibility import public_pages


@dataclass
class MenuItem:
    title: str
    url: str
    page_id: int
    children: list["MenuItem"] = field(default_factory=list)


def main_menu(home: Page, request=None) -> list[MenuItem]:
    """Two levels of in-menu pages below `home`, in one query."""
    pages = public_pages(
        home.get_descendants()
        .filter(depth__lte=home.depth + 2)
        .live()
        .in_menu()
        .only("id", "title", "url_path", "path", "depth", "locale_id")
        .order_by("path")
    )
    top_level: list[MenuItem] = []
    by_path: dict[str, MenuItem] = {}
    for page in pages:
        item = MenuItem(page.title, page.get_url(request) or "", page.pk)
        parent = by_path.get(page.path[: -Page.steplen])
        if page.depth == home.depth + 1:
            top_level.append(item)
        elif parent is not None:
            parent.children.append(item)
        else:
            continue  # child of a page that is not in the menu
        by_path[page.path] = item
    return top_level


def footer_groups(nav_settings, home: Page, request=None) -> list[MenuItem]:
    """The footer site map from navigation settings, localised to `home`'s language.

    All chosen pages (sections and links) are fetched together; sections without
    explicit links list their in-menu children, fetched in one more query.
    """
    groups = [block.value for block in nav_settings.footer_groups]
    if not groups:
        return []
    chosen_ids = {g["section"].pk for g in groups if g["section"]}
    chosen_ids |= {link.pk for g in groups for link in g["links"] if link}
    localized = _localized_pages(chosen_ids, home)
    sections_needing_children = [
        localized.get(g["section"].pk) for g in groups if g["section"] and not g["links"]
    ]
    children = _menu_children([s for s in sections_needing_children if s is not None])

    result = []
    for group in groups:
        section = group["section"] and localized.get(group["section"].pk)
        if section is None:
            continue
        if group["links"]:
            links = [localized.get(link.pk) for link in group["links"] if link]
        else:
            links = children.get(section.path, [])
        item = MenuItem(section.title, section.get_url(request) or "", section.pk)
        item.children = [
            MenuItem(p.title, p.get_url(request) or "", p.pk) for p in links if p is not None
        ]
        result.append(item)
    return result


def _localized_pages(page_ids: set[int], home: Page) -> dict[int, Page]:
    """Map each chosen page id to its live version in `home`'s locale (falling back to itself)."""
    originals = Page.objects.filter(pk__in=page_ids).only("translation_key", "locale_id")
    by_key = {p.translation_key: p.pk for p in originals}
    translations = Page.objects.live().filter(
        translation_key__in=by_key.keys(), locale_id=home.locale_id
    )
    result = {}
    for page in translations:
        result[by_key[page.translation_key]] = page
    return result


def _menu_children(sections: list[Page]) -> dict[str, list[Page]]:
    if not sections:
        return {}
    from django.db.models import Q

    condition = Q()
    for section in sections:
        condition |= Q(path__startswith=section.path, depth=section.depth + 1)
    grouped: dict[str, list[Page]] = {}
    for page in public_pages(Page.objects.live().in_menu().filter(condition)).order_by("path"):
        grouped.setdefault(page.path[: -Page.steplen], []).append(page)
    return grouped


SIDEBAR_VIDEO_COUNT = 2


def sidebar_links(home: Page) -> dict:
    """Targets of the article sidebar, found below `home` (so per language)."""
    from django.apps import apps

    def first_live(label):
        model = apps.get_model(label)
        return public_pages(model.objects.live().descendant_of(home)).order_by("path").first()

    video_model = apps.get_model("media.VideoPage")
    videos = (
        public_pages(video_model.objects.live())
        .descendant_of(home)
        .select_related("poster")
        .order_by("-publication_date", "-pk")[:SIDEBAR_VIDEO_COUNT]
    )
    message_page = home.specific.message_page if hasattr(home.specific, "message_page") else None
    return {
        "news_index": first_live("news.NewsIndexPage"),
        "video_index": first_live("media.VideoIndexPage"),
        "videos": list(videos),
        "message_page": message_page,
    }
