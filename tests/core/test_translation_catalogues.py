"""Every interface string is translated into zh-Hans, ja and ko, and none is left unmarked."""

import re
from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.utils import translation

LOCALE_DIR = Path(settings.BASE_DIR) / "locale"
TEMPLATE_DIR = Path(settings.BASE_DIR) / "templates"
CATALOGUES = ["zh_Hans", "ja", "ko"]


def _catalogue(language: str) -> polib.POFile:
    return polib.pofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.po"))


@pytest.mark.parametrize("language", CATALOGUES)
def test_catalogue_has_no_untranslated_or_fuzzy_entries(language):
    catalogue = _catalogue(language)
    assert len(catalogue) > 400
    untranslated = [entry.msgid for entry in catalogue.untranslated_entries()]
    fuzzy = [entry.msgid for entry in catalogue.fuzzy_entries()]
    assert not untranslated, f"{language}: {len(untranslated)} untranslated: {untranslated[:5]}"
    assert not fuzzy, f"{language}: {len(fuzzy)} fuzzy: {fuzzy[:5]}"


@pytest.mark.parametrize("language", CATALOGUES)
def test_compiled_catalogue_matches_the_po_file(language):
    """The committed .mo must be compiled from the current .po (run `make messages`)."""
    compiled = polib.mofile(str(LOCALE_DIR / language / "LC_MESSAGES" / "django.mo"))
    compiled_strings = {(e.msgctxt, e.msgid): e.msgstr or e.msgstr_plural for e in compiled}
    for entry in _catalogue(language):
        key = (entry.msgctxt, entry.msgid)
        assert key in compiled_strings, f"{language}: {entry.msgid!r} missing from django.mo"


def _template_files():
    return sorted(TEMPLATE_DIR.rglob("*.html"))


@pytest.mark.parametrize("language", CATALOGUES)
def test_every_marked_string_in_the_code_is_in_the_catalogue(language):
    """A string marked in a template but missing from the .po means makemessages was not run."""
    msgids = {entry.msgid for entry in _catalogue(language)}
    pattern = re.compile(r"""\{% (?:translate|trans) "([^"]+)"|\{% (?:translate|trans) '([^']+)'""")
    missing = set()
    for path in _template_files():
        for match in pattern.finditer(path.read_text()):
            msgid = match.group(1) or match.group(2)
            # makemessages doubles "%" in {% translate %} strings with placeholders.
            if msgid not in msgids and msgid.replace("%", "%%") not in msgids:
                missing.add(f"{path.relative_to(TEMPLATE_DIR)}: {msgid}")
    assert not missing, sorted(missing)[:10]


# Text a template may show without translation: punctuation, numbers, symbols.
_DJANGO_CODE = re.compile(
    r"\{%\s*block (?:body_class|og_type)\s*%\}.*?\{%\s*endblock\s*%\}"
    r"|\{%\s*blocktranslate.*?endblocktranslate\s*%\}|\{%\s*comment\s*%\}.*?\{%\s*endcomment\s*%\}"
    r"|\{#.*?#\}|\{%.*?%\}|\{\{.*?\}\}",
    re.S,
)
_NON_TEXT = re.compile(
    r"<script\b.*?</script>|<style\b.*?</style>|<svg\b.*?</svg>|<!--.*?-->", re.S | re.I
)
_TRANSLATABLE_ATTRIBUTES = re.compile(
    r"""\b(?:alt|title|aria-label|placeholder|aria-description)\s*=\s*"([^"]*)\"""", re.I
)
_TAG = re.compile(r"<[^>]+>")
_WORD = re.compile(r"[^\W\d_]{2,}")


def _unmarked_text(source: str) -> list[str]:
    without_code = _NON_TEXT.sub(" ", _DJANGO_CODE.sub(" ", source))
    found = [
        value for value in _TRANSLATABLE_ATTRIBUTES.findall(without_code) if _WORD.search(value)
    ]
    text = _TAG.sub(" ", without_code)
    text = re.sub(r"&[a-z]+;|&#\d+;", " ", text)
    found += [chunk.strip() for chunk in re.split(r"\s{2,}|\n", text) if _WORD.search(chunk)]
    return found


# The 500 page is rendered without the request's context (the failure may be in it),
# so it shows its short message in all four languages at once.
ALLOWED_UNMARKED = {"500.html"}
ALLOWED_TEXT = {"(.ics)"}  # a file-format label, the same in every language


def test_no_template_shows_text_that_is_not_marked_for_translation():
    offenders = {}
    for path in _template_files():
        if str(path.relative_to(TEMPLATE_DIR)) in ALLOWED_UNMARKED:
            continue
        text = [chunk for chunk in _unmarked_text(path.read_text()) if chunk not in ALLOWED_TEXT]
        if text:
            offenders[str(path.relative_to(TEMPLATE_DIR))] = text[:3]
    assert not offenders, offenders


def test_the_unmarked_text_check_catches_plain_words():
    """Guard for the check above: it must flag literal text and translatable attributes."""
    assert _unmarked_text("<p>Read more</p>") == ["Read more"]
    assert _unmarked_text('<img alt="Logo" src="x">') == ["Logo"]
    assert _unmarked_text("<p>{% translate 'Read more' %} {{ page.title }}</p>") == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [("zh-hans", "跳到正文"), ("ja", "本文へスキップ"), ("ko", "본문 바로가기")],
)
def test_interface_strings_are_served_translated(language, expected):
    with translation.override(language):
        assert translation.gettext("Skip to main content") == expected
