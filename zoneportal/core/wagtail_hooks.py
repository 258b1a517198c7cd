from wagtail.snippets.models import register_snippet

from .models import FooterText

register_snippet(FooterText)
