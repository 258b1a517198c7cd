from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "zoneportal.search"
    label = "search"
    verbose_name = "Search"

    def ready(self):
        from django.db.models.signals import post_migrate

        from .filling import fill_after_migrate

        # Sent for this app after every migrate: an empty index is filled (filling.py).
        post_migrate.connect(fill_after_migrate, sender=self, dispatch_uid="zp-fill-search")
