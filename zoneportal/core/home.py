"""What the home page shows besides its own fields: the newest content of each domain.

Models are looked up by label so that core does not import the domain apps.
"""

from django.apps import apps

from .listing import with_listing_images
from .visibility import public_pages

LATEST_NEWS_COUNT = 6
INDUSTRY_COUNT = 6


def _live_in_tree(model_label: str, home):
    model = apps.get_model(model_label)
    return public_pages(model.objects.live()).descendant_of(home)


def latest_news(home, count=LATEST_NEWS_COUNT):
    articles = _live_in_tree("news.NewsArticlePage", home).select_related("listing_image")
    return list(articles.order_by("-publication_date", "-pk")[:count])


def latest_video(home):
    videos = _live_in_tree("media.VideoPage", home).select_related("poster")
    return videos.order_by("-publication_date", "-pk").first()


def _in_home_locale(page, home):
    """`page`'s translation in the home page's language, or `page` if there is none.

    The home page's section links are synchronised from the English source, so on
    /ja/ they still point at English pages until localised here.
    """
    if page.locale_id == home.locale_id:
        return page
    return page.get_translation_or_none(home.locale) or page


def key_industries(home, count=INDUSTRY_COUNT):
    if home.industries_page_id is None:
        return []
    industries = public_pages(apps.get_model("business.IndustryPage").objects.live())
    section = _in_home_locale(home.industries_page, home)
    industries = industries.child_of(section).select_related("listing_image")
    return list(industries[:count])


def guide_links(home):
    if home.guides_page_id is None:
        return []
    section = _in_home_locale(home.guides_page, home)
    return list(public_pages(section.get_children().live().in_menu()))


def news_feeds(home) -> dict | None:
    """The news index of the home page's language and its feed URLs, for the
    autodiscovery links in <head>; None when that tree has no news index."""
    index = _live_in_tree("news.NewsIndexPage", home).order_by("path").first()
    if index is None:
        return None
    return {"index": index, "urls": index.feed_urls()}


def home_page_context(home) -> dict:
    """Lazy values: the template evaluates each inside a cached fragment, so a warm
    home page runs none of these queries."""
    return {
        "hero_slides": lambda: list(home.hero_slides.select_related("image", "link_page")),
        "latest_news": lambda: latest_news(home),
        "latest_video": lambda: latest_video(home),
        "key_industries": lambda: with_listing_images(key_industries(home)),
        "guide_links": lambda: guide_links(home),
        "news_feeds": lambda: news_feeds(home),
    }
