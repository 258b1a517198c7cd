"""News: an index page per language tree with dated, sourced, tagged articles and feeds."""

import datetime as dt
import uuid
from functools import cached_property

from django.conf import settings
from django.core.cache import cache
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone, translation
from django.utils.functional import SimpleLazyObject
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import Tag, TaggedItemBase
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from zoneportal.core.blocks import BodyStreamBlock
from zoneportal.core.cache import structure_version
from zoneportal.core.models import BasePage

from .topics import localized_tags

FEED_ITEM_COUNT = 20
RELATED_ARTICLE_COUNT = 3
MIN_YEAR = 1990
MAX_YEAR = 2100
ARTICLE_CACHE_TIMEOUT = 24 * 3600


def _is_preview(request) -> bool:
    return bool(getattr(request, "is_preview", False))


class NewsIndexPage(RoutablePageMixin, BasePage):
    """The News list of one language tree: filters by tag and year, pages of 12, feeds."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.SectionPage"]
    subpage_types = ["news.NewsArticlePage"]

    class Meta:
        verbose_name = _("news index page")

    # -- queries --------------------------------------------------------------------
    def get_base_articles(self):
        """Live, public articles below this index (one query for view restrictions)."""
        return NewsArticlePage.objects.live().public().child_of(self)

    def get_articles(self, base=None):
        """Live public articles below this index, newest first, ready for listing."""
        base = self.get_base_articles() if base is None else base
        return (
            base.select_related("listing_image")
            .prefetch_related("tags")
            .defer_streamfields()
            .order_by("-publication_date", "-pk")
        )

    def get_tag_choices(self, base=None):
        """Tags used by the live articles of this index, by name (one query)."""
        base = self.get_base_articles() if base is None else base
        return list(
            Tag.objects.filter(news_newsarticletag_items__content_object_id__in=base.values("pk"))
            .distinct()
            .order_by("name")
        )

    def get_year_choices(self, base=None):
        """Years that have at least one live article, newest first (one query)."""
        base = self.get_base_articles() if base is None else base
        return [d.year for d in base.dates("publication_date", "year", order="DESC")]

    # -- filtering ------------------------------------------------------------------
    @staticmethod
    def clean_filters(params):
        """The tag slug and year asked for, or None for anything missing or malformed."""
        tag = (params.get("tag") or "").strip()[:100] or None
        year = None
        raw_year = (params.get("year") or "").strip()
        if raw_year.isdigit() and len(raw_year) == 4:
            year = int(raw_year)
            if not MIN_YEAR <= year <= MAX_YEAR:
                year = None
        return tag, year

    def filter_articles(self, articles, tag, year):
        if tag:
            articles = articles.filter(tags__slug=tag)
        if year:
            articles = articles.filter(publication_date__year=year)
        return articles

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tag, year = self.clean_filters(request.GET)
        base = self.get_base_articles()
        articles = self.filter_articles(self.get_articles(base), tag, year)
        paginator = Paginator(articles, settings.ZONEPORTAL_NEWS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        filters = {key: value for key, value in (("tag", tag), ("year", year)) if value}
        tag_choices = localized_tags(self.get_tag_choices(base), self.locale_id)
        context.update(
            {
                "articles": page_obj.object_list,
                "page_obj": page_obj,
                "paginator": paginator,
                "page_range": list(paginator.get_elided_page_range(page_obj.number)),
                "query_prefix": urlencode(filters) + "&" if filters else "",
                "tag_choices": tag_choices,
                "year_choices": self.get_year_choices(base),
                "selected_tag": tag,
                "selected_tag_name": next((t.name for t in tag_choices if t.slug == tag), tag),
                "selected_year": year,
                "is_filtered": bool(filters),
                "feed_urls": self.feed_urls(request),
            }
        )
        return context

    # -- feeds ----------------------------------------------------------------------
    def feed_urls(self, request=None) -> dict:
        base = self.get_url(request) or ""
        return {
            "rss": base + self.reverse_subpage("feed_rss"),
            "atom": base + self.reverse_subpage("feed_atom"),
        }

    def get_feed_items(self):
        return list(self.get_articles()[:FEED_ITEM_COUNT])

    @path("feed/rss/", name="feed_rss")
    def feed_rss(self, request):
        from .feeds import NewsRssFeed

        return NewsRssFeed(self)(request)

    @path("feed/atom/", name="feed_atom")
    def feed_atom(self, request):
        from .feeds import NewsAtomFeed

        return NewsAtomFeed(self)(request)


class NewsTopic(TranslatableMixin, models.Model):
    """The display name of a news tag in one language (Snippets > News topics).

    Tags stay shared by every language, so `?tag=<slug>` filters and related
    articles work the same on each translation of an article; their names are
    translated here with wagtail-localize like any other text. A topic is created in
    the article's language when a tag is first published (zoneportal/news/topics.py).
    """

    tag = models.ForeignKey(Tag, on_delete=models.CASCADE, related_name="+", verbose_name=_("tag"))
    name = models.CharField(_("name"), max_length=100)

    panels = [FieldPanel("tag", read_only=True), FieldPanel("name")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("news topic")
        verbose_name_plural = _("news topics")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["tag", "locale"], name="news_topic_one_per_locale")
        ]

    def __str__(self):
        return self.name


class NewsArticleTag(TaggedItemBase):
    content_object = ParentalKey(
        "news.NewsArticlePage", on_delete=models.CASCADE, related_name="tagged_items"
    )


class NewsArticlePage(BasePage):
    """A dated news story with its source line, lead image, body, tags and related stories."""

    publication_date = models.DateField(
        _("first published"),
        default=timezone.localdate,
        help_text=_("The date the story was first published. Articles are listed by it."),
    )
    updated_date = models.DateField(
        _("updated"),
        null=True,
        blank=True,
        help_text=_('Shown as "Updated:". Leave empty to show the first-published date.'),
    )
    source_name = models.CharField(
        _("source"),
        max_length=120,
        blank=True,
        help_text=_('Shown in brackets before the date, e.g. "chinadaily.com.cn".'),
    )
    source_url = models.URLField(_("source link"), blank=True)
    author = models.CharField(_("author"), max_length=120, blank=True)
    deck = models.CharField(
        _("standfirst"),
        max_length=300,
        blank=True,
        help_text=_("An optional one-sentence summary shown under the title."),
    )
    lead_image_caption = models.CharField(
        _("lead image caption"),
        max_length=300,
        blank=True,
        help_text=_("Shown under the listing image when it leads the article."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsArticleTag, blank=True, verbose_name=_("tags"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("deck"),
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldPanel("updated_date"),
                FieldPanel("source_name"),
                FieldPanel("source_url"),
                FieldPanel("author"),
            ],
            heading=_("Date and source"),
        ),
        FieldPanel("lead_image_caption"),
        FieldPanel("body"),
        FieldPanel("tags"),
        InlinePanel(
            "related_links",
            label=_("Related articles"),
            help_text=_("Leave empty to show the newest articles sharing a tag."),
            max_num=RELATED_ARTICLE_COUNT,
        ),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("deck"),
        index.SearchField("body"),
        index.SearchField("source_name"),
        index.SearchField("author"),
        index.RelatedFields("tags", [index.SearchField("name")]),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["news.NewsIndexPage"]
    subpage_types = []
    show_sidebar = True

    class Meta:
        verbose_name = _("news article")
        verbose_name_plural = _("news articles")

    def save(self, *args, **kwargs):
        result = super().save(*args, **kwargs)
        # The search index is updated on post_save, before modelcluster commits the tags;
        # update it again so that tags added in this save are searchable at once.
        if getattr(self, "search_auto_update", True) and self.pk:
            from wagtail.search.tasks import insert_or_update_object_task

            insert_or_update_object_task.enqueue(
                self._meta.app_label, self._meta.model_name, str(self.pk)
            )
        return result

    @property
    def display_updated_date(self) -> dt.date:
        return self.updated_date or self.publication_date

    @property
    def shows_first_published(self) -> bool:
        return self.updated_date is not None and self.updated_date != self.publication_date

    @property
    def render_version(self) -> str:
        """Changes whenever new content of this article goes live (fragment-cache keys).

        The rendered article (head, body, tags, related articles) is cached per
        language and host under this and the site structure version, which every
        publish, unpublish, move, image or settings change bumps: related articles and
        images are other pages' and images' content, so they need the structure version.
        """
        published = self.last_published_at.timestamp() if self.last_published_at else ""
        return f"{self.live_revision_id or ''}-{published}"

    def _render_cache_key(self, part: str, request) -> str:
        host = f"{request.scheme}://{request.get_host()}" if request else ""
        language = translation.get_language()
        return (
            f"zp:news-article:{part}:{self.pk}:{self.render_version}:{language}:{host}:"
            f"{structure_version()}"
        )

    @cached_property
    def tag_list(self) -> list:
        """The article's tags named in its language, by name."""
        return localized_tags(self.tags.all(), self.locale_id)

    def get_related_articles(self) -> list:
        """Explicitly chosen related articles, else the newest sharing a tag (max 3)."""
        chosen = [
            link.article
            for link in self.related_links.select_related("article", "article__listing_image")
            if link.article is not None and link.article.live
        ]
        if chosen:
            return chosen[:RELATED_ARTICLE_COUNT]
        if not self.pk:
            return []
        shared_tags = NewsArticleTag.objects.filter(content_object_id=self.pk).values("tag_id")
        return list(
            NewsArticlePage.objects.live()
            .public()
            .filter(tagged_items__tag_id__in=shared_tags, locale_id=self.locale_id)
            .exclude(pk=self.pk)
            .select_related("listing_image")
            .defer_streamfields()
            .distinct()
            .order_by("-publication_date", "-pk")[:RELATED_ARTICLE_COUNT]
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        crumbs = context.get("breadcrumbs") or []
        index_page = crumbs[-1] if crumbs else self.get_parent()
        index_url = index_page.get_url(request) or ""
        context["news_index"] = index_page
        context["news_index_url"] = index_url
        context["feed_urls"] = {"rss": index_url + "feed/rss/", "atom": index_url + "feed/atom/"}
        # Evaluated only when the cached article fragment has to be rendered.
        context["related_articles"] = SimpleLazyObject(self.get_related_articles)
        if _is_preview(request):
            # A preview shares the live page's pk and revision: never cache or reuse.
            context["article_cache_timeout"] = 0
            context["article_cache_version"] = f"preview-{uuid.uuid4().hex}"
        else:
            context["article_cache_timeout"] = ARTICLE_CACHE_TIMEOUT
            context["article_cache_version"] = self.render_version
        return context

    def get_json_ld(self, request):
        if _is_preview(request):
            return self._build_json_ld(request)
        key = self._render_cache_key("json-ld", request)
        data = cache.get(key)
        if data is None:
            data = self._build_json_ld(request)
            cache.set(key, data, timeout=ARTICLE_CACHE_TIMEOUT)
        return data

    def _build_json_ld(self, request):
        from zoneportal.core.i18n import bcp47
        from zoneportal.core.seo import absolute

        url = absolute(request, self.get_url(request) or "")
        publisher = {"@type": "Organization", "name": settings.WAGTAIL_SITE_NAME}
        if self.author:
            author = {"@type": "Person", "name": self.author}
        else:
            author = {"@type": "Organization", "name": self.source_name or publisher["name"]}
        data = {
            "@context": "https://schema.org",
            "@type": "NewsArticle",
            "headline": self.title[:110],
            "datePublished": self.publication_date.isoformat(),
            "dateModified": self.display_updated_date.isoformat(),
            "author": author,
            "publisher": publisher,
            "mainEntityOfPage": {"@type": "WebPage", "@id": url},
            "url": url,
            "inLanguage": bcp47(self.locale.language_code),
        }
        description = self.deck or self.listing_summary
        if description:
            data["description"] = description
        if self.listing_image_id:
            rendition = self.listing_image.get_rendition("fill-1200x630|format-jpeg")
            data["image"] = [absolute(request, rendition.url)]
        tags = [tag.name for tag in self.tag_list]
        if tags:
            data["keywords"] = tags
        return data


class NewsArticleRelatedLink(Orderable):
    """An article chosen by the editor as related to another."""

    page = ParentalKey(NewsArticlePage, on_delete=models.CASCADE, related_name="related_links")
    article = models.ForeignKey(
        NewsArticlePage,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("article"),
    )

    panels = [PageChooserPanel("article", "news.NewsArticlePage")]

    class Meta(Orderable.Meta):
        verbose_name = _("related article")
        verbose_name_plural = _("related articles")
