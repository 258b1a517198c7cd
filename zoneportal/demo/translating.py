"""Demo translations: the English demo pages in Chinese, Japanese and Korean.

The translations are written by people, once, in one PO catalogue per language
(`content/translations/<lang>.po`): msgid is an English text segment as
wagtail-localize extracts it from a demo page (rich text keeps its inline tags,
e.g. `<a id="a1">...</a>`), msgstr its translation. Loading a translation goes
through wagtail-localize exactly as an editor's would (TranslationSource ->
StringTranslation -> Translation.save_target), so the translated pages are linked
to their sources: the translation status report, "Sync translated pages" and the
wagtail-localize editor all work on the demo as on real content.

Segments without a catalogue entry fall back to English (wagtail-localize's
fallback), and slugs are never translated: /ja/ pages keep the English slugs.
Run `manage.py export_demo_catalogue` after changing English demo content to
refresh `content/translations/demo.pot`; `msgmerge` then updates each language.
"""

from pathlib import Path

import polib
from django.db import transaction
from wagtail.models import Locale, Page

from zoneportal.core.models import FooterText
from zoneportal.news.models import NewsTopic
from zoneportal.translations.segments import HIDDEN_CONTEXTS

CATALOGUE_DIR = Path(__file__).resolve().parent / "content" / "translations"
TRANSLATED_LANGUAGES = {"zh-hans": "zh_Hans", "ja": "ja", "ko": "ko"}


def catalogue_path(language_code: str) -> Path:
    return CATALOGUE_DIR / f"{TRANSLATED_LANGUAGES[language_code]}.po"


def load_catalogue(language_code: str) -> dict[str, str]:
    """English segment -> translation, skipping empty and fuzzy entries."""
    path = catalogue_path(language_code)
    if not path.exists():
        return {}
    return {
        entry.msgid: entry.msgstr
        for entry in polib.pofile(str(path))
        if entry.msgstr and "fuzzy" not in entry.flags and not entry.obsolete
    }


def _english_pages():
    english = Locale.objects.get(language_code="en")
    return Page.objects.filter(locale=english, depth__gt=1).order_by("path").specific()


def _english_snippets():
    yield from FooterText.objects.filter(locale__language_code="en")
    yield from NewsTopic.objects.filter(locale__language_code="en").order_by("name")


def _source_objects():
    yield from _english_pages()
    yield from _english_snippets()


def _string_segments(instance):
    """The instance's TranslationSource and its string segments, in order."""
    from wagtail_localize.models import StringSegment, TranslationSource

    source, _created = TranslationSource.get_or_create_from_instance(instance)
    segments = (
        StringSegment.objects.filter(source=source)
        .select_related("string", "context")
        .order_by("order")
    )
    return source, [s for s in segments if s.context.path not in HIDDEN_CONTEXTS]


def export_catalogue(path: Path) -> int:
    """Write every English demo segment to a PO template; return the entry count."""
    pot = polib.POFile(wrapwidth=0)
    pot.metadata = {"Content-Type": "text/plain; charset=utf-8", "Language": ""}
    seen: dict[str, polib.POEntry] = {}
    for instance in _source_objects():
        reference = instance.url_path if isinstance(instance, Page) else str(instance)
        for segment in _string_segments(instance)[1]:
            text = segment.string.data
            if text not in seen:
                seen[text] = polib.POEntry(msgid=text, msgstr="", comment=reference)
                pot.append(seen[text])
    pot.save(str(path))
    return len(seen)


def _translate_instance(instance, locale, catalogue) -> bool:
    """Translate one page or snippet into `locale`; False if it already exists there."""
    from wagtail_localize.models import StringTranslation, Translation

    if instance.get_translation_or_none(locale) is not None:
        return False
    source, segments = _string_segments(instance)
    for segment in segments:
        text = catalogue.get(segment.string.data)
        if text:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=locale,
                context=segment.context,
                defaults={
                    "data": text,
                    "translation_type": StringTranslation.TRANSLATION_TYPE_MANUAL,
                },
            )
    translation, _created = Translation.objects.get_or_create(
        source=source, target_locale=locale, defaults={"enabled": True}
    )
    translation.save_target(publish=True)
    return True


def translate_demo(stdout=None) -> dict[str, int]:
    """Create the missing zh-hans, ja and ko translations of the demo; counts per language."""
    created = {}
    for language_code in TRANSLATED_LANGUAGES:
        locale = Locale.objects.get(language_code=language_code)
        catalogue = load_catalogue(language_code)
        count = 0
        for instance in _source_objects():
            with transaction.atomic():
                count += _translate_instance(instance, locale, catalogue)
        created[language_code] = count
        if stdout is not None and count:
            stdout.write(f"  translated {count} pages and snippets into {language_code}")
    return created
