from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "zoneportal.news"
    label = "news"
    verbose_name = "News"
