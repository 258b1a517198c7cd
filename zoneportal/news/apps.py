from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "zoneportal.news"
    label = "news"
    verbose_name = "News"

    def ready(self):
        from wagtail.signals import page_published

        from zoneportal.ops.failsafe import fail_safe

        from .topics import create_topics_on_publish

        # Kept on the app config: a signal holds only a weak reference to it.
        self.topics_receiver = fail_safe(create_topics_on_publish)
        page_published.connect(self.topics_receiver, dispatch_uid="news-topics-on-publish")
