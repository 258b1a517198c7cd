"""The admin form of the zone profile: languages as checkboxes, texts matching them."""

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminModelForm

from . import validation


class ZoneProfileForm(WagtailAdminModelForm):
    languages = forms.MultipleChoiceField(
        label=_("languages"),
        choices=settings.LANGUAGES,
        widget=forms.CheckboxSelectMultiple,
        required=False,  # validate_languages gives the clearer message
        help_text=_("The languages this zone publishes in; the first is its main language."),
    )

    def clean_languages(self):
        codes = self.cleaned_data.get("languages") or []
        validation.validate_languages(codes)
        order = [code for code, _name in settings.LANGUAGES]
        return sorted(codes, key=order.index)

    def clean(self):
        cleaned = super().clean()
        languages = cleaned.get("languages") or []
        texts = self.formsets.get("texts") if hasattr(self, "formsets") else None
        if texts is None or not languages or not texts.is_valid():
            return cleaned
        written = [
            form.cleaned_data.get("language")
            for form in texts.forms
            if form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
        if len(written) != len(set(written)):
            raise ValidationError(_("Write the names only once per language."))
        if languages[0] not in written:
            raise ValidationError(
                _("Add the names in %(language)s, the zone's first language."),
                params={"language": dict(settings.LANGUAGES)[languages[0]]},
            )
        return cleaned
