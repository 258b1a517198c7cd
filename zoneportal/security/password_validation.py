"""Password rules added to Django's (minimum 12 characters, common, numeric, similarity)."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

SITE_WORDS = ("zoneportal", "wagtail", "password", "admin")


class MaximumLengthValidator:
    """Refuse absurdly long passwords (hashing megabytes is a denial of service)."""

    def __init__(self, max_length=256):
        self.max_length = max_length

    def validate(self, password, user=None):
        if len(password) > self.max_length:
            raise ValidationError(
                ngettext(
                    "This password is too long. It must contain at most %(max)d character.",
                    "This password is too long. It must contain at most %(max)d characters.",
                    self.max_length,
                ),
                code="password_too_long",
                params={"max": self.max_length},
            )

    def get_help_text(self):
        return ngettext(
            "Your password must contain at most %(max)d character.",
            "Your password must contain at most %(max)d characters.",
            self.max_length,
        ) % {"max": self.max_length}


class SiteWordsValidator:
    """Refuse passwords built on the site's own name or on obvious words."""

    def __init__(self, words=SITE_WORDS):
        self.words = tuple(w.casefold() for w in words)

    def _words(self):
        """The fixed words and the names of every zone (their zone profiles)."""
        from zoneportal.zones.profile import zone_words

        return (*self.words, *sorted(zone_words()))

    def validate(self, password, user=None):
        folded = password.casefold()
        for word in self._words():
            if word in folded and len(word) / max(len(folded), 1) >= 0.25:
                raise ValidationError(
                    _("This password is built on a word that is easy to guess (%(word)s)."),
                    code="password_site_word",
                    params={"word": word},
                )
        if len(set(folded)) < 5:
            raise ValidationError(
                _("This password repeats too few different characters."),
                code="password_too_repetitive",
            )

    def get_help_text(self):
        return _(
            "Your password cannot be built on the site's name or words such as "
            "“password” or “admin”, and needs at least five different characters."
        )
