"""Countries and regions for the inquiry form: every ISO 3166-1 code, named in the
visitor's language by django-countries.

Hong Kong, Macao and Taiwan keep the names the rest of the portal uses
(`zoneportal.business.countries`), so the form, the company pages and the staff
side agree.
"""

from django_countries import countries

from zoneportal.business.countries import COUNTRY_NAMES as PORTAL_NAMES

OVERRIDDEN = ("HK", "MO", "TW")


def country_name(code: str) -> str:
    """The name of `code` in the active language ('' for an empty code)."""
    code = (code or "").upper()
    if not code:
        return ""
    if code in OVERRIDDEN:
        return str(PORTAL_NAMES[code])
    return str(countries.name(code)) or code


def country_choices() -> list[tuple[str, str]]:
    """(code, name) for every country, sorted by name in the active language.

    The order is by (case-folded) code point: dictionary order for Latin names and
    kana/hangul order for Japanese and Korean; Chinese names are not in pinyin order
    (that needs a collation library), but typing the first character in the select
    still jumps to the name.
    """
    names = [(code, country_name(code)) for code, _name in countries]
    return sorted(names, key=lambda item: (item[1].casefold(), item[0]))


def is_country(code: str) -> bool:
    return bool(code) and code.upper() in countries
