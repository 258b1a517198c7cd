"""News topics: tag names in the visitor's language.

Tags are shared by all translations of an article (their slugs are the stable
`?tag=` filter values); each has a `NewsTopic` per language holding its name.
Reads take one query for any number of tags and fall back to the tag's own name
where a language has no topic yet.
"""

from dataclasses import dataclass

from wagtail.models import Locale


@dataclass(frozen=True)
class LocalizedTag:
    """What templates and feeds show of a tag: its slug and its name in one language."""

    pk: int
    slug: str
    name: str


def topic_names(tags, locale_id: int | None) -> dict[int, str]:
    """{tag id: topic name in the locale} for the tags that have one (one query)."""
    from .models import NewsTopic

    tag_ids = [tag.pk for tag in tags]
    if not tag_ids or locale_id is None:
        return {}
    rows = NewsTopic.objects.filter(tag_id__in=tag_ids, locale_id=locale_id).values_list(
        "tag_id", "name"
    )
    return dict(rows)


def localized_tags(tags, locale_id: int | None = None) -> list[LocalizedTag]:
    """The tags with their names in a locale (default: the active one), sorted by name."""
    tags = list(tags)
    if locale_id is None:
        locale_id = Locale.get_active().pk
    names = topic_names(tags, locale_id)
    localized = [LocalizedTag(tag.pk, tag.slug, names.get(tag.pk, tag.name)) for tag in tags]
    return sorted(localized, key=lambda tag: tag.name.casefold())


def ensure_topics(tags, locale) -> int:
    """Create a topic in `locale` for each tag that has none in any language yet.

    A tag that already has a topic elsewhere is left to the translators (the
    translation status report lists it), so a translated article never creates a
    second, unlinked source topic. Returns the number created.
    """
    from .models import NewsTopic

    tags = list(tags)
    known = set(
        NewsTopic.objects.filter(tag_id__in=[tag.pk for tag in tags]).values_list(
            "tag_id", flat=True
        )
    )
    created = 0
    for tag in tags:
        if tag.pk not in known:
            NewsTopic.objects.create(tag=tag, name=tag.name, locale=locale)
            created += 1
    return created


def create_topics_on_publish(sender, instance, **kwargs) -> None:
    """page_published receiver: name the article's new tags in its language."""
    from .models import NewsArticlePage

    page = instance
    if isinstance(page, NewsArticlePage):
        ensure_topics(page.tags.all(), page.locale)
