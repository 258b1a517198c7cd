"""The zone profile: one per Site, edited under Settings > Zone profile.

Kept thin: checks live in validation.py, the cached read side in profile.py, the
admin form in forms.py. Readers never import this module; they call profile.py.
"""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Orderable

from . import validation
from .forms import ZoneProfileForm
from .holiday_calendars import calendar_choices

BEIAN_URL = "https://beian.miit.gov.cn/"
PUBLIC_SECURITY_URL = "https://beian.mps.gov.cn/"


def language_choices():
    return list(settings.LANGUAGES)


# A profile row is created the first time an editor opens Settings > Zone profile:
# until they change them, it keeps the installation's defaults (settings).
def default_time_zone():
    return settings.TIME_ZONE


def default_reference_prefix():
    return getattr(settings, "ZONEPORTAL_INQUIRY_REFERENCE_PREFIX", "INQ")


def default_holiday_calendar():
    return getattr(settings, "ZONEPORTAL_HOLIDAY_CALENDAR", "CN")


def default_first_reply_days():
    levels = getattr(settings, "ZONEPORTAL_INQUIRY_SERVICE_LEVELS", {})
    return int(levels.get("first_answer_within_working_days", 2))


def default_languages():
    return [code for code, _name in settings.LANGUAGES]


@register_setting(icon="site")
class ZoneProfile(ClusterableModel, BaseSiteSetting):
    """Who the zone is: names per language, contacts, brand, calendar and legal lines."""

    logo = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("logo"),
        help_text=_("Shown beside the name in the page header. Leave blank for the default."),
    )
    favicon = models.ForeignKey(
        settings.WAGTAILIMAGES_IMAGE_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("favicon"),
        help_text=_("A square image shown in browser tabs. Leave blank for the default."),
    )
    colour_primary = models.CharField(
        _("primary colour"),
        max_length=7,
        default="#0b4f8a",
        validators=[validation.check_brand_colour],
        help_text=_("Links, buttons and the menu bar, as #rrggbb."),
    )
    colour_primary_dark = models.CharField(
        _("primary colour, hover"),
        max_length=7,
        default="#083a66",
        validators=[validation.check_brand_colour],
        help_text=_("Links and buttons under the pointer, as #rrggbb."),
    )
    colour_accent = models.CharField(
        _("accent colour"),
        max_length=7,
        default="#c2410c",
        validators=[validation.check_brand_colour],
        help_text=_("Highlights and notices, as #rrggbb."),
    )
    latitude = models.DecimalField(
        _("latitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    longitude = models.DecimalField(
        _("longitude"), max_digits=9, decimal_places=6, null=True, blank=True
    )
    address_region = models.CharField(_("region or province"), max_length=100, blank=True)
    postal_code = models.CharField(_("postal code"), max_length=20, blank=True)
    address_country = models.CharField(
        _("country code"), max_length=2, blank=True, help_text=_("Two letters, e.g. CN.")
    )
    phone = models.CharField(_("telephone"), max_length=40, blank=True)
    email = models.EmailField(_("email"), blank=True)
    wechat = models.CharField(_("WeChat"), max_length=200, blank=True)
    line = models.CharField(_("LINE"), max_length=200, blank=True)
    kakaotalk = models.CharField(_("KakaoTalk"), max_length=200, blank=True)
    whatsapp = models.CharField(_("WhatsApp"), max_length=200, blank=True)
    time_zone = models.CharField(
        _("time zone"),
        max_length=64,
        default=default_time_zone,
        validators=[validation.validate_time_zone],
        help_text=_("An IANA name such as Europe/Berlin: event times and working days."),
    )
    holiday_calendar = models.CharField(
        _("holiday calendar"),
        max_length=20,
        default=default_holiday_calendar,
        choices=calendar_choices,
    )
    reference_prefix = models.CharField(
        _("inquiry reference prefix"),
        max_length=8,
        default=default_reference_prefix,
        validators=[validation.validate_reference_prefix],
        help_text=_("References read PREFIX-2026-000123: 2 to 8 capital letters or digits."),
    )
    first_reply_working_days = models.PositiveSmallIntegerField(
        _("first reply within (working days)"), default=default_first_reply_days
    )
    languages = models.JSONField(
        _("languages"),
        default=default_languages,
        blank=True,
        validators=[validation.validate_languages],
        help_text=_("The languages this zone publishes in; the first is its main language."),
    )
    icp_number = models.CharField(_("ICP filing number"), max_length=100, blank=True)
    icp_url = models.URLField(_("ICP filing link"), blank=True, default=BEIAN_URL)
    public_security_number = models.CharField(
        _("public security filing number"), max_length=100, blank=True
    )
    public_security_url = models.URLField(
        _("public security filing link"), blank=True, default=PUBLIC_SECURITY_URL
    )
    site_identification_code = models.CharField(
        _("site identification code"), max_length=40, blank=True
    )
    copyright_holder = models.CharField(_("copyright holder"), max_length=200, blank=True)

    base_form_class = ZoneProfileForm

    panels = [
        InlinePanel("texts", heading=_("Names and texts per language"), min_num=1),
        FieldPanel("languages"),
        MultiFieldPanel(
            [
                FieldPanel("logo"),
                FieldPanel("favicon"),
                FieldRowPanel(
                    [
                        FieldPanel("colour_primary"),
                        FieldPanel("colour_primary_dark"),
                        FieldPanel("colour_accent"),
                    ]
                ),
            ],
            heading=_("Brand"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("phone"), FieldPanel("email")]),
                FieldRowPanel(
                    [
                        FieldPanel("address_region"),
                        FieldPanel("postal_code"),
                        FieldPanel("address_country"),
                    ]
                ),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
                FieldRowPanel(
                    [
                        FieldPanel("wechat"),
                        FieldPanel("line"),
                        FieldPanel("kakaotalk"),
                        FieldPanel("whatsapp"),
                    ]
                ),
            ],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("time_zone"),
                FieldPanel("holiday_calendar"),
                FieldPanel("reference_prefix"),
                FieldPanel("first_reply_working_days"),
            ],
            heading=_("Inquiries and calendar"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("icp_number"), FieldPanel("icp_url")]),
                FieldRowPanel(
                    [FieldPanel("public_security_number"), FieldPanel("public_security_url")]
                ),
                FieldPanel("site_identification_code"),
                FieldPanel("copyright_holder"),
            ],
            heading=_("Legal footer lines"),
        ),
    ]

    class Meta:
        verbose_name = _("zone profile")


class ZoneProfileText(Orderable):
    """The zone's names and texts in one language."""

    profile = ParentalKey(ZoneProfile, on_delete=models.CASCADE, related_name="texts")
    language = models.CharField(_("language"), max_length=10, choices=language_choices)
    official_name = models.CharField(_("official name"), max_length=200)
    short_name = models.CharField(
        _("short name"), max_length=60, help_text=_('As in "Questions about investing in …?"')
    )
    alternate_names = models.CharField(
        _("other names"),
        max_length=300,
        blank=True,
        help_text=_("Separated by commas; for search engines (structured data)."),
    )
    tagline = models.CharField(_("tagline"), max_length=200, blank=True)
    street_address = models.CharField(_("street address"), max_length=300, blank=True)
    locality = models.CharField(_("city"), max_length=100, blank=True)
    office_hours = models.CharField(_("office hours"), max_length=200, blank=True)
    time_zone_name = models.CharField(
        _("name of the time zone"),
        max_length=60,
        blank=True,
        help_text=_('Shown next to event times, e.g. "Central European Time".'),
    )

    panels = [
        FieldRowPanel([FieldPanel("language"), FieldPanel("short_name")]),
        FieldPanel("official_name"),
        FieldPanel("alternate_names"),
        FieldPanel("tagline"),
        FieldRowPanel([FieldPanel("street_address"), FieldPanel("locality")]),
        FieldRowPanel([FieldPanel("office_hours"), FieldPanel("time_zone_name")]),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("text in one language")
        constraints = [
            models.UniqueConstraint(
                fields=["profile", "language"], name="zones_one_text_per_language"
            )
        ]
