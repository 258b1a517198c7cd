"""Which captions tracks a video page offers, in which order, and which one is default.

A video page lists one WebVTT file per language (its caption tracks, the same on
every language version of the page). Visitors get all of them in the player's
captions menu; the track in the page's language comes first and is the default (and
its text is the transcript under the player), else English, else the first listed.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language_info

from zoneportal.core.i18n import bcp47

FALLBACK_LANGUAGE = "en"


def content_languages():
    """The languages a captions file can be in: the site's content languages."""
    return list(getattr(settings, "WAGTAIL_CONTENT_LANGUAGES", settings.LANGUAGES))


def language_name(language_code: str) -> str:
    """A language's own name ("日本語", "한국어"), as in the language switch."""
    try:
        return get_language_info(language_code)["name_local"]
    except KeyError:
        return dict(content_languages()).get(language_code, language_code)


@dataclass(frozen=True)
class Track:
    """One <track> of the player."""

    captions: object  # a CaptionsFile
    language: str  # Django language code, e.g. "zh-hans"
    default: bool = False

    @property
    def srclang(self) -> str:
        return bcp47(self.language)

    @property
    def label(self) -> str:
        return language_name(self.language)

    @property
    def url(self) -> str:
        return self.captions.file.url


def _preferred(tracks: list[Track], page_language: str) -> Track:
    """The track in the page language, else English, else the first."""
    for language in (page_language.lower(), FALLBACK_LANGUAGE):
        for track in tracks:
            if track.language.lower() == language:
                return track
    return tracks[0]


def ordered_tracks(captions_files, page_language: str) -> list[Track]:
    """The page's captions files as player tracks: the preferred one first and default.

    The others keep the order the editor gave them; a second file in a language
    already listed is left out (a player menu with two "日本語" entries helps nobody).
    """
    tracks: list[Track] = []
    seen: set[str] = set()
    for captions in captions_files:
        if captions is None or not captions.file or captions.language in seen:
            continue
        seen.add(captions.language)
        tracks.append(Track(captions=captions, language=captions.language))
    if not tracks:
        return []
    first = _preferred(tracks, page_language)
    rest = [track for track in tracks if track is not first]
    return [Track(first.captions, first.language, default=True), *rest]


def default_captions_language() -> str:
    return settings.LANGUAGE_CODE
