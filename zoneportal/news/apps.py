from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "zoneportal.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        from wagtail.signals import page_published

        from .topics import create_topics_on_publish

        page_published.connect(create_topics_on_publish, dispatch_uid="news-topics-on-publish")
