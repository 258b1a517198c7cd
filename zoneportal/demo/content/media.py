"""Demo content: Media Center > Videos, with three short self-hosted clips and captions.

The clips in ../files/videos/ are abstract title animations made with ffmpeg
(see generate.sh there); their captions describe what is on screen, in English
(`<clip>.en.vtt`) and translated by hand into Chinese, Japanese and Korean
(`<clip>.zh-hans.vtt`, `.ja.vtt`, `.ko.vtt`, same timings). Every video page lists
the four tracks; its translations get the same list from wagtail-localize.
"""

import datetime as dt
from pathlib import Path

from django.core.files import File

from zoneportal.media.models import (
    CaptionsFile,
    VideoCaptionTrack,
    VideoFile,
    VideoIndexPage,
    VideoPage,
)

from ..builder import DemoBuilder, aware, rich

VIDEO_DIR = Path(__file__).resolve().parent.parent / "files" / "videos"
CAPTION_LANGUAGES = {
    # language code: the name in the captions file's title (English, for the admin)
    "en": "English",
    "zh-hans": "Chinese",
    "ja": "Japanese",
    "ko": "Korean",
}

VIDEOS = (
    {
        "slug": "taihu-bay-sci-tech-innovation-city",
        "title": "A minute in the Taihu Bay Sci-Tech Innovation City",
        "file": "taihu-bay-innovation-city",
        "date": dt.date(2023, 8, 14),
        "seconds": 8,
        "source": "wndonline.cn",
        "byline": "",
        "summary": (
            "A short look at the innovation city by Lake Taihu, where firms reported more "
            "than 70 billion yuan of taxable sales in the first half of 2023."
        ),
        "description": (
            "The Taihu Bay Sci-Tech Innovation City is the district's newest growth engine on "
            "the shore of Lake Taihu. In the first six months of 2023 the companies based "
            "there declared taxable sales of more than 70 billion yuan and were granted 341 "
            "invention patents.",
            "The innovation city got off the ground in 2023 with 23 projects worth a combined "
            "46.4 billion yuan, in the same year the Wuxi-Singapore Industrial Park marked "
            "its 30th anniversary.",
            "This clip is a title animation for the demo site. The captions describe what "
            "is shown on screen.",
        ),
        "poster": (
            "Video poster: Taihu Bay Sci-Tech Innovation City",
            "Illustration of a city skyline with lit windows against a blue sky",
            "skyline",
            "blue",
        ),
    },
    {
        "slug": "inside-the-astrazeneca-i-campus",
        "title": "Inside the AstraZeneca I-Campus",
        "file": "astrazeneca-i-campus",
        "date": dt.date(2024, 5, 20),
        "seconds": 8,
        "source": "China Daily",
        "byline": "WND Media Center",
        "summary": (
            "How a life-science campus opened by a company that came to the district in 1993 "
            "has become a home for young biomedical firms."
        ),
        "description": (
            "AstraZeneca first set up in the district in 1993. Its I-Campus, agreed at the "
            "Boao Forum in 2019, welcomed its first ten start-ups in April 2020 and aims to "
            "host more than 100 companies within five years.",
            "The third phase of the campus opened on 19 May 2023. Together with WuXi AppTec, "
            "Dizal, Jemincare and some 150 other biomedical firms, it makes life sciences "
            "one of the district's fastest-growing industries.",
            "This clip is a title animation for the demo site. The captions describe what "
            "is shown on screen.",
        ),
        "poster": (
            "Video poster: AstraZeneca I-Campus",
            "Illustration of linked molecules drawn as circles and lines on a teal background",
            "molecule",
            "teal",
        ),
    },
    {
        "slug": "erhu-makers-of-meicun",
        "title": "Erhu makers of Meicun",
        "file": "erhu-makers-of-meicun",
        "date": dt.date(2025, 11, 12),
        "seconds": 8,
        "source": "bizwnd.com",
        "byline": "",
        "summary": (
            "Meicun is known across China for its two-stringed fiddles. Young visitors from "
            "12 countries met the craftspeople in October 2025."
        ),
        "description": (
            "Meicun, one of the six subdistricts of Xinwu, has an industrial park dedicated to "
            "the erhu, the two-stringed bowed fiddle heard across Chinese folk and classical "
            "music. Culture is business here too: the district counts some 310 cultural "
            "companies.",
            "On 27 and 28 October 2025, 17 young visitors from 12 countries toured the "
            "district and stopped at the Meicun Erhu Industrial Park to try the instrument "
            "themselves.",
            "This clip is a title animation for the demo site. The captions describe what "
            "is shown on screen.",
        ),
        "poster": (
            "Video poster: Erhu makers of Meicun",
            "Illustration of hills and a lake under a low sun in warm amber tones",
            "lake",
            "amber",
        ),
    },
)


def load(demo: DemoBuilder) -> None:
    section = demo.get("media-center")
    index = demo.page(
        section,
        VideoIndexPage,
        "videos",
        key="videos",
        title="Videos",
        show_in_menus=True,
        listing_summary=(
            "Short films about the district's innovation parks, companies and crafts, "
            "with captions in English, Chinese, Japanese and Korean."
        ),
        intro=rich(
            "Short films about the people, companies and places of the Wuxi National "
            "Hi-tech District. Every video has captions and a transcript, and plays "
            "directly on this site."
        ),
    )
    for spec in VIDEOS:
        poster_title, alt, motif, palette = spec["poster"]
        poster = demo.image(poster_title, alt, credit="wndonline.cn", motif=motif, palette=palette)
        tracks = [
            captions_file(demo, spec["title"], spec["file"], language)
            for language in CAPTION_LANGUAGES
        ]
        page = demo.page(
            index,
            VideoPage,
            spec["slug"],
            key=f"video-{spec['slug']}",
            title=spec["title"],
            publication_date=spec["date"],
            first_published_at=aware(spec["date"]),
            poster=poster,
            listing_image=poster,
            listing_summary=spec["summary"],
            video_file=video_file(demo, spec["title"], f"{spec['file']}.mp4"),
            caption_tracks=[
                VideoCaptionTrack(captions=captions, sort_order=order)
                for order, captions in enumerate(tracks)
            ],
            duration=dt.timedelta(seconds=spec["seconds"]),
            description=rich(*spec["description"]),
            source_name=spec["source"],
            byline=spec["byline"],
        )
        add_missing_tracks(demo, page, tracks)


def video_file(demo: DemoBuilder, title: str, filename: str) -> VideoFile:
    """The VideoFile for a shipped clip, imported once (looked up by title)."""
    existing = VideoFile.objects.filter(title=title).first()
    if existing is not None:
        return existing
    with (VIDEO_DIR / filename).open("rb") as handle:
        video = VideoFile(title=title, width=640, height=360)
        video.file.save(filename, File(handle), save=False)
        video.save()
    demo.log(f"  imported video {filename}")
    return video


def captions_file(demo: DemoBuilder, title: str, clip: str, language: str) -> CaptionsFile:
    """The CaptionsFile for a shipped clip in `language`, imported once (looked up by title)."""
    title = f"{title} ({CAPTION_LANGUAGES[language]} captions)"
    existing = CaptionsFile.objects.filter(title=title).first()
    if existing is not None:
        return existing
    filename = f"{clip}.{language}.vtt"
    with (VIDEO_DIR / filename).open("rb") as handle:
        captions = CaptionsFile(title=title, language=language)
        captions.file.save(filename, File(handle), save=False)
        captions.save()
    return captions


def add_missing_tracks(demo: DemoBuilder, page: VideoPage, tracks: list[CaptionsFile]) -> None:
    """Give a video page loaded by an earlier demo the shipped tracks in the languages
    it has none in, then sync its translations as "Sync translated pages" would.

    A page with an unpublished draft is left alone (publishing would discard it).
    """
    rows = list(page.caption_tracks.select_related("captions"))
    have = {row.captions.language for row in rows}
    missing = [captions for captions in tracks if captions.language not in have]
    if not missing or page.has_unpublished_changes:
        return
    after = max((row.sort_order or 0 for row in rows), default=-1)
    for order, captions in enumerate(missing, start=after + 1):
        page.caption_tracks.add(VideoCaptionTrack(captions=captions, sort_order=order))
    page.save_revision().publish()
    sync_translations(page)
    demo.log(f"  added {len(missing)} captions tracks to {page.url_path}")


def sync_translations(page: VideoPage) -> None:
    """Copy the page's synchronised fields (its tracks) to its existing translations."""
    from wagtail_localize.models import TranslationSource

    source, _created = TranslationSource.update_or_create_from_instance(page)
    for translation in source.translations.filter(enabled=True):
        translation.save_target(publish=True)
