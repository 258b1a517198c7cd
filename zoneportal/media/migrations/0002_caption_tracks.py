"""One captions track per language: CaptionsFile.language and VideoCaptionTrack.

A page's single captions file becomes its first track. The file's language is the
page's "captions language" if one was given, else the language of the page that
chose the file first (the original; its translations shared the same file), else
the default language. Old revisions keep their captions_file key, which is ignored;
without a caption_tracks key they read the tracks from the database.
"""

import django.db.models.deletion
import modelcluster.fields
from django.conf import settings
from django.db import migrations, models

import zoneportal.media.tracks


def _known_language(code, known):
    """`code` as one of the content languages ("zh-Hans" -> "zh-hans", "en-GB" -> "en")."""
    code = (code or "").strip().lower()
    if code in known:
        return code
    primary = code.split("-")[0]
    for candidate in known:
        if candidate.split("-")[0] == primary:
            return candidate
    return None


def pages_to_tracks(apps, schema_editor):
    VideoPage = apps.get_model("media", "VideoPage")
    CaptionsFile = apps.get_model("media", "CaptionsFile")
    VideoCaptionTrack = apps.get_model("media", "VideoCaptionTrack")
    known = [code.lower() for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    default = settings.LANGUAGE_CODE
    pages = (
        VideoPage.objects.filter(captions_file__isnull=False)
        .select_related("locale")
        .order_by("pk")
    )
    explicit = {}  # captions file -> the first "captions language" given for it
    original = {}  # captions file -> the language of the first page choosing it
    for page in pages:
        captions_id = page.captions_file_id
        original.setdefault(captions_id, _known_language(page.locale.language_code, known))
        given = _known_language(page.captions_language, known)
        if given:
            explicit.setdefault(captions_id, given)
        VideoCaptionTrack.objects.create(page_id=page.pk, captions_id=captions_id, sort_order=0)
    for captions_id, language in original.items():
        language = explicit.get(captions_id) or language or default
        CaptionsFile.objects.filter(pk=captions_id).update(language=language)


def tracks_to_pages(apps, schema_editor):
    """Back to one file per page: the track listed first."""
    VideoPage = apps.get_model("media", "VideoPage")
    VideoCaptionTrack = apps.get_model("media", "VideoCaptionTrack")
    for track in VideoCaptionTrack.objects.select_related("captions").order_by(
        "-sort_order", "-pk"
    ):
        VideoPage.objects.filter(pk=track.page_id).update(
            captions_file_id=track.captions_id, captions_language=track.captions.language
        )


class Migration(migrations.Migration):
    dependencies = [
        ("media", "0001_initial"),
        ("wagtailcore", "0098_apitoken"),
    ]

    operations = [
        migrations.AddField(
            model_name="captionsfile",
            name="language",
            field=models.CharField(
                choices=zoneportal.media.tracks.content_languages,
                default=zoneportal.media.tracks.default_captions_language,
                help_text="The language of the captions in this file.",
                max_length=20,
                verbose_name="language",
            ),
        ),
        migrations.CreateModel(
            name="VideoCaptionTrack",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("sort_order", models.IntegerField(blank=True, editable=False, null=True)),
                (
                    "captions",
                    models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="media.captionsfile",
                        verbose_name="captions file",
                    ),
                ),
                (
                    "page",
                    modelcluster.fields.ParentalKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="caption_tracks",
                        to="media.videopage",
                    ),
                ),
            ],
            options={
                "verbose_name": "captions track",
                "verbose_name_plural": "captions tracks",
                "ordering": ["sort_order"],
                "abstract": False,
            },
        ),
        migrations.RunPython(pages_to_tracks, tracks_to_pages),
        migrations.RemoveField(model_name="videopage", name="captions_file"),
        migrations.RemoveField(model_name="videopage", name="captions_language"),
    ]
