"""The public inquiry form on the "Leave Your Message Here" page.

Plain Django form, rendered field by field (templates/inquiries/includes/) so every
control has its label, hint and error tied to it with aria-describedby, and the page
works without JavaScript. Hidden fields: the signed form key (submission token and
time served, see spam.py) and a honeypot.
"""

import phonenumbers
from django import forms
from django.conf import settings
from django.core.validators import MaxLengthValidator
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale

from zoneportal.business.models import IndustryPage

from . import spam
from .countries import country_choices
from .models import Inquiry

HONEYPOT_FIELD = "website"


def reply_language_choices():
    return list(settings.LANGUAGES)


def industry_pages_for(locale) -> list[IndustryPage]:
    """Live public industry pages in the visitor's locale, by title (one query)."""
    return list(
        IndustryPage.objects.live()
        .public()
        .filter(locale=locale)
        .defer_streamfields()
        .only("id", "title", "translation_key", "locale_id")
        .order_by("title")
    )


def source_industry(page: IndustryPage) -> IndustryPage:
    """The default-language version of an industry page (the page itself if untranslated)."""
    if page.locale.language_code == settings.LANGUAGE_CODE:
        return page
    default = Locale.objects.filter(language_code=settings.LANGUAGE_CODE).first()
    translation = page.get_translation_or_none(default) if default else None
    return translation or page


class InquiryForm(forms.Form):
    name = forms.CharField(
        label=_("Your name"),
        max_length=200,
        error_messages={
            "required": _("Enter your name."),
            "max_length": _("Your name can be at most %(limit_value)d characters long."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "name"}),
    )
    organisation = forms.CharField(
        label=_("Company or organisation (optional)"),
        max_length=200,
        required=False,
        error_messages={
            "max_length": _("The organisation can be at most %(limit_value)d characters long."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "organization"}),
    )
    country = forms.ChoiceField(
        label=_("Country or region"),
        error_messages={
            "required": _("Choose your country or region."),
            "invalid_choice": _("Choose a country or region from the list."),
        },
        widget=forms.Select(attrs={"autocomplete": "country"}),
    )
    email = forms.EmailField(
        label=_("Email address"),
        max_length=254,
        help_text=_("We send our reply and a confirmation with your reference number here."),
        error_messages={
            "required": _("Enter your email address."),
            "invalid": _("Enter an email address in the form name@example.com."),
            "max_length": _("The email address can be at most %(limit_value)d characters long."),
        },
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
    )
    phone = forms.CharField(
        label=_("Phone number (optional)"),
        max_length=40,
        required=False,
        help_text=_("With the country code, for example +86 510 6855 9016."),
        error_messages={
            "max_length": _("The phone number can be at most %(limit_value)d characters long."),
        },
        widget=forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel", "type": "tel"}),
    )
    industry = forms.ChoiceField(
        label=_("Industry of interest (optional)"),
        required=False,
        error_messages={"invalid_choice": _("Choose an industry from the list.")},
    )
    stage = forms.ChoiceField(
        label=_("Where is your project?"),
        choices=Inquiry.Stage.choices,
        widget=forms.RadioSelect,
        error_messages={
            "required": _("Choose where your project is."),
            "invalid_choice": _("Choose one of the project stages."),
        },
    )
    message = forms.CharField(
        label=_("Your message"),
        help_text=_("What you plan, what you need from us, and any dates that matter."),
        widget=forms.Textarea(attrs={"rows": 8}),
        error_messages={
            "required": _("Write your message."),
            "max_length": _(
                "Your message is too long: it can be at most %(limit_value)d characters "
                "(it has %(show_value)d)."
            ),
        },
    )
    reply_language = forms.ChoiceField(
        label=_("Reply language"),
        choices=reply_language_choices,
        help_text=_("The language we write back in."),
        error_messages={
            "required": _("Choose the language of our reply."),
            "invalid_choice": _("Choose one of the languages in the list."),
        },
    )
    consent = forms.BooleanField(
        label=_("I agree that the agency uses my details as the privacy notice above describes."),
        error_messages={"required": _("Tick the box to agree to the privacy notice.")},
    )
    form_key = forms.CharField(widget=forms.HiddenInput, required=False)
    website = forms.CharField(
        label=_("Leave this field empty"),
        required=False,
        widget=forms.TextInput(attrs={"tabindex": "-1", "autocomplete": "off"}),
    )

    # Shown as a group (fieldset and legend) rather than label + control.
    grouped_fields = ("stage",)

    def __init__(self, *args, page, **kwargs):
        self.page = page
        super().__init__(*args, **kwargs)
        self.fields["country"].choices = [("", _("Choose a country or region")), *country_choices()]
        self.industry_pages = {str(p.pk): p for p in industry_pages_for(page.locale)}
        self.fields["industry"].choices = [
            ("", _("Not decided yet, or another industry")),
            *((pk, p.title) for pk, p in self.industry_pages.items()),
        ]
        # No maxlength attribute: a browser would silently cut pasted text; the length
        # is checked here and reported with the count instead.
        self.fields["message"].validators.append(MaxLengthValidator(spam.max_message_length()))
        if not self.is_bound:
            self.fields["reply_language"].initial = page.locale.language_code
        for name, field in self.fields.items():
            if field.required:
                field.widget.attrs.setdefault("aria-required", "true")
            if name not in (HONEYPOT_FIELD, "form_key"):
                field.widget.attrs.setdefault("class", "form-control")
        self._describe_controls()

    # -- accessibility: tie hints and errors to their controls ----------------------------
    def _describe_controls(self):
        for name, field in self.fields.items():
            if name in (HONEYPOT_FIELD, "form_key"):
                continue
            bound = self[name]
            ids = []
            if field.help_text:
                ids.append(f"{bound.auto_id}-hint")
            if self.is_bound and hasattr(self, "_errors") and self._errors and name in self._errors:
                ids.append(f"{bound.auto_id}-error")
                field.widget.attrs["aria-invalid"] = "true"
            else:
                field.widget.attrs.pop("aria-invalid", None)
            if ids:
                field.widget.attrs["aria-describedby"] = " ".join(ids)
            else:
                field.widget.attrs.pop("aria-describedby", None)

    def full_clean(self):
        super().full_clean()
        self._describe_controls()

    def add_error(self, field, error):
        super().add_error(field, error)
        if getattr(self, "cleaned_data", None) is not None:
            self._describe_controls()

    # -- cleaning -------------------------------------------------------------------------
    def clean_name(self):
        return " ".join(self.cleaned_data["name"].split())

    def clean_organisation(self):
        return " ".join(self.cleaned_data["organisation"].split())

    def clean_email(self):
        return self.cleaned_data["email"].strip()

    def clean_message(self):
        return self.cleaned_data["message"].strip()

    def clean_industry(self):
        value = self.cleaned_data.get("industry")
        return self.industry_pages.get(value) if value else None

    def clean_phone(self):
        raw = self.cleaned_data.get("phone", "").strip()
        if not raw:
            return ""
        region = (self.data.get(self.add_prefix("country")) or "").upper() or None
        try:
            number = phonenumbers.parse(raw, region)
        except phonenumbers.NumberParseException:
            number = None
        if number is None or not phonenumbers.is_valid_number(number):
            raise forms.ValidationError(
                _(
                    "Enter a valid phone number with its country code, "
                    "for example +86 510 6855 9016."
                ),
                code="invalid_phone",
            )
        return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)

    @property
    def honeypot_value(self) -> str:
        return (self.data.get(self.add_prefix(HONEYPOT_FIELD)) or "") if self.is_bound else ""

    def visible_fields_in_order(self):
        return [self[name] for name in self.fields if name not in (HONEYPOT_FIELD, "form_key")]

    def error_list(self):
        """(field id, label, first error) for the error summary, in form order."""
        items = []
        for bound in self.visible_fields_in_order():
            if bound.errors:
                target = bound.auto_id
                if bound.name in self.grouped_fields:
                    target = f"{bound.auto_id}_0"
                items.append((target, bound.label, bound.errors[0]))
        return items
