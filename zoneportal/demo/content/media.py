"""Demo content: Media Center > Videos, with three short self-hosted clips and captions.

The clips in ../files/videos/ are abstract title animations made with ffmpeg
(see generate.sh there); their captions describe what is on screen.
"""

import datetime as dt
from pathlib import Path

from django.core.files import File

from zoneportal.media.models import CaptionsFile, VideoFile, VideoIndexPage, VideoPage

from ..builder import DemoBuilder, aware, rich

VIDEO_DIR = Path(__file__).resolve().parent.parent / "files" / "videos"

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
            "each with English captions."
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
        demo.page(
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
            captions_file=captions_file(demo, spec["title"], f"{spec['file']}.en.vtt"),
            captions_language="en",
            duration=dt.timedelta(seconds=spec["seconds"]),
            description=rich(*spec["description"]),
            source_name=spec["source"],
            byline=spec["byline"],
        )


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


def captions_file(demo: DemoBuilder, title: str, filename: str) -> CaptionsFile:
    """The CaptionsFile for a shipped clip, imported once (looked up by title)."""
    title = f"{title} (English captions)"
    existing = CaptionsFile.objects.filter(title=title).first()
    if existing is not None:
        return existing
    with (VIDEO_DIR / filename).open("rb") as handle:
        captions = CaptionsFile(title=title)
        captions.file.save(filename, File(handle), save=False)
        captions.save()
    return captions
