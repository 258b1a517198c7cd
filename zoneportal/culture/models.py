"""Culture & Tourism: events with calendar downloads, attractions and local specialties."""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from zoneportal.core.blocks import BodyStreamBlock, CaptionedImageBlock
from zoneportal.core.models import BasePage
from zoneportal.core.seo import absolute, plain_text, postal_address
from zoneportal.core.visibility import public_pages

from . import ical

CALENDAR_ROUTE = "ics"
"""Sub-route of the event index and of each event that serves the .ics download.

Wagtail's URL pattern does not allow dots in path segments, so the route has no
extension; the Content-Disposition header gives the file its .ics name. Event slugs
may not take this value, or the event would hide the index's calendar download.
"""

EVENTS_PER_PAGE = 12
SHORT_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def time_zone_label(request=None) -> str:
    """How the zone's time zone is named next to event times (its zone profile)."""
    from zoneportal.zones.profile import time_zone_label as zone_label
    from zoneportal.zones.profile import zone_profile

    return zone_label(zone_profile(request))


class EventIndexPage(RoutablePageMixin, BasePage):
    """Lists upcoming and past events and offers all upcoming ones as one .ics file."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.SectionPage"]
    subpage_types = ["culture.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        """Live, public events below this index, with their card images."""
        events = EventPage.objects.descendant_of(self).live().select_related("listing_image")
        return public_pages(events)

    def upcoming_events(self, now=None):
        """Events that have not ended yet, soonest first."""
        now = now or timezone.now()
        return self.events().filter(end__gte=now).order_by("start", "pk")

    def past_events(self, now=None):
        """Events that have ended, newest first."""
        now = now or timezone.now()
        return self.events().filter(end__lt=now).order_by("-start", "-pk")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        now = timezone.now()
        paginator = Paginator(self.past_events(now).defer_streamfields(), EVENTS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        upcoming = self.upcoming_events(now).defer_streamfields() if page_obj.number == 1 else []
        context.update(
            upcoming_events=list(upcoming),
            past_events=page_obj.object_list,
            page_obj=page_obj,
            page_range=paginator.get_elided_page_range(page_obj.number),
            query_prefix="",
            calendar_url=self.get_url(request) + self.reverse_subpage("calendar"),
            time_zone_label=time_zone_label(request),
        )
        return context

    @path("")
    def index(self, request, *args, **kwargs):
        return self.index_route(request, *args, **kwargs)

    @path(f"{CALENDAR_ROUTE}/", name="calendar")
    def calendar(self, request):
        """All upcoming events below this index, as one iCalendar file."""
        calendar = ical.build_calendar(
            list(self.upcoming_events()), request, name=self.title, site=self.get_site()
        )
        return ical.ics_response(calendar, f"{self.slug}-upcoming.ics")


class EventPage(RoutablePageMixin, BasePage):
    """One event: when, where, who organises it, how to register, and a calendar file."""

    class Status(models.TextChoices):
        SCHEDULED = "scheduled", _("Scheduled")
        POSTPONED = "postponed", _("Postponed")
        CANCELLED = "cancelled", _("Cancelled")

    class AttendanceMode(models.TextChoices):
        OFFLINE = "offline", _("In person")
        ONLINE = "online", _("Online")
        MIXED = "mixed", _("In person and online")

    start = models.DateTimeField(
        _("starts"),
        help_text=_("Date and time in the zone's time zone (Settings > Zone profile)."),
    )
    end = models.DateTimeField(
        _("ends"),
        help_text=_(
            "Date and time in the zone's time zone (Settings > Zone profile). Not before the start."
        ),
    )
    all_day = models.BooleanField(
        _("all-day event"),
        default=False,
        help_text=_("Show dates only; the times above are then ignored on the page."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.SCHEDULED
    )
    attendance_mode = models.CharField(
        _("attendance"),
        max_length=20,
        choices=AttendanceMode.choices,
        default=AttendanceMode.OFFLINE,
    )
    venue_name = models.CharField(_("venue"), max_length=200, blank=True)
    venue_address = models.TextField(
        _("venue address"), blank=True, help_text=_("Street, building, subdistrict.")
    )
    venue_locality = models.CharField(_("city"), max_length=100, blank=True)
    venue_region = models.CharField(_("province or state"), max_length=100, blank=True)
    venue_postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    venue_country = models.CharField(
        _("country"), max_length=2, blank=True, help_text=_("Two-letter code, e.g. CN.")
    )
    organiser = models.CharField(_("organiser"), max_length=200, blank=True)
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Where visitors sign up or buy tickets, if they need to."),
    )
    registration_deadline = models.DateField(_("registration deadline"), null=True, blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
                FieldRowPanel([FieldPanel("status"), FieldPanel("attendance_mode")]),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("venue_name"),
                FieldPanel("venue_address"),
                FieldRowPanel([FieldPanel("venue_locality"), FieldPanel("venue_region")]),
                FieldRowPanel([FieldPanel("venue_postal_code"), FieldPanel("venue_country")]),
                FieldPanel("organiser"),
            ],
            heading=_("Where and who"),
        ),
        MultiFieldPanel(
            [FieldPanel("registration_url"), FieldPanel("registration_deadline")],
            heading=_("Registration"),
        ),
        FieldPanel("body"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("venue_name"),
        index.SearchField("organiser"),
        index.FilterField("start"),
        index.FilterField("end"),
    ]
    # The address parts other than the street are the same in every language.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        *(
            SynchronizedField(name)
            for name in ("venue_locality", "venue_region", "venue_postal_code", "venue_country")
        ),
    ]
    parent_page_types = ["culture.EventIndexPage"]
    subpage_types = []
    show_sidebar = True

    class Meta:
        verbose_name = _("event page")

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if (
            self.registration_deadline
            and self.end
            and self.registration_deadline > timezone.localtime(self.end).date()
        ):
            errors["registration_deadline"] = _(
                "The registration deadline cannot be after the event has ended."
            )
        if self.slug == CALENDAR_ROUTE:
            errors["slug"] = _("This slug is reserved for the calendar download.")
        if errors:
            raise ValidationError(errors)

    # -- presentation -----------------------------------------------------------------
    @property
    def local_start(self):
        return timezone.localtime(self.start)

    @property
    def local_end(self):
        return timezone.localtime(self.end)

    @property
    def single_day(self) -> bool:
        return self.local_start.date() == self.local_end.date()

    @property
    def is_cancelled(self) -> bool:
        return self.status == self.Status.CANCELLED

    @property
    def venue_line(self) -> str:
        """Venue and address on one line (calendar LOCATION, cards)."""
        parts = [self.venue_name, " ".join(self.venue_address.split())]
        return ", ".join(part for part in parts if part)

    def has_ended(self, now=None) -> bool:
        return self.end < (now or timezone.now())

    def plain_description(self) -> str:
        """A plain-text description for calendar files."""
        if self.listing_summary:
            return self.listing_summary
        texts = [
            plain_text(block.value.source) for block in self.body if block.block_type == "paragraph"
        ]
        return " ".join(" ".join(texts).split())[:1000]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["calendar_url"] = self.get_url(request) + self.reverse_subpage("calendar")
        context["time_zone_label"] = time_zone_label(request)
        context["has_ended"] = self.has_ended()
        return context

    @path("")
    def index(self, request, *args, **kwargs):
        return self.index_route(request, *args, **kwargs)

    @path(f"{CALENDAR_ROUTE}/", name="calendar")
    def calendar(self, request):
        calendar = ical.build_calendar([self], request, site=self.get_site())
        return ical.ics_response(calendar, f"{self.slug}.ics")

    # -- structured data --------------------------------------------------------------
    def _iso(self, value):
        local = timezone.localtime(value)
        return local.date().isoformat() if self.all_day else local.isoformat()

    def get_json_ld(self, request):
        status = {
            self.Status.SCHEDULED: "https://schema.org/EventScheduled",
            self.Status.POSTPONED: "https://schema.org/EventPostponed",
            self.Status.CANCELLED: "https://schema.org/EventCancelled",
        }[self.status]
        mode = {
            self.AttendanceMode.OFFLINE: "https://schema.org/OfflineEventAttendanceMode",
            self.AttendanceMode.ONLINE: "https://schema.org/OnlineEventAttendanceMode",
            self.AttendanceMode.MIXED: "https://schema.org/MixedEventAttendanceMode",
        }[self.attendance_mode]
        url = absolute(request, self.get_url(request) or "")
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "startDate": self._iso(self.start),
            "endDate": self._iso(self.end),
            "eventStatus": status,
            "eventAttendanceMode": mode,
            "url": url,
        }
        if self.listing_summary:
            data["description"] = self.listing_summary
        locations = []
        if self.attendance_mode != self.AttendanceMode.ONLINE and (
            self.venue_name or self.venue_address
        ):
            place = {"@type": "Place", "name": self.venue_name or self.venue_address}
            address = postal_address(
                street=self.venue_address,
                locality=self.venue_locality,
                region=self.venue_region,
                postal_code=self.venue_postal_code,
                country=self.venue_country,
            )
            if address:
                place["address"] = address
            locations.append(place)
        if self.attendance_mode != self.AttendanceMode.OFFLINE:
            locations.append({"@type": "VirtualLocation", "url": self.registration_url or url})
        if locations:
            data["location"] = locations[0] if len(locations) == 1 else locations
        if self.organiser:
            data["organizer"] = {"@type": "Organization", "name": self.organiser}
        image = _image_url(self.listing_image, request)
        if image:
            data["image"] = [image]
        return data


def _image_url(image, request):
    if image is None:
        return None
    return absolute(request, image.get_rendition("fill-1200x675|format-jpeg").url)


# -- attractions and specialties --------------------------------------------------------


class OpeningPeriodBlock(blocks.StructBlock):
    days = blocks.CharBlock(max_length=80, label=_("Days"), help_text=_('e.g. "Tuesday–Sunday"'))
    hours = blocks.CharBlock(
        max_length=80, label=_("Hours"), help_text=_('e.g. "09:00–17:00" or "Closed"')
    )

    class Meta:
        icon = "time"
        label = _("Opening period")


class CulturePlacePage(BasePage):
    """What attractions and specialties share: a gallery, an address, opening hours, a body."""

    gallery = StreamField(
        [("image", CaptionedImageBlock())],
        blank=True,
        verbose_name=_("gallery"),
        help_text=_("Photos in the order shown. Each caption ends with its photo credit."),
    )
    address = models.TextField(_("address"), blank=True)
    opening_hours = StreamField(
        [("period", OpeningPeriodBlock())],
        blank=True,
        verbose_name=_("opening hours"),
    )
    opening_hours_note = models.CharField(
        _("opening hours note"),
        max_length=255,
        blank=True,
        help_text=_('e.g. "Closed during the Spring Festival holiday."'),
    )
    website = models.URLField(_("website"), blank=True)
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("description"))

    visit_panels = [
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        FieldPanel("opening_hours_note"),
        FieldPanel("website"),
    ]
    content_panels = [
        *BasePage.content_panels,
        FieldPanel("gallery"),
        FieldPanel("body"),
        MultiFieldPanel(visit_panels, heading=_("Visiting")),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("body"),
        index.SearchField("address"),
    ]
    parent_page_types = ["core.SectionPage"]
    subpage_types = []
    show_sidebar = True

    class Meta:
        abstract = True

    def extra_details(self) -> list:
        """Type-specific facts (tickets, where to buy ...) shown under "Visiting"."""
        return []

    @property
    def has_visit_details(self) -> bool:
        return any(
            [
                self.address,
                self.opening_hours,
                self.opening_hours_note,
                self.website,
                *self.extra_details(),
            ]
        )

    def place_json_ld(self, request, schema_type):
        data = {
            "@context": "https://schema.org",
            "@type": schema_type,
            "name": self.title,
            "url": absolute(request, self.get_url(request) or ""),
        }
        if self.listing_summary:
            data["description"] = self.listing_summary
        if self.address:
            data["address"] = {
                "@type": "PostalAddress",
                "streetAddress": " ".join(self.address.split()),
            }
        image = _image_url(self.listing_image, request)
        if image:
            data["image"] = [image]
        if self.website:
            data["sameAs"] = self.website
        return data


class AttractionPage(CulturePlacePage):
    """A place to visit: heritage site, park, concert hall, lakeside."""

    ticket_info = RichTextField(
        _("tickets"),
        blank=True,
        features=SHORT_TEXT_FEATURES,
        help_text=_("Prices, free days, booking. Leave empty if entry is free and unticketed."),
    )
    getting_there = RichTextField(_("how to get there"), blank=True, features=SHORT_TEXT_FEATURES)

    content_panels = [
        *CulturePlacePage.content_panels,
        MultiFieldPanel(
            [FieldPanel("ticket_info"), FieldPanel("getting_there")],
            heading=_("Tickets and travel"),
        ),
    ]

    class Meta:
        verbose_name = _("attraction page")

    def extra_details(self):
        return [self.ticket_info, self.getting_there]

    def get_json_ld(self, request):
        return self.place_json_ld(request, "TouristAttraction")


class SpecialtyPage(CulturePlacePage):
    """A local product or craft: instruments, food, figurines."""

    season = models.CharField(
        _("season"),
        max_length=120,
        blank=True,
        help_text=_('When it is best or available, e.g. "July and August".'),
    )
    where_to_buy = RichTextField(_("where to buy"), blank=True, features=SHORT_TEXT_FEATURES)

    content_panels = [
        *CulturePlacePage.content_panels,
        MultiFieldPanel([FieldPanel("season"), FieldPanel("where_to_buy")], heading=_("Buying")),
    ]

    class Meta:
        verbose_name = _("specialty page")

    def extra_details(self):
        return [self.season, self.where_to_buy]
