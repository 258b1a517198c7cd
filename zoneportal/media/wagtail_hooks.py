"""Admin: video and captions files live under one "Video files" menu item."""

from django.utils.translation import gettext_lazy as _
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from .models import CaptionsFile, VideoFile


class VideoFileViewSet(SnippetViewSet):
    model = VideoFile
    icon = "media"
    menu_label = _("Video files")
    list_display = ["title", "file", "file_size", "created_at"]
    search_fields = ["title"]


class CaptionsFileViewSet(SnippetViewSet):
    model = CaptionsFile
    icon = "doc-full"
    menu_label = _("Captions (WebVTT)")
    list_display = ["title", "language", "file", "created_at"]
    list_filter = ["language"]
    search_fields = ["title"]


class VideoFilesGroup(SnippetViewSetGroup):
    items = (VideoFileViewSet, CaptionsFileViewSet)
    menu_icon = "media"
    menu_label = _("Videos")
    menu_name = "videos"


register_snippet(VideoFilesGroup)
