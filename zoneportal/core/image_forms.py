"""The image edit form: one alt text field per language.

`SiteImage.description` holds the alt text in the default language (English);
`SiteImage.alt_texts` holds it in every other language of `settings.LANGUAGES`. This
form, installed as `WAGTAILIMAGES_IMAGE_FORM_BASE`, shows one field per language,
labelled with the language's own name, right after the default alt text, and saves
them into `alt_texts` (blank fields are dropped, so those languages fall back to the
default alt text).
"""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from wagtail.images.forms import BaseImageForm

from .i18n import bcp47

ALT_TEXT_MAX_LENGTH = 255


def other_languages() -> list[tuple[str, str]]:
    """(code, name) of every configured language except the default one."""
    default = settings.LANGUAGE_CODE.lower()
    return [(code, name) for code, name in settings.LANGUAGES if code.lower() != default]


def alt_text_field_name(language_code: str) -> str:
    return "alt_text_" + language_code.lower().replace("-", "_")


class SiteImageForm(BaseImageForm):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Forms limited to a few fields (partial updates) leave the alt texts alone.
        if "description" not in self.fields:
            return
        stored = self.instance.alt_texts if isinstance(self.instance.alt_texts, dict) else {}
        alt_fields = {}
        for code, name in other_languages():
            alt_fields[alt_text_field_name(code)] = forms.CharField(
                label=_("Alt text in %(language)s") % {"language": name},
                required=False,
                max_length=ALT_TEXT_MAX_LENGTH,
                initial=stored.get(code, ""),
                help_text=_("Leave blank to use the alt text above."),
                widget=forms.TextInput(attrs={"lang": bcp47(code)}),
            )
        # Show them right after the default alt text.
        fields = {}
        for name, field in self.fields.items():
            fields[name] = field
            if name == "description":
                fields.update(alt_fields)
        self.fields = fields

    def save(self, commit=True):
        if "description" in self.fields:
            texts = dict(self.instance.alt_texts or {})
            for code, _name in other_languages():
                name = alt_text_field_name(code)
                if name not in self.cleaned_data:
                    continue
                value = (self.cleaned_data[name] or "").strip()
                if value:
                    texts[code] = value
                else:
                    texts.pop(code, None)
            self.instance.alt_texts = texts
        return super().save(commit=commit)
