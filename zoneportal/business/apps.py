from django.apps import AppConfig


class BusinessConfig(AppConfig):
    name = "zoneportal.business"
    label = "business"
    verbose_name = "Business"
