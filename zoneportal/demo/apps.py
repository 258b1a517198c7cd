from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "zoneportal.demo"
    label = "demo"
    verbose_name = "Demo content"
