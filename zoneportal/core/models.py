"""Core models: the image model, the page types every site needs, and site settings."""

from django.db import models
from django.http import Http404
from django.utils import translation
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel, PageChooserPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.fields import RichTextField, StreamField
from wagtail.images.models import AbstractImage, AbstractRendition, Image
from wagtail.models import Orderable, Page, PageViewRestriction, TranslatableMixin
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from zoneportal.search.indexing import CJK_SEARCH_FIELDS, cjk_search_text, cjk_search_title

from .blocks import BodyStreamBlock
from .streams import normalise_stream_fields


class SiteImage(AbstractImage):
    """An image whose alt text is mandatory and whose photo credit travels with it."""

    description = models.CharField(
        _("alt text"),
        max_length=255,
        help_text=_("Describe the image for people who cannot see it. Required."),
    )
    credit = models.CharField(
        _("photo credit"),
        max_length=120,
        blank=True,
        help_text=_(
            'Source shown after captions, e.g. "example.gov.cn" becomes [Photo/example.gov.cn].'
        ),
    )

    alt_texts = models.JSONField(
        _("alt text in other languages"),
        default=dict,
        blank=True,
    )
    """{"ja": "...", "ko": "...", "zh-hans": "..."}: edited on the image form, one field
    per language (zoneportal/core/image_forms.py). Stored on the image row so that an
    image fetched with its page brings every language's alt text without a query."""

    # alt_texts is edited through the per-language fields of SiteImageForm.
    admin_form_fields = (*Image.admin_form_fields, "credit")

    @property
    def default_alt_text(self):
        return self.description or self.title

    def alt_text_for(self, language_code: str | None = None) -> str:
        """Alt text in `language_code` (default: the active language), else the default.

        A regional variant falls back to its language ("ja-jp" -> "ja") before the
        default description is used.
        """
        language = (language_code or translation.get_language() or "").lower()
        texts = self.alt_texts if isinstance(self.alt_texts, dict) else {}
        if language and texts:
            text = texts.get(language) or texts.get(language.split("-")[0])
            if text and text.strip():
                return text.strip()
        return self.default_alt_text


class SiteRendition(AbstractRendition):
    image = models.ForeignKey(SiteImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


class BasePage(Page):
    """Fields every public page shares: a card image and summary for listings and SEO."""

    listing_image = models.ForeignKey(
        SiteImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("listing image"),
        help_text=_("Shown on cards and when the page is shared."),
    )
    listing_summary = models.TextField(
        _("summary"),
        blank=True,
        max_length=400,
        help_text=_("One or two sentences for cards, search results and link previews."),
    )

    search_fields = [*Page.search_fields, index.SearchField("listing_summary"), *CJK_SEARCH_FIELDS]
    # Chinese, Japanese and Korean text as bigrams (see zoneportal/search/indexing.py).
    cjk_search_title = cjk_search_title
    cjk_search_text = cjk_search_text
    promote_panels = [
        *Page.promote_panels,
        MultiFieldPanel(
            [FieldPanel("listing_image"), FieldPanel("listing_summary")],
            heading=_("Listing and sharing"),
        ),
    ]

    show_sidebar = False
    """Article-like pages set this to show the Media Center sidebar."""

    # Translations keep the source page's slug, and slugs stay ASCII for CJK titles
    # (zoneportal/translations/slugs.py).
    override_translatable_fields = [SynchronizedField("slug", overridable=False)]

    class Meta:
        abstract = True

    def full_clean(self, *args, **kwargs):
        from zoneportal.translations.slugs import ensure_ascii_slug

        ensure_ascii_slug(self)
        super().full_clean(*args, **kwargs)

    def save(self, *args, **kwargs):
        normalise_stream_fields(self)
        return super().save(*args, **kwargs)

    def get_meta_description(self):
        return self.search_description or self.listing_summary

    def get_view_restrictions(self):
        """Skip Wagtail's two restriction queries while no page on the site is private."""
        from .visibility import restricted_paths

        if not restricted_paths():
            # An empty queryset, not a list: Wagtail's copy actions call .exists() on it.
            return PageViewRestriction.objects.none()
        return super().get_view_restrictions()

    def get_context(self, request, *args, **kwargs):
        from .cached_pages import breadcrumb_pages

        context = super().get_context(request, *args, **kwargs)
        crumbs = breadcrumb_pages(self)
        context["breadcrumbs"] = crumbs
        context["home"] = crumbs[0] if crumbs else self
        return context

    def get_json_ld(self, request):
        """Structured data for this page, or None. Page types override this."""
        return None


class HomePage(BasePage):
    """The site root for one language."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    guides_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("investment guides section"),
        help_text=_("Its child pages are shown as quick links."),
    )
    industries_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("key industries index"),
    )
    message_page = models.ForeignKey(
        Page,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("message page"),
        help_text=_('Target of the "Leave Your Message Here" call to action.'),
    )
    message_call_to_action = models.CharField(_("call-to-action text"), max_length=255, blank=True)

    content_panels = [
        *BasePage.content_panels,
        InlinePanel("hero_slides", label=_("Hero carousel slides"), max_num=6),
        FieldPanel("intro"),
        PageChooserPanel("industries_page"),
        PageChooserPanel("guides_page"),
        MultiFieldPanel(
            [PageChooserPanel("message_page"), FieldPanel("message_call_to_action")],
            heading=_("Leave Your Message Here"),
        ),
    ]
    parent_page_types = ["wagtailcore.Page"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("home page")

    @property
    def localized(self):
        """The live home page in the active language, itself specific, from the cache.

        Wagtail routes every request through `site.root_page.localized.specific`, which
        costs a Locale query and a page query; the answer changes only with the site
        structure (core/cache.py), so it is kept under the structure version.
        """
        from .cached_pages import localized_home

        return localized_home(self, lambda: super(HomePage, self).localized)

    def route(self, request, path_components):
        """Resolve a deep URL in two queries instead of two per path segment.

        The deepest existing page whose url_path matches a prefix of the request path
        is fetched directly; routing then continues from that page as usual, so
        RoutablePageMixin sub-routes (feeds, filters) keep working.
        """
        if not path_components:
            return super().route(request, path_components)
        candidates = [
            self.url_path + "/".join(path_components[:length]) + "/"
            for length in range(1, len(path_components) + 1)
        ]
        deepest = (
            Page.objects.filter(url_path__in=candidates, path__startswith=self.path)
            .order_by("-depth")
            .first()
        )
        if deepest is None:
            raise Http404
        remaining = path_components[deepest.depth - self.depth :]
        return deepest.specific.route(request, remaining)

    def get_context(self, request, *args, **kwargs):
        from .home import home_page_context

        context = super().get_context(request, *args, **kwargs)
        context.update(home_page_context(self))
        return context

    def get_json_ld(self, request):
        from .seo import organization_json_ld

        return organization_json_ld(self, request)


class HeroSlide(TranslatableMixin, Orderable):
    """A carousel slide; translatable so its heading and caption follow the page language."""

    page = ParentalKey(HomePage, on_delete=models.CASCADE, related_name="hero_slides")
    image = models.ForeignKey(SiteImage, on_delete=models.PROTECT, related_name="+")
    heading = models.CharField(_("heading"), max_length=120)
    caption = models.CharField(_("caption"), max_length=255, blank=True)
    link_page = models.ForeignKey(
        Page, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    link_text = models.CharField(_("link text"), max_length=60, blank=True)

    panels = [
        FieldPanel("image"),
        FieldPanel("heading"),
        FieldPanel("caption"),
        PageChooserPanel("link_page"),
        FieldPanel("link_text"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        pass


class SectionPage(BasePage):
    """A top-level section (About, Business ...): an introduction and its children as cards."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.HomePage", "core.SectionPage"]

    class Meta:
        verbose_name = _("section page")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["cards"] = card_pages(self)
        return context


def card_pages(parent):
    """The live, public, in-menu children of `parent`, ready to render as cards."""
    from .listing import with_listing_images
    from .visibility import public_pages

    children = public_pages(parent.get_children().live()).specific().defer_streamfields()
    return with_listing_images(list(children))


class StandardPage(BasePage):
    """Overview, Why invest here, Contact Us, Living topics ...: a flexible body of blocks."""

    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))
    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the facts on this page were last checked. Shown to readers."),
    )

    content_panels = [*BasePage.content_panels, FieldPanel("body"), FieldPanel("last_reviewed")]
    search_fields = [*BasePage.search_fields, index.SearchField("body")]
    parent_page_types = ["core.HomePage", "core.SectionPage"]
    subpage_types = ["core.StandardPage"]
    show_sidebar = True

    class Meta:
        verbose_name = _("standard page")


class FooterText(TranslatableMixin, models.Model):
    """Footer copy that differs per language (copyright line, address)."""

    copyright_line = models.CharField(_("copyright line"), max_length=255)
    address = models.TextField(_("address"), blank=True)

    panels = [FieldPanel("copyright_line"), FieldPanel("address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return self.copyright_line


class FooterGroupBlock(blocks.StructBlock):
    section = blocks.PageChooserBlock(label=_("Section page"))
    links = blocks.ListBlock(
        blocks.PageChooserBlock(),
        label=_("Links"),
        help_text=_("Leave empty to list the section's menu pages."),
        required=False,
        default=[],
    )


@register_setting(icon="list-ul")
class NavigationSettings(BaseSiteSetting):
    """Footer site map and footer text, edited under Settings > Navigation."""

    footer_groups = StreamField(
        [("group", FooterGroupBlock())],
        blank=True,
        verbose_name=_("footer site map"),
        help_text=_("One group per column: About, Media Center, Investment Guides ..."),
    )
    footer_text = models.ForeignKey(
        FooterText,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("footer text"),
    )

    panels = [FieldPanel("footer_groups"), FieldPanel("footer_text")]

    class Meta:
        verbose_name = _("navigation")
