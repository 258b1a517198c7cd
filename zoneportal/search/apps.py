from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "zoneportal.search"
    label = "search"
    verbose_name = "Search"
