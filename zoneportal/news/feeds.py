"""RSS 2.0 and Atom feeds of the newest articles of one news index.

The feeds are served by `NewsIndexPage` sub-routes (`feed/rss/`, `feed/atom/`), so
each language tree has its own pair. Items come from one query (plus one for tags and one for
their names in the feed's language).
"""

import datetime as dt

from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from zoneportal.core.seo import absolute
from zoneportal.zones.profile import zone_profile

from .topics import topic_names


def _as_datetime(date: dt.date | None) -> dt.datetime | None:
    if date is None:
        return None
    return timezone.make_aware(dt.datetime.combine(date, dt.time(9, 0)))


class NewsRssFeed(Feed):
    feed_type = Rss201rev2Feed

    def __init__(self, index_page):
        super().__init__()
        self.index_page = index_page
        self.request = None

    def __call__(self, request, *args, **kwargs):
        self.request = request
        response = super().__call__(request, *args, **kwargs)
        response["Cache-Control"] = "public, max-age=600"
        return response

    def get_object(self, request, *args, **kwargs):
        return self.index_page

    def title(self, obj):
        return f"{obj.title} | {zone_profile(self.request).text.official_name}"

    def link(self, obj):
        return obj.get_full_url(self.request)

    def description(self, obj):
        return obj.listing_summary or _("The latest news from the %(zone)s.") % {
            "zone": zone_profile(self.request).text.official_name
        }

    subtitle = description

    def feed_url(self, obj):
        # The Site's address, not the Host header: the feed is cached by nginx.
        return absolute(self.request, self.request.path)

    def items(self, obj):
        items = obj.get_feed_items()
        tags = {tag.pk: tag for item in items for tag in item.tags.all()}
        self.topic_names = topic_names(tags.values(), obj.locale_id)  # one query per feed
        return items

    def item_title(self, item):
        return item.title

    def item_description(self, item):
        return item.deck or item.listing_summary

    def item_link(self, item):
        return item.get_full_url(self.request)

    def item_pubdate(self, item):
        return _as_datetime(item.publication_date)

    def item_updateddate(self, item):
        return _as_datetime(item.display_updated_date)

    def item_author_name(self, item):
        return item.author or item.source_name or None

    def item_categories(self, item):
        """The item's tags named in the feed's language."""
        return [self.topic_names.get(tag.pk, tag.name) for tag in item.tags.all()]


class NewsAtomFeed(NewsRssFeed):
    feed_type = Atom1Feed
