"""Business: key industries, industrial parks and star companies.

The three are linked by data, not by hand-kept lists: a company names its industry
and park, a park names its focus industries, and each industry page derives its
leading companies and host parks from those links.
"""

from decimal import Decimal
from functools import cached_property

from django import forms
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils import formats
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index

from zoneportal.core.blocks import BodyStreamBlock, ContactCardBlock, KeyFiguresBlock
from zoneportal.core.models import BasePage, SiteImage
from zoneportal.core.seo import absolute, postal_address
from zoneportal.zones.profile import zone_profile

from .countries import COUNTRY_CHOICES, country_name

PER_PAGE = 12
YEAR_VALIDATORS = [MinValueValidator(1900), MaxValueValidator(2100)]
INTRO_FEATURES = ["bold", "italic", "link"]
TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link"]


def _paginate(request, items, filters: dict) -> dict:
    """Context for core/includes/pagination.html over `items`, keeping `filters` in links."""
    paginator = Paginator(items, PER_PAGE)
    page_obj = paginator.get_page(request.GET.get("page"))
    return {
        "paginator": paginator,
        "page_obj": page_obj,
        "page_range": list(paginator.get_elided_page_range(page_obj.number)),
        "query_prefix": urlencode(filters) + "&" if filters else "",
    }


def _clean_slug(value) -> str:
    return (value or "").strip()[:255]


def _in_locale_of(page, model):
    """Live, public pages of `model` in `page`'s language.

    Links between business pages (a company's industry and park, a park's focus
    industries) are chosen once, usually on the English page, and translations keep
    pointing at the pages chosen there. Lists are therefore matched through the
    linked page's translation key, so a Japanese park lists the Japanese companies
    whatever page their link happens to store.
    """
    return model.objects.live().public().filter(locale_id=page.locale_id)


def _same_locale_translations(model, locale_id, pages):
    """`model` pages in `locale_id` that are translations of `pages` (a queryset)."""
    keys = pages.values("translation_key")
    return model.objects.live().filter(locale_id=locale_id, translation_key__in=keys)


# -- industries -----------------------------------------------------------------------


class IndustryIndexPage(BasePage):
    """Key Industries: an introduction and a card per industry."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.SectionPage"]
    subpage_types = ["business.IndustryPage"]

    class Meta:
        verbose_name = _("industry index page")

    def get_industries(self):
        return list(
            IndustryPage.objects.child_of(self)
            .live()
            .public()
            .select_related("listing_image")
            .defer_streamfields()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["industries"] = self.get_industries()
        return context


class IndustryPage(BasePage):
    """One key industry: overview, key figures, body, and the companies and parks behind it."""

    overview = RichTextField(_("overview"), blank=True, features=TEXT_FEATURES)
    key_figures = StreamField(
        [("key_figures", KeyFiguresBlock())],
        blank=True,
        verbose_name=_("key figures"),
        help_text=_("Output, number of firms ... Give each figure its year and source."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("body"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("overview"),
        FieldPanel("key_figures"),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("overview"),
        index.SearchField("body"),
    ]
    parent_page_types = ["business.IndustryIndexPage"]
    subpage_types = []
    show_sidebar = True

    class Meta:
        verbose_name = _("industry page")

    def get_leading_companies(self) -> list:
        """Live companies whose industry is this page, by name (one query)."""
        if not self.pk:
            return []
        return list(
            _in_locale_of(self, CompanyPage)
            .filter(industry__translation_key=self.translation_key)
            .defer_streamfields()
            .order_by("title")
        )

    def get_host_parks(self) -> list:
        """Live parks that list this industry among their focus industries (one query)."""
        if not self.pk:
            return []
        return list(
            _in_locale_of(self, ParkPage)
            .filter(focus_industries__translation_key=self.translation_key)
            .defer_streamfields()
            .distinct()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["leading_companies"] = self.get_leading_companies()
        context["host_parks"] = self.get_host_parks()
        return context


# -- parks ----------------------------------------------------------------------------


class ParkIndexPage(BasePage):
    """Industrial Parks: park cards, filterable by focus industry."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.SectionPage"]
    subpage_types = ["business.ParkPage"]

    class Meta:
        verbose_name = _("park index page")

    def _live_parks(self):
        return ParkPage.objects.child_of(self).live().public()

    def get_parks(self):
        """Parks in editor order, with images and (live) focus industries, in three queries."""
        industries = IndustryPage.objects.live().defer_streamfields().order_by("title")
        return (
            self._live_parks()
            .select_related("listing_image")
            .prefetch_related(Prefetch("focus_industries", queryset=industries))
            .defer_streamfields()
        )

    def get_industry_choices(self) -> list:
        """Live industries that at least one park of this index focuses on (one query)."""
        focused = IndustryPage.objects.filter(parks__in=self._live_parks().values("pk"))
        return list(
            _same_locale_translations(IndustryPage, self.locale_id, focused)
            .defer_streamfields()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        choices = self.get_industry_choices()
        wanted = _clean_slug(request.GET.get("industry"))
        selected = next((industry for industry in choices if industry.slug == wanted), None)
        parks = self.get_parks()
        filters = {}
        if selected is not None:
            parks = parks.filter(focus_industries__translation_key=selected.translation_key)
            filters["industry"] = selected.slug
        context.update(_paginate(request, parks, filters))
        context.update(
            {
                "parks": context["page_obj"].object_list,
                "industry_choices": choices,
                "selected_industry": selected,
                "is_filtered": bool(filters),
            }
        )
        return context


class ParkPage(BasePage):
    """An industrial park: location, size, focus industries, facilities, contact, gallery."""

    address = models.TextField(_("address"), blank=True)
    latitude = models.DecimalField(
        _("latitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-90")), MaxValueValidator(Decimal("90"))],
        help_text=_("Decimal degrees, north positive, e.g. 31.550000."),
    )
    longitude = models.DecimalField(
        _("longitude"),
        max_digits=9,
        decimal_places=6,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("-180")), MaxValueValidator(Decimal("180"))],
        help_text=_("Decimal degrees, east positive, e.g. 120.360000."),
    )
    area_km2 = models.DecimalField(
        _("area (km²)"),
        max_digits=8,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal("0"))],
    )
    established_year = models.PositiveSmallIntegerField(
        _("established"), null=True, blank=True, validators=YEAR_VALIDATORS
    )
    focus_industries = ParentalManyToManyField(
        "business.IndustryPage",
        blank=True,
        related_name="parks",
        verbose_name=_("focus industries"),
    )
    facilities = StreamField(
        [("facility", blocks.CharBlock(max_length=200, label=_("Facility")))],
        blank=True,
        verbose_name=_("facilities"),
        help_text=_("One line each: incubators, bonded warehouses, talent apartments ..."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))
    contact = StreamField(
        [("contact_card", ContactCardBlock())],
        blank=True,
        max_num=2,
        verbose_name=_("contact"),
    )

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("address"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel([FieldPanel("area_km2"), FieldPanel("established_year")]),
            ],
            heading=_("Location and size"),
        ),
        FieldPanel("focus_industries", widget=forms.CheckboxSelectMultiple),
        FieldPanel("facilities"),
        FieldPanel("body"),
        FieldPanel("contact"),
        InlinePanel("gallery_images", label=_("Gallery"), max_num=24),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("address"),
        index.SearchField("body"),
        index.FilterField("established_year"),
    ]
    parent_page_types = ["business.ParkIndexPage"]
    subpage_types = []
    show_sidebar = True

    class Meta:
        verbose_name = _("park page")

    def clean(self):
        super().clean()
        if (self.latitude is None) != (self.longitude is None):
            message = _("Give both latitude and longitude, or neither.")
            missing = "longitude" if self.longitude is None else "latitude"
            raise ValidationError({missing: message})

    @property
    def has_coordinates(self) -> bool:
        return self.latitude is not None and self.longitude is not None

    @property
    def area_display(self) -> str:
        """The area without trailing zeros, localised: 23, 5.5, 3.25."""
        if self.area_km2 is None:
            return ""
        area = Decimal(self.area_km2)
        area = area.quantize(Decimal(1)) if area == area.to_integral() else area.normalize()
        return formats.number_format(area)

    @property
    def openstreetmap_url(self) -> str:
        """An outbound link to the park on openstreetmap.org (no map is embedded)."""
        if not self.has_coordinates:
            return ""
        lat, lon = f"{self.latitude:.6f}", f"{self.longitude:.6f}"
        return f"https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=15/{lat}/{lon}"

    @cached_property
    def gallery(self) -> list:
        return list(self.gallery_images.select_related("image"))

    @cached_property
    def focus_industry_list(self) -> list:
        if not self.pk:
            return []
        return list(self.focus_industries.live().defer_streamfields().order_by("title"))

    def get_companies(self) -> list:
        """Live companies located in this park, by name (one query)."""
        if not self.pk:
            return []
        return list(
            _in_locale_of(self, CompanyPage)
            .filter(park__translation_key=self.translation_key)
            .defer_streamfields()
            .order_by("title")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["companies"] = self.get_companies()
        return context

    def get_json_ld(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "Place",
            "name": self.title,
            "url": absolute(request, self.get_url(request) or ""),
        }
        if self.listing_summary:
            data["description"] = self.listing_summary
        if self.address:
            data["address"] = " ".join(self.address.split())
        if self.has_coordinates:
            data["geo"] = {
                "@type": "GeoCoordinates",
                "latitude": float(self.latitude),
                "longitude": float(self.longitude),
            }
            data["hasMap"] = self.openstreetmap_url
        if self.gallery:
            rendition = self.gallery[0].image.get_rendition("fill-1200x630|format-jpeg")
            data["image"] = absolute(request, rendition.url)
        return data


class ParkGalleryImage(TranslatableMixin, Orderable):
    page = ParentalKey(ParkPage, on_delete=models.CASCADE, related_name="gallery_images")
    image = models.ForeignKey(
        SiteImage, on_delete=models.CASCADE, related_name="+", verbose_name=_("image")
    )
    caption = models.CharField(_("caption"), max_length=300, blank=True)
    credit = models.CharField(
        _("photo credit"),
        max_length=120,
        blank=True,
        help_text=_("Leave blank to use the image's own credit."),
    )

    panels = [FieldPanel("image"), FieldPanel("caption"), FieldPanel("credit")]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("gallery image")
        verbose_name_plural = _("gallery images")

    @property
    def display_credit(self) -> str:
        return self.credit or self.image.credit


# -- companies ------------------------------------------------------------------------


class CompanyIndexPage(BasePage):
    """Star Companies: company cards, filterable by industry and country of origin."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.SectionPage"]
    subpage_types = ["business.CompanyPage"]

    class Meta:
        verbose_name = _("company index page")

    def _live_companies(self):
        return CompanyPage.objects.child_of(self).live().public()

    def get_companies(self):
        return (
            self._live_companies()
            .select_related("logo", "industry")
            .defer_streamfields()
            .order_by("title")
        )

    def get_industry_choices(self) -> list:
        chosen = IndustryPage.objects.filter(companies__in=self._live_companies().values("pk"))
        return list(
            _same_locale_translations(IndustryPage, self.locale_id, chosen)
            .defer_streamfields()
            .order_by("title")
        )

    def get_country_choices(self) -> list[tuple[str, str]]:
        """(code, localised name) of the countries present, sorted by name (one query)."""
        codes = self._live_companies().exclude(country="").values_list("country", flat=True)
        return sorted(
            ((code, country_name(code)) for code in set(codes)), key=lambda c: c[1].lower()
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        industries = self.get_industry_choices()
        countries = self.get_country_choices()
        wanted_industry = _clean_slug(request.GET.get("industry"))
        wanted_country = _clean_slug(request.GET.get("country")).upper()
        industry = next((i for i in industries if i.slug == wanted_industry), None)
        country = wanted_country if wanted_country in dict(countries) else ""
        companies = self.get_companies()
        filters = {}
        if industry is not None:
            companies = companies.filter(industry__translation_key=industry.translation_key)
            filters["industry"] = industry.slug
        if country:
            companies = companies.filter(country=country)
            filters["country"] = country
        context.update(_paginate(request, companies, filters))
        context.update(
            {
                "companies": context["page_obj"].object_list,
                "industry_choices": industries,
                "country_choices": countries,
                "selected_industry": industry,
                "selected_country": country,
                "is_filtered": bool(filters),
            }
        )
        return context


class CompanyPage(BasePage):
    """A star company: who they are, where they come from and where they work in the zone."""

    logo = models.ForeignKey(
        SiteImage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
    )
    country = models.CharField(
        _("country of origin"), max_length=2, choices=COUNTRY_CHOICES, blank=True
    )
    industry = models.ForeignKey(
        IndustryPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="companies",
        verbose_name=_("industry"),
    )
    park = models.ForeignKey(
        ParkPage,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="companies",
        verbose_name=_("park"),
    )
    year_of_arrival = models.PositiveSmallIntegerField(
        _("in the zone since"),
        null=True,
        blank=True,
        validators=YEAR_VALIDATORS,
        help_text=_("The year the company set up in the district."),
    )
    description = RichTextField(_("description"), blank=True, features=TEXT_FEATURES)
    website = models.URLField(_("website"), blank=True)

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("logo"),
        FieldRowPanel([FieldPanel("country"), FieldPanel("year_of_arrival")]),
        FieldPanel("industry"),
        FieldPanel("park"),
        FieldPanel("description"),
        FieldPanel("website"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.FilterField("country"),
    ]
    parent_page_types = ["business.CompanyIndexPage"]
    subpage_types = []
    show_sidebar = True

    class Meta:
        verbose_name = _("company page")

    @property
    def country_name(self) -> str:
        return country_name(self.country)

    def get_json_ld(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "Organization",
            "name": self.title,
            "url": self.website or absolute(request, self.get_url(request) or ""),
            "mainEntityOfPage": absolute(request, self.get_url(request) or ""),
        }
        if self.listing_summary:
            data["description"] = self.listing_summary
        if self.country:
            data["foundingLocation"] = {
                "@type": "Place",
                "address": {"@type": "PostalAddress", "addressCountry": self.country},
            }
        zone = zone_profile(request)
        address = postal_address(
            locality=zone.text.locality,
            region=zone.address_region,
            country=zone.address_country,
        )
        location = {"@type": "Place"}
        if address:
            location["address"] = address
        if self.park_id and self.park:
            location["name"] = self.park.title
        data["location"] = location
        if self.logo_id and self.logo:
            rendition = self.logo.get_rendition("max-400x400|format-png")
            data["logo"] = absolute(request, rendition.url)
        return data
