"""The video page editor form: at most one captions track per language."""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm


class VideoPageForm(WagtailAdminPageForm):
    def clean(self):
        cleaned_data = super().clean()
        self._refuse_two_tracks_in_one_language()
        return cleaned_data

    def _refuse_two_tracks_in_one_language(self):
        """Players list tracks by language: a second file in the same language would be
        a duplicate menu entry, and which one is the default would be a guess."""
        formset = self.formsets.get("caption_tracks")
        if formset is None or not formset.is_valid():
            return  # a formset with errors shows them already
        seen = {}
        for form in formset.forms:
            data = getattr(form, "cleaned_data", None) or {}
            captions = data.get("captions")
            if captions is None or data.get("DELETE"):
                continue
            if captions.language in seen:
                form.add_error(
                    "captions",
                    _("This page already has captions in %(language)s: keep one per language.")
                    % {"language": captions.get_language_display()},
                )
            seen[captions.language] = form
