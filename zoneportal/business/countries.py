"""Countries of origin for companies: ISO 3166-1 alpha-2 codes with translatable names.

A short list of the economies that invest in the district is enough here; adding a
dependency such as django-countries for ~250 names nobody will pick is not worth it.
Add a line when a company from a new country arrives (the code is what is stored).
"""

from django.utils.translation import gettext_lazy as _

COUNTRY_NAMES = {
    "AE": _("United Arab Emirates"),
    "AT": _("Austria"),
    "AU": _("Australia"),
    "BE": _("Belgium"),
    "BR": _("Brazil"),
    "CA": _("Canada"),
    "CH": _("Switzerland"),
    "CN": _("China"),
    "CZ": _("Czechia"),
    "DE": _("Germany"),
    "DK": _("Denmark"),
    "ES": _("Spain"),
    "FI": _("Finland"),
    "FR": _("France"),
    "GB": _("United Kingdom"),
    "HK": _("Hong Kong SAR, China"),
    "HU": _("Hungary"),
    "ID": _("Indonesia"),
    "IE": _("Ireland"),
    "IL": _("Israel"),
    "IN": _("India"),
    "IT": _("Italy"),
    "JP": _("Japan"),
    "KR": _("Republic of Korea"),
    "LU": _("Luxembourg"),
    "MO": _("Macao SAR, China"),
    "MX": _("Mexico"),
    "MY": _("Malaysia"),
    "NL": _("Netherlands"),
    "NO": _("Norway"),
    "NZ": _("New Zealand"),
    "PH": _("Philippines"),
    "PL": _("Poland"),
    "SA": _("Saudi Arabia"),
    "SE": _("Sweden"),
    "SG": _("Singapore"),
    "TH": _("Thailand"),
    "TR": _("Türkiye"),
    "TW": _("Taiwan, China"),
    "US": _("United States"),
    "VN": _("Viet Nam"),
}

COUNTRY_CHOICES = sorted(COUNTRY_NAMES.items())
"""Choices for the model field, by code (names are sorted per language when displayed)."""


def country_name(code: str) -> str:
    """The localised name of `code`, or the code itself if it is not in the list."""
    return str(COUNTRY_NAMES.get((code or "").upper(), code or ""))
