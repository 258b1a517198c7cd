"""Filters of the Inquiries list (and of its exports, which use the same filters)."""

import django_filters
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.models import Locale

from .models import Inquiry
from .permissions import inquiry_permission_policy
from .service_levels import filter_overdue


def country_name(code: str) -> str:
    if not code:
        return ""
    try:
        from django_countries import countries
    except ImportError:  # pragma: no cover - the intake form brings django-countries
        return code
    return str(countries.name(code)) or code


def _country_choices():
    codes = (
        Inquiry.objects.exclude(country="").order_by().values_list("country", flat=True).distinct()
    )
    return sorted(((code, country_name(code)) for code in codes), key=lambda item: item[1])


def _industries(request):
    from zoneportal.business.models import IndustryPage

    return IndustryPage.objects.filter(locale=Locale.get_default()).order_by("title")


def _owners(request):
    return inquiry_permission_policy.users_with_permission("change").order_by(
        "first_name", "last_name", "username"
    )


class InquiryFilterSet(WagtailFilterSet):
    status = django_filters.ChoiceFilter(label=_("Status"), choices=Inquiry.Status.choices)
    overdue = django_filters.ChoiceFilter(
        label=_("Overdue"),
        choices=[("yes", _("Overdue")), ("no", _("On time"))],
        method="filter_overdue",
    )
    owner = django_filters.ModelChoiceFilter(
        label=_("Owner"), queryset=_owners, null_label=_("Unassigned")
    )
    industry = django_filters.ModelChoiceFilter(label=_("Industry"), queryset=_industries)
    country = django_filters.ChoiceFilter(label=_("Country"), choices=_country_choices)
    reply_language = django_filters.ChoiceFilter(
        label=_("Reply language"), choices=settings.LANGUAGES
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=_("Received"), widget=DateRangePickerWidget
    )

    class Meta:
        model = Inquiry
        fields = []

    def filter_overdue(self, queryset, name, value):
        if value not in ("yes", "no"):
            return queryset
        return filter_overdue(queryset, overdue=value == "yes")
