from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MediaConfig(AppConfig):
    name = "zoneportal.media"
    label = "media"
    verbose_name = _("Media")

    def ready(self):
        from .files import register_mime_types

        register_mime_types()
