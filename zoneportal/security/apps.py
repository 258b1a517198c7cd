from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SecurityConfig(AppConfig):
    name = "zoneportal.security"
    label = "security"
    verbose_name = _("Security")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from django.conf import settings
        from PIL import Image

        from . import audit, lockout, twofactor  # noqa: F401 - connect signal receivers

        # Pillow refuses (DecompressionBombError) any image above twice this many
        # pixels and warns above it; tie it to Wagtail's upload cap so that a
        # rendition of an image that slipped past the form still cannot explode.
        Image.MAX_IMAGE_PIXELS = getattr(settings, "WAGTAILIMAGES_MAX_IMAGE_PIXELS", 40_000_000)
