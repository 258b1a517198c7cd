"""Videos: the index grid, the player page, file validation and the demo clips."""

import datetime as dt
import io
import json
import mimetypes
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

import html5lib
import pytest
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import RequestFactory
from django.urls import reverse
from PIL import Image
from wagtail.models import Locale
from wagtail_localize.models import Translation, TranslationSource

from zoneportal.core.models import SectionPage, SiteImage, StandardPage
from zoneportal.media.files import caption_lines, format_duration, iso_duration
from zoneportal.media.models import (
    CaptionsFile,
    VideoCaptionTrack,
    VideoFile,
    VideoIndexPage,
    VideoPage,
)
from zoneportal.media.views import serve_media as media_view

pytestmark = pytest.mark.django_db

DEMO_FILES = Path(settings.BASE_DIR) / "zoneportal" / "demo" / "files" / "videos"
CLIP = DEMO_FILES / "erhu-makers-of-meicun.mp4"
CAPTIONS = DEMO_FILES / "erhu-makers-of-meicun.en.vtt"
LANGUAGES = ("en", "zh-hans", "ja", "ko")


# -- fixtures -------------------------------------------------------------------------


@pytest.fixture
def media_center(site_home, make_page):
    return make_page(site_home, SectionPage, title="Media Center", slug="media-center")


@pytest.fixture
def video_index(media_center, make_page):
    return make_page(
        media_center,
        VideoIndexPage,
        title="Videos",
        slug="videos",
        intro="<p>Short films about the district.</p>",
    )


@pytest.fixture
def make_poster(db):
    """A generated JPEG SiteImage (assigned as a file so its dimensions are recorded)."""

    def _make(title="Poster", alt="Illustration used as a video poster"):
        buffer = io.BytesIO()
        Image.new("RGB", (1280, 720), (11, 79, 138)).save(buffer, format="JPEG")
        image = SiteImage(
            title=title,
            description=alt,
            credit="wnd.gov.cn",
            file=ContentFile(buffer.getvalue(), name=f"{title.replace(' ', '-')}.jpg"),
        )
        image.save()
        return image

    return _make


@pytest.fixture
def clip(db):
    video = VideoFile(title="Erhu clip")
    video.file.save("erhu.mp4", ContentFile(CLIP.read_bytes()), save=False)
    video.save()
    return video


def make_captions(language):
    """A CaptionsFile holding the demo's Erhu captions in `language`."""
    captions = CaptionsFile(title=f"Erhu captions ({language})", language=language)
    source = DEMO_FILES / f"erhu-makers-of-meicun.{language}.vtt"
    captions.file.save(source.name, ContentFile(source.read_bytes()), save=False)
    captions.save()
    return captions


def tracks_of(*captions_files):
    return [
        VideoCaptionTrack(captions=captions, sort_order=order)
        for order, captions in enumerate(captions_files)
    ]


@pytest.fixture
def captions(db):
    return make_captions("en")


@pytest.fixture
def every_language_captions(db, captions):
    """The Erhu captions in English, Chinese, Japanese and Korean, in that order."""
    return [captions, *(make_captions(language) for language in LANGUAGES[1:])]


@pytest.fixture
def make_video(video_index, make_page, make_poster, clip, captions):
    counter = iter(range(1000))

    def _make(title=None, date=dt.date(2024, 5, 1), **fields):
        number = next(counter)
        title = title or f"Video {number}"
        fields.setdefault("poster", make_poster(title=f"Poster {number}"))
        fields.setdefault("video_file", clip)
        fields.setdefault("caption_tracks", tracks_of(captions))
        return make_page(
            video_index,
            VideoPage,
            title=title,
            slug=f"video-{number}",
            publication_date=date,
            **fields,
        )

    return _make


def parse(response):
    return html5lib.parse(response.content.decode(), namespaceHTMLElements=False)


def serve_media(url):
    """Fetch a MEDIA_URL file through the view that serves media in development."""
    path = unquote(urlsplit(url).path)
    assert path.startswith(settings.MEDIA_URL)
    request = RequestFactory().get(path)
    return media_view(request, path[len(settings.MEDIA_URL) :], document_root=settings.MEDIA_ROOT)


@pytest.fixture
def translate(django_capture_on_commit_callbacks):
    """Translate (or sync) `page` with wagtail-localize, parents copied, as an editor
    would; wagtail-localize publishes on commit, so the callbacks are run here."""

    def _translate(page, language_code):
        locale, _created = Locale.objects.get_or_create(language_code=language_code)
        source, _created = TranslationSource.update_or_create_from_instance(page)
        translation, _created = Translation.objects.get_or_create(
            source=source, target_locale=locale, defaults={"enabled": True}
        )
        with django_capture_on_commit_callbacks(execute=True):
            translation.save_target(publish=True)
        return page.get_translation(locale).specific

    return _translate


def player_tracks(response):
    """(srclang, label, default) of every <track>, in document order."""
    return [
        (track.get("srclang"), track.get("label"), track.get("default") is not None)
        for track in parse(response).iterfind(".//video/track")
    ]


def transcript_of(response):
    """The transcript paragraphs under the player: (lang attribute, text)."""
    details = parse(response).find(".//details[@class='video-transcript']")
    return [(p.get("lang"), p.text) for p in details.iterfind("p")]


def cues(language):
    return caption_lines((DEMO_FILES / f"erhu-makers-of-meicun.{language}.vtt").read_text())


def body_of(response):
    return b"".join(response.streaming_content) if response.streaming else response.content


def warm(client, url):
    """Warm caches. Two requests: the first one creates the site's navigation settings
    row, which bumps the structure version and so expires the fragments it cached."""
    for _ in range(2):
        assert client.get(url).status_code == 200


def json_ld(response, kind):
    blocks = re.findall(
        r'<script type="application/ld\+json">(.*?)</script>', response.content.decode(), re.S
    )
    documents = [json.loads(block) for block in blocks]
    return next(doc for doc in documents if doc.get("@type") == kind)


# -- the index --------------------------------------------------------------------------


def test_index_shows_videos_newest_first_with_posters_dates_and_durations(
    client, video_index, make_video
):
    make_video("Older video", date=dt.date(2023, 3, 1), duration=dt.timedelta(seconds=65))
    make_video("Newest video", date=dt.date(2025, 6, 1), duration=dt.timedelta(seconds=8))
    make_video("Middle video", date=dt.date(2024, 1, 1))

    response = client.get(video_index.url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Short films about the district." in html
    titles = [a.text for a in parse(response).iterfind(".//h3[@class='video-card__title']/a")]
    assert titles == ["Newest video", "Middle video", "Older video"]
    assert '<time datetime="2025-06-01">2025-06-01</time>' in html
    assert '<time datetime="PT1M5S">1:05</time>' in html
    posters = parse(response).findall(".//div[@class='video-card__media']//img")
    assert len(posters) == 3
    assert all("366" in img.get("width", "") or "366" in img.get("src") for img in posters)


def test_index_paginates_twelve_per_page(client, video_index, make_video):
    for day in range(1, 15):
        make_video(f"Clip of day {day}", date=dt.date(2024, 1, day))

    first = client.get(video_index.url)
    second = client.get(video_index.url, {"page": 2})

    first_titles = [a.text for a in parse(first).iterfind(".//h3[@class='video-card__title']/a")]
    second_titles = [a.text for a in parse(second).iterfind(".//h3[@class='video-card__title']/a")]
    assert len(first_titles) == 12
    assert first_titles[0] == "Clip of day 14"
    assert second_titles == ["Clip of day 2", "Clip of day 1"]
    assert 'rel="next" href="?page=2"' in first.content.decode()
    assert "Page 2 of 2" in second.content.decode()


def test_index_without_videos_says_so(client, video_index):
    assert "No videos have been published yet." in client.get(video_index.url).content.decode()


def test_index_queries_do_not_grow_with_videos(
    client, video_index, make_video, django_assert_max_num_queries
):
    make_video()
    warm(client, video_index.url)
    with django_assert_max_num_queries(12) as few:
        client.get(video_index.url)
    for _ in range(11):
        make_video()
    warm(client, video_index.url)
    with django_assert_max_num_queries(12) as many:
        client.get(video_index.url)
    assert len(many.captured_queries) == len(few.captured_queries)


# -- the video page ---------------------------------------------------------------------


def test_video_page_plays_the_file_with_captions(client, make_video):
    page = make_video(
        "Erhu makers of Meicun",
        date=dt.date(2025, 11, 12),
        duration=dt.timedelta(seconds=8),
        description="<p>Two strings and one bow.</p>",
        source_name="bizwnd.com",
        byline="WND Media Center",
    )

    response = client.get(page.url)

    assert response.status_code == 200
    tree = parse(response)
    video = tree.find(".//video")
    assert video.get("controls") is not None
    assert video.get("preload") == "metadata"
    assert video.get("poster")
    assert (video.get("width"), video.get("height")) == ("640", "360")

    source = video.find("source")
    assert source.get("type") == "video/mp4"
    served = serve_media(source.get("src"))
    assert served.status_code == 200
    assert served["Content-Type"] == "video/mp4"
    assert body_of(served) == CLIP.read_bytes()

    track = video.find("track")
    assert track.get("kind") == "captions"
    assert track.get("srclang") == "en"
    assert track.get("label") == "English"
    assert track.get("default") is not None
    served = serve_media(track.get("src"))
    assert served["Content-Type"] == "text/vtt; charset=utf-8"
    assert body_of(served).startswith(b"WEBVTT")

    fallback = video.find("p/a")
    assert fallback.get("href") == source.get("src")
    html = response.content.decode()
    assert "By WND Media Center (bizwnd.com) Updated:" in html
    assert '<time datetime="2025-11-12">2025-11-12</time>' in html
    assert '<time datetime="PT8S">0:08</time>' in html
    assert "Two strings and one bow." in html
    # the captions double as a transcript for a video without sound
    assert "Transcript" in html
    assert "[Title: Erhu makers of Meicun]" in html
    assert tree.find(".//aside[@class='sidebar']") is not None


def test_captions_language_is_the_files_language(client, make_video):
    page = make_video(caption_tracks=tracks_of(make_captions("ko")))
    assert player_tracks(client.get(page.url)) == [("ko", "한국어", True)]


def test_video_page_json_ld_is_a_video_object(client, make_video):
    page = make_video(
        "Inside the I-Campus",
        date=dt.date(2024, 5, 20),
        duration=dt.timedelta(minutes=2, seconds=5),
        description="<p>Life sciences in <b>Xinwu</b>.</p>",
    )

    data = json_ld(client.get(page.url), "VideoObject")

    assert data["@context"] == "https://schema.org"
    assert data["name"] == "Inside the I-Campus"
    assert data["description"] == "Life sciences in Xinwu."
    assert data["uploadDate"] == "2024-05-20"
    assert data["duration"] == "PT2M5S"
    assert data["contentUrl"].startswith("http://testserver/media/videos/")
    assert data["contentUrl"].endswith(".mp4")
    assert data["thumbnailUrl"][0].startswith("http://testserver/media/")


def test_video_page_queries_stay_low(client, make_video, django_assert_max_num_queries):
    page = make_video(duration=dt.timedelta(seconds=8))
    warm(client, page.url)
    with django_assert_max_num_queries(12):
        response = client.get(page.url)
    assert response.status_code == 200


def test_external_video_is_a_labelled_link_out_loading_nothing_from_that_host(client, make_video):
    page = make_video(
        video_file=None,
        caption_tracks=[],
        external_embed_url="https://video.example.org/watch/123",
    )

    response = client.get(page.url)

    html = response.content.decode()
    tree = parse(response)
    assert tree.find(".//video") is None
    assert tree.find(".//iframe") is None
    link = tree.find(".//a[@class='video-external']")
    assert link.get("href") == "https://video.example.org/watch/123"
    assert "Watch this video on video.example.org" in html
    assert "(opens an external website)" in html
    assert 'src="https://video.example.org' not in html
    data = json_ld(response, "VideoObject")
    assert data["embedUrl"] == "https://video.example.org/watch/123"
    assert "contentUrl" not in data


def test_external_player_is_embedded_only_from_an_allowed_host(client, make_video, settings):
    settings.ZONEPORTAL_VIDEO_EMBED_HOSTS = ["player.example.org"]
    page = make_video(
        video_file=None, caption_tracks=[], external_embed_url="https://player.example.org/e/9"
    )
    iframe = parse(client.get(page.url)).find(".//iframe")
    assert iframe.get("src") == "https://player.example.org/e/9"
    assert iframe.get("title") == f"Video: {page.title}"


def test_a_video_page_needs_a_file_or_an_external_url(video_index, make_poster):
    page = VideoPage(title="Nothing to play", slug="nothing", poster=make_poster())
    with pytest.raises(ValidationError) as error:
        video_index.add_child(instance=page)
    assert "video_file" in error.value.message_dict


# -- files ------------------------------------------------------------------------------


def test_vtt_files_are_served_as_text_vtt():
    assert mimetypes.guess_type("captions.vtt")[0] == "text/vtt"
    assert mimetypes.guess_type("clip.webm")[0] == "video/webm"


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("captions.vtt", b"1\n00:00:00,000 --> 00:00:02,000\nHello\n"),  # SRT renamed
        ("captions.srt", b"WEBVTT\n\n00:00.000 --> 00:02.000\nHello\n"),
        ("captions.vtt", b"WEBVTTX\n"),
    ],
)
def test_captions_must_be_webvtt(name, content):
    captions = CaptionsFile(title="Bad", file=SimpleUploadedFile(name, content))
    with pytest.raises(ValidationError) as error:
        captions.full_clean()
    assert "file" in error.value.message_dict


def test_webvtt_with_byte_order_mark_is_accepted():
    content = b"\xef\xbb\xbfWEBVTT - English\n\n00:00.000 --> 00:02.000\nHello\n"
    CaptionsFile(title="Good", file=SimpleUploadedFile("good.vtt", content)).full_clean()


def test_admin_refuses_a_captions_upload_that_is_not_webvtt(admin_client):
    url = reverse("wagtailsnippets_media_captionsfile:add")
    response = admin_client.post(
        url,
        {
            "title": "Wrong format",
            "file": SimpleUploadedFile("subs.vtt", b"1\n00:00:00,000 --> 00:00:01,000\nHi\n"),
        },
    )
    assert response.status_code == 200
    assert "This is not a WebVTT file" in response.content.decode()
    assert not CaptionsFile.objects.exists()


def test_admin_accepts_a_video_and_records_its_type_and_size(admin_client):
    url = reverse("wagtailsnippets_media_videofile:add")
    response = admin_client.post(
        url,
        {
            "title": "Meicun",
            "file": SimpleUploadedFile("meicun.mp4", CLIP.read_bytes()),
            "width": 640,
            "height": 360,
        },
    )
    assert response.status_code == 302
    video = VideoFile.objects.get()
    assert video.mime_type == "video/mp4"
    assert video.file_size == CLIP.stat().st_size


def test_video_upload_must_really_be_mp4_or_webm():
    renamed = VideoFile(title="Fake", file=SimpleUploadedFile("fake.mp4", b"not a video at all"))
    with pytest.raises(ValidationError):
        renamed.full_clean()
    wrong_type = VideoFile(title="Mov", file=SimpleUploadedFile("clip.mov", CLIP.read_bytes()))
    with pytest.raises(ValidationError):
        wrong_type.full_clean()


def test_caption_lines_drop_header_notes_timings_and_tags():
    text = (
        "WEBVTT\n\nNOTE a note\n\n1\n00:00.000 --> 00:01.000 align:start\n"
        "<v Guide>Hello &amp; welcome</v>\n\n00:01:02.000 --> 00:01:03.000\nTwo\nlines\n"
    )
    assert caption_lines(text) == ["Hello & welcome", "Two lines"]


@pytest.mark.parametrize(
    ("seconds", "shown", "iso"),
    [(0, "0:00", "PT0S"), (8, "0:08", "PT8S"), (65, "1:05", "PT1M5S"), (600, "10:00", "PT10M")],
)
def test_duration_formats(seconds, shown, iso):
    assert format_duration(dt.timedelta(seconds=seconds)) == shown
    assert iso_duration(dt.timedelta(seconds=seconds)) == iso


def test_long_duration_shows_hours():
    assert format_duration(dt.timedelta(hours=1, minutes=2, seconds=3)) == "1:02:03"
    assert iso_duration(dt.timedelta(hours=1, minutes=2, seconds=3)) == "PT1H2M3S"
    assert format_duration(None) == ""


# -- page-type rules --------------------------------------------------------------------


def test_page_type_rules(site_home, media_center, video_index, make_page):
    standard = make_page(media_center, StandardPage, title="Standard")
    assert VideoIndexPage.can_create_at(media_center)
    assert not VideoIndexPage.can_create_at(site_home)
    assert not VideoIndexPage.can_create_at(standard)
    assert VideoPage.can_create_at(video_index)
    assert not VideoPage.can_create_at(media_center)
    assert not VideoPage.can_create_at(site_home)
    assert VideoIndexPage.allowed_subpage_models() == [VideoPage]
    assert VideoPage.allowed_subpage_models() == []


# -- demo -------------------------------------------------------------------------------


def test_demo_videos_are_small_playable_files_with_captions():
    clips = sorted(DEMO_FILES.glob("*.mp4"))
    assert len(clips) >= 3
    total = sum(path.stat().st_size for path in DEMO_FILES.glob("*") if path.suffix != ".sh")
    assert total < 2 * 1024 * 1024
    for clip_path in clips:
        head = clip_path.read_bytes()[:64]
        assert head[4:8] == b"ftyp"
        assert b"moov" in clip_path.read_bytes()[:4096], f"{clip_path.name} lacks faststart"
        vtt = clip_path.with_name(clip_path.stem + ".en.vtt")
        assert vtt.read_bytes().startswith(b"WEBVTT")
        assert len(caption_lines(vtt.read_text())) >= 3


def test_demo_module_is_idempotent_and_renders(client, db):
    from zoneportal.demo.builder import DemoBuilder
    from zoneportal.demo.content import media, site

    demo = DemoBuilder()
    site.load(demo)
    media.load(demo)
    counts = (VideoPage.objects.count(), VideoFile.objects.count(), CaptionsFile.objects.count())
    assert counts == (3, 3, 12)
    for page in VideoPage.objects.all():
        languages = [row.captions.language for row in page.caption_tracks.all()]
        assert sorted(languages) == sorted(LANGUAGES)

    again = DemoBuilder()
    site.load(again)
    media.load(again)
    assert again.created == 0
    assert (
        VideoPage.objects.count(),
        VideoFile.objects.count(),
        CaptionsFile.objects.count(),
    ) == counts

    index = again.get("videos")
    assert index.slug == "videos"
    assert index.get_parent().specific == again.get("media-center")
    response = client.get(index.url)
    titles = [a.text for a in parse(response).iterfind(".//h3[@class='video-card__title']/a")]
    assert titles[0] == "Erhu makers of Meicun"
    assert "A minute in the Taihu Bay Sci-Tech Innovation City" in titles
    dates = {page.publication_date.year for page in VideoPage.objects.all()}
    assert dates == {2023, 2024, 2025}

    page = VideoPage.objects.get(slug="erhu-makers-of-meicun")
    video = parse(client.get(page.url)).find(".//video")
    assert body_of(serve_media(video.find("source").get("src"))) == CLIP.read_bytes()
    assert body_of(serve_media(video.find("track").get("src"))).startswith(b"WEBVTT")


# -- admin ------------------------------------------------------------------------------


def test_editors_can_open_the_video_page_editor_and_file_listings(admin_client, make_video):
    page = make_video()
    edit = admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert edit.status_code == 200
    html = edit.content.decode()
    assert 'name="video_file"' in html
    assert 'name="caption_tracks-TOTAL_FORMS"' in html
    assert 'name="caption_tracks-0-captions"' in html
    assert 'name="video_mime_type"' not in html  # derived, never edited
    listing = admin_client.get(reverse("wagtailsnippets_media_videofile:list"))
    assert listing.status_code == 200
    assert "Erhu clip" in listing.content.decode()
    make_captions("ja")
    captions = admin_client.get(
        reverse("wagtailsnippets_media_captionsfile:list"), {"language": "ja"}
    ).content.decode()
    assert "Erhu captions (ja)" in captions
    assert "Erhu captions (en)" not in captions


def test_admin_refuses_two_captions_tracks_in_one_language(admin_user, make_video):
    page = make_video(caption_tracks=tracks_of(make_captions("ja")))
    second_japanese = make_captions("ja")
    form_class = VideoPage.get_edit_handler().get_form_class()
    data = {
        "title": page.title,
        "slug": page.slug,
        "publication_date": "2024-05-01",
        "poster": page.poster_id,
        "video_file": page.video_file_id,
        "caption_tracks-TOTAL_FORMS": "2",
        "caption_tracks-INITIAL_FORMS": "1",
        "caption_tracks-MIN_NUM_FORMS": "0",
        "caption_tracks-MAX_NUM_FORMS": "1000",
        "caption_tracks-0-id": page.caption_tracks.get().pk,
        "caption_tracks-0-captions": page.caption_tracks.get().captions_id,
        "caption_tracks-0-ORDER": "1",
        "caption_tracks-1-captions": second_japanese.pk,
        "caption_tracks-1-ORDER": "2",
    }
    form = form_class(data, instance=page, for_user=admin_user)
    assert not form.is_valid()
    errors = form.formsets["caption_tracks"].forms[1].errors["captions"]
    assert errors == ["This page already has captions in 日本語: keep one per language."]
    # Deleting the first Japanese track makes the same list acceptable.
    data["caption_tracks-0-DELETE"] = "1"
    form = form_class(data, instance=page, for_user=admin_user)
    assert form.is_valid(), form.errors


# -- captions in every language -------------------------------------------------------


@pytest.fixture
def video_in_four_languages(make_video, every_language_captions, translate):
    """An English video page listing en, zh-hans, ja, ko tracks, translated into Japanese."""
    english = make_video(
        "Erhu makers of Meicun", caption_tracks=tracks_of(*every_language_captions)
    )
    return english, translate(english, "ja")


def test_japanese_page_offers_the_japanese_track_first_and_default(client, video_in_four_languages):
    _english, japanese = video_in_four_languages
    assert japanese.url.startswith("/ja/")

    response = client.get(japanese.url)

    assert player_tracks(response) == [
        ("ja", "日本語", True),
        ("en", "English", False),
        ("zh-Hans", "简体中文", False),
        ("ko", "한국어", False),
    ]
    first = parse(response).find(".//video/track")
    assert (
        body_of(serve_media(first.get("src"))).decode()
        == (DEMO_FILES / "erhu-makers-of-meicun.ja.vtt").read_text()
    )
    # The transcript is the Japanese captions, in the page's language (no lang switch).
    assert transcript_of(response) == [(None, line) for line in cues("ja")]
    assert transcript_of(response)[0] == (None, "[タイトル：梅村の二胡職人]")
    # The downloads list every file, Japanese first.
    links = parse(response).findall(".//ul[@class='video-player__files']/li/a[@hreflang]")
    assert [a.get("hreflang") for a in links] == ["ja", "en", "zh-Hans", "ko"]


def test_english_page_still_offers_english_first(client, video_in_four_languages):
    english, _japanese = video_in_four_languages
    response = client.get(english.url)
    assert [srclang for srclang, _label, _default in player_tracks(response)] == [
        "en",
        "zh-Hans",
        "ja",
        "ko",
    ]
    assert [default for *_rest, default in player_tracks(response)] == [True, False, False, False]
    assert transcript_of(response) == [(None, line) for line in cues("en")]


def test_without_a_track_in_the_page_language_english_is_default(
    client, make_video, every_language_captions, translate
):
    english, chinese, japanese, _korean = every_language_captions
    page = make_video(caption_tracks=tracks_of(japanese, english, chinese))
    korean_page = translate(page, "ko")

    response = client.get(korean_page.url)

    assert player_tracks(response)[0] == ("en", "English", True)
    # English text under a Korean page is marked as English for screen readers.
    assert transcript_of(response) == [("en", line) for line in cues("en")]


def test_without_english_either_the_first_track_is_default(
    client, make_video, every_language_captions
):
    _english, chinese, japanese, _korean = every_language_captions
    page = make_video(caption_tracks=tracks_of(japanese, chinese))
    response = client.get(page.url)
    assert player_tracks(response) == [("ja", "日本語", True), ("zh-Hans", "简体中文", False)]
    assert transcript_of(response)[0] == ("ja", "[タイトル：梅村の二胡職人]")


def test_tracks_are_synchronised_to_translations_not_translated(
    client, video_in_four_languages, every_language_captions, translate
):
    english, japanese = video_in_four_languages
    assert [row.captions_id for row in japanese.caption_tracks.all()] == [
        row.captions_id for row in english.caption_tracks.all()
    ]
    # wagtail-localize never offers the list for translators to override.
    from wagtail_localize.fields import get_translatable_fields

    (field,) = [f for f in get_translatable_fields(VideoPage) if f.field_name == "caption_tracks"]
    assert field.is_synchronized(english) and not field.is_overridable(english)

    # The editor drops the Korean track in English; syncing drops it in Japanese too.
    korean = every_language_captions[3]
    english.caption_tracks.remove(*english.caption_tracks.filter(captions=korean))
    english.save_revision().publish()
    japanese = translate(english, "ja")
    response = client.get(japanese.url)
    assert [srclang for srclang, *_rest in player_tracks(response)] == ["ja", "en", "zh-Hans"]


def test_a_second_file_in_a_language_already_listed_is_left_out(client, make_video, captions):
    page = make_video(caption_tracks=tracks_of(captions, make_captions("en")))
    assert player_tracks(client.get(page.url)) == [("en", "English", True)]


def test_every_demo_clip_has_translated_captions_with_the_english_timings():
    timing = re.compile(r"^\S+ --> \S+$", re.M)
    scripts = {"zh-hans": r"[\u4e00-\u9fff]", "ja": r"[\u3040-\u30ff]", "ko": r"[\uac00-\ud7af]"}
    for english in sorted(DEMO_FILES.glob("*.en.vtt")):
        clip = english.name.removesuffix(".en.vtt")
        english_text = english.read_text()
        for language, script in scripts.items():
            translated = (DEMO_FILES / f"{clip}.{language}.vtt").read_text(encoding="utf-8")
            assert translated.startswith("WEBVTT")
            assert timing.findall(translated) == timing.findall(english_text), clip
            lines = caption_lines(translated)
            assert len(lines) == len(caption_lines(english_text))
            for line in lines:
                assert re.search(script, line), (clip, language, line)
                assert not re.search(r"\b(Title|Text)\b", line), (clip, language, line)


def test_the_whole_demo_video_section_renders_in_every_language(
    client, db, django_capture_on_commit_callbacks
):
    """Every demo video page, in all four languages: its own language's track first and
    default, and its transcript in that language."""
    from zoneportal.core.i18n import bcp47
    from zoneportal.demo.builder import DemoBuilder
    from zoneportal.demo.content import media, site
    from zoneportal.demo.translating import translate_demo

    demo = DemoBuilder()
    site.load(demo)
    media.load(demo)
    with django_capture_on_commit_callbacks(execute=True):
        translate_demo()

    pages = VideoPage.objects.live().select_related("locale")
    assert sorted({page.locale.language_code for page in pages}) == sorted(LANGUAGES)
    assert pages.count() == 12
    for page in pages:
        language = page.locale.language_code
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        srclangs = [srclang for srclang, *_rest in player_tracks(response)]
        assert sorted(srclangs) == sorted(bcp47(code) for code in LANGUAGES), page.url
        assert player_tracks(response)[0][0] == bcp47(language)
        assert player_tracks(response)[0][2] is True
        clip = next(
            name
            for name in (
                "taihu-bay-innovation-city",
                "astrazeneca-i-campus",
                "erhu-makers-of-meicun",
            )
            if name.split("-")[0] in page.slug
        )
        expected = caption_lines((DEMO_FILES / f"{clip}.{language}.vtt").read_text())
        assert [text for _lang, text in transcript_of(response)] == expected, page.url


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_migration_turns_each_pages_captions_file_into_a_track_in_its_language(
    make_video, captions
):
    """Before: one captions file per page (shared by its translations) and an optional
    captions language. After: a track per page; the file's language is the given code
    (normalised), else the language of the page that chose it first."""
    from django.db import connection
    from django.db.migrations.executor import MigrationExecutor

    before, after = [("media", "0001_initial")], [("media", "0002_caption_tracks")]
    first = make_video("First")
    sharing = make_video("Shares the file")
    tagged_file = make_captions("ko")
    tagged = make_video("Tagged", caption_tracks=tracks_of(tagged_file))

    executor = MigrationExecutor(connection)
    executor.migrate(before)
    old = executor.loader.project_state(before).apps.get_model("media", "VideoPage")
    old.objects.filter(pk__in=[first.pk, sharing.pk]).update(
        captions_file_id=captions.pk, captions_language=""
    )
    old.objects.filter(pk=tagged.pk).update(
        captions_file_id=tagged_file.pk, captions_language="ja-JP"
    )

    executor = MigrationExecutor(connection)
    executor.migrate(after)

    for page, expected in ((first, captions), (sharing, captions), (tagged, tagged_file)):
        assert [
            row.captions_id for row in VideoPage.objects.get(pk=page.pk).caption_tracks.all()
        ] == [expected.pk]
    assert CaptionsFile.objects.get(pk=captions.pk).language == "en"
    assert CaptionsFile.objects.get(pk=tagged_file.pk).language == "ja"
