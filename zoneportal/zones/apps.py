from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ZonesConfig(AppConfig):
    name = "zoneportal.zones"
    label = "zones"
    verbose_name = _("Zones")

    def ready(self):
        from . import checks, signals  # noqa: F401
