"""Videos: an index of video pages, each playing a self-hosted file with captions.

Why video and caption files are snippets (`VideoFile`, `CaptionsFile`) rather than
Wagtail documents or file fields on the page:

* Wagtail documents are served through `/documents/<id>/<name>` with
  `Content-Disposition: attachment` by default and their allowed extensions are a
  project-wide setting meant for downloads (PDF, XLSX ...). A `<video>` or `<track>`
  needs the file's plain media URL and the right content type.
* A `FileField` on a page is not stored when an editor saves a draft (revisions keep
  only the file name), so previews and scheduled publishing would lose the upload.
* As snippets, editors upload a video once (Snippets > Video files) and choose it on
  any page. Each captions file is in one language; a video page lists one per
  language (`VideoCaptionTrack`, an inline kept identical on every language version
  of the page by wagtail-localize, so translators never redo it). Both are validated
  on upload (extension and first bytes) and served directly from MEDIA_URL, which
  browsers can stream and use as tracks. Which track a visitor gets first: tracks.py.
"""

import datetime as dt
from urllib.parse import urlsplit

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import RichTextField
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from zoneportal.core.models import BasePage, SiteImage
from zoneportal.core.seo import absolute, plain_text

from .files import (
    caption_lines,
    format_duration,
    iso_duration,
    validate_captions_file,
    validate_video_file,
    video_mime_type,
)
from .forms import VideoPageForm
from .tracks import content_languages, default_captions_language, ordered_tracks

VIDEOS_PER_PAGE = 12
PLAYER_POSTER_SPEC = "fill-640x360"


class VideoFile(index.Indexed, models.Model):
    """A self-hosted MP4 or WebM file, chosen by video pages."""

    title = models.CharField(_("title"), max_length=255)
    file = models.FileField(
        _("video file"),
        upload_to="videos/",
        validators=[validate_video_file],
        help_text=_(
            "MP4 (H.264) plays in every browser; prepare it with the moov atom at the start "
            '("fast start") so playback begins before the download ends.'
        ),
    )
    width = models.PositiveSmallIntegerField(
        _("width"), default=640, help_text=_("Frame width in pixels.")
    )
    height = models.PositiveSmallIntegerField(
        _("height"), default=360, help_text=_("Frame height in pixels.")
    )
    file_size = models.PositiveBigIntegerField(_("file size"), null=True, editable=False)
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    panels = [
        FieldPanel("title"),
        FieldPanel("file"),
        FieldRowPanel([FieldPanel("width"), FieldPanel("height")], heading=_("Frame size")),
    ]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("video file")
        verbose_name_plural = _("video files")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file:
            try:
                self.file_size = self.file.size
            except OSError:
                self.file_size = None
        super().save(*args, **kwargs)

    @property
    def mime_type(self) -> str:
        return video_mime_type(self.file.name)

    @property
    def format_label(self) -> str:
        return self.file.name.rsplit(".", 1)[-1].upper() if self.file else ""


class CaptionsFile(index.Indexed, models.Model):
    """A WebVTT captions file in one language; video pages list one per language."""

    title = models.CharField(_("title"), max_length=255)
    language = models.CharField(
        _("language"),
        max_length=20,
        choices=content_languages,
        default=default_captions_language,
        help_text=_("The language of the captions in this file."),
    )
    file = models.FileField(
        _("WebVTT file"),
        upload_to="videos/captions/",
        validators=[validate_captions_file],
        help_text=_('A .vtt file whose first line is "WEBVTT".'),
    )
    created_at = models.DateTimeField(_("uploaded"), auto_now_add=True)

    panels = [FieldPanel("title"), FieldPanel("language"), FieldPanel("file")]
    search_fields = [index.SearchField("title"), index.AutocompleteField("title")]

    class Meta:
        verbose_name = _("captions file")
        verbose_name_plural = _("captions files")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def cue_texts(self) -> list[str]:
        """The caption texts in order (cached per stored file), for the transcript."""
        if not self.file:
            return []
        key = f"media:captions:{self.pk}:{self.file.name}"
        lines = cache.get(key)
        if lines is None:
            try:
                with self.file.open("rb") as handle:
                    lines = caption_lines(handle.read().decode("utf-8", errors="replace"))
            except OSError:
                return []
            cache.set(key, lines, 60 * 60 * 24)
        return lines


class VideoIndexPage(BasePage):
    """Media Center > Videos: an introduction and a grid of videos, newest first."""

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.SectionPage"]
    subpage_types = ["media.VideoPage"]
    show_sidebar = True

    class Meta:
        verbose_name = _("video index page")

    def get_videos(self):
        return (
            VideoPage.objects.child_of(self)
            .live()
            .public()
            .select_related("poster")
            .order_by("-publication_date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.get_videos(), VIDEOS_PER_PAGE)
        page_obj = paginator.get_page(request.GET.get("page"))
        context.update(
            videos=page_obj.object_list,
            page_obj=page_obj,
            paginator=paginator,
            page_range=paginator.get_elided_page_range(page_obj.number),
            query_prefix="",
        )
        return context


class VideoPage(BasePage):
    """One video: a self-hosted file with captions, or a poster linking to an external player."""

    publication_date = models.DateField(
        _("publication date"),
        default=dt.date.today,
        help_text=_('Shown as "Updated:" and used to order the videos, newest first.'),
    )
    poster = models.ForeignKey(
        SiteImage,
        null=True,
        blank=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("poster image"),
        help_text=_("Shown before the video plays and as its thumbnail (16:9 works best)."),
    )
    video_file = models.ForeignKey(
        VideoFile,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("video file"),
        help_text=_("The self-hosted video. Upload it under Snippets > Video files."),
    )
    duration = models.DurationField(
        _("duration"),
        null=True,
        blank=True,
        help_text=_('Minutes and seconds, e.g. "1:05".'),
    )
    description = RichTextField(_("description"), blank=True)
    external_embed_url = models.URLField(
        _("external video URL"),
        blank=True,
        help_text=_(
            "Instead of a file: a video hosted elsewhere. Readers see the poster and a "
            "clearly labelled link to the other site; nothing loads from that site until "
            "they follow the link."
        ),
    )
    source_name = models.CharField(
        _("source"), max_length=120, blank=True, help_text=_('For example "China Daily".')
    )
    byline = models.CharField(_("byline"), max_length=120, blank=True)

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("publication_date"),
                FieldRowPanel([FieldPanel("byline"), FieldPanel("source_name")]),
            ],
            heading=_("Dateline"),
        ),
        FieldPanel("poster"),
        MultiFieldPanel(
            [
                FieldPanel("video_file"),
                FieldPanel("duration"),
                FieldPanel("external_embed_url"),
            ],
            heading=_("Video"),
        ),
        InlinePanel(
            "caption_tracks",
            heading=_("Captions"),
            label=_("Captions track"),
            help_text=_(
                "One WebVTT file per language (upload them under Videos > Captions "
                "(WebVTT)). Every language version of this page offers all of them; "
                "visitors get their page's language first, else English. Translations "
                "of the page keep this list: change it here, then sync the translations."
            ),
        ),
        FieldPanel("description"),
    ]
    base_form_class = VideoPageForm
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("caption_tracks", overridable=False),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("description"),
        index.FilterField("publication_date"),
    ]
    parent_page_types = ["media.VideoIndexPage"]
    subpage_types = []
    show_sidebar = True

    class Meta:
        verbose_name = _("video page")

    def clean(self):
        super().clean()
        if not self.video_file_id and not self.external_embed_url:
            raise ValidationError(
                {"video_file": _("Choose a video file or give the URL of an external video.")}
            )

    # -- derived values ---------------------------------------------------------------
    @property
    def video_mime_type(self) -> str:
        """Derived from the file's extension; never edited by hand."""
        return self.video_file.mime_type if self.video_file_id and self.video_file else ""

    @property
    def duration_display(self) -> str:
        return format_duration(self.duration)

    @property
    def duration_iso(self) -> str:
        return iso_duration(self.duration)

    def captions_tracks(self):
        """The player's tracks: the page language's first and default (see tracks.py)."""
        rows = self.caption_tracks.select_related("captions")
        return ordered_tracks([row.captions for row in rows], self.locale.language_code)

    @property
    def external_host(self) -> str:
        if not self.external_embed_url:
            return ""
        return urlsplit(self.external_embed_url).hostname or ""

    def external_embed_allowed(self, request=None) -> bool:
        """An external player may be embedded only from this site or a host in
        ZONEPORTAL_VIDEO_EMBED_HOSTS (empty by default: the site loads nothing from
        other hosts unless the operator allows it and adds it to frame-src)."""
        host = self.external_host
        if not host:
            return False
        if request is not None and host == request.get_host().split(":")[0]:
            return True
        return host in getattr(settings, "ZONEPORTAL_VIDEO_EMBED_HOSTS", ())

    def plain_description(self) -> str:
        text = plain_text(self.description)
        return text or self.listing_summary or self.title

    def get_meta_description(self):
        return (
            self.search_description
            or self.listing_summary
            or Truncator(self.plain_description()).chars(200)
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        tracks = self.captions_tracks()
        default = tracks[0] if tracks else None
        context.update(
            tracks=tracks,
            # The default track doubles as the transcript (marked up in its language
            # when that is not the page's, e.g. English under a Korean page).
            transcript=default.captions.cue_texts() if default else [],
            transcript_lang=(
                default.srclang if default and default.language != self.locale.language_code else ""
            ),
            embed_allowed=self.external_embed_allowed(request),
        )
        return context

    def get_json_ld(self, request):
        data = {
            "@context": "https://schema.org",
            "@type": "VideoObject",
            "name": self.title,
            "description": self.plain_description(),
            "uploadDate": self.publication_date.isoformat(),
            "url": absolute(request, self.get_url(request) or ""),
        }
        if self.poster_id and self.poster:
            rendition = self.poster.get_rendition(PLAYER_POSTER_SPEC)
            data["thumbnailUrl"] = [absolute(request, rendition.url)]
        if self.duration is not None:
            data["duration"] = self.duration_iso
        if self.video_file_id and self.video_file:
            data["contentUrl"] = absolute(request, self.video_file.file.url)
            data["encodingFormat"] = self.video_mime_type
        elif self.external_embed_url:
            data["embedUrl"] = self.external_embed_url
        if self.byline:
            data["author"] = {"@type": "Person", "name": self.byline}
        if self.source_name:
            data["publisher"] = {"@type": "Organization", "name": self.source_name}
        return data


class VideoCaptionTrack(Orderable):
    """One captions file offered by a video page (at most one per language).

    Not translatable: wagtail-localize copies the list to every language version of
    the page when it is translated or synced, so all versions offer the same tracks.
    """

    page = ParentalKey(VideoPage, on_delete=models.CASCADE, related_name="caption_tracks")
    captions = models.ForeignKey(
        CaptionsFile,
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("captions file"),
    )

    panels = [FieldPanel("captions")]

    class Meta(Orderable.Meta):
        verbose_name = _("captions track")
        verbose_name_plural = _("captions tracks")

    def __str__(self):
        return str(self.captions)
