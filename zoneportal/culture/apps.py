from django.apps import AppConfig


class CultureConfig(AppConfig):
    name = "zoneportal.culture"
    label = "culture"
    verbose_name = "Culture and tourism"
