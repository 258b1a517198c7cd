from django.apps import AppConfig


class GuidesConfig(AppConfig):
    name = "zoneportal.guides"
    label = "guides"
    verbose_name = "Investment guides"
