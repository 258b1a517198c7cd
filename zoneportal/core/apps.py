from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "zoneportal.core"
    label = "core"
    verbose_name = "Core"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import signals  # noqa: F401  (connects cache invalidation)
        from .locales import ensure_locales
        from .permissions import grant_editor_permissions

        post_migrate.connect(ensure_locales, sender=self, dispatch_uid="zp-locales")
        post_migrate.connect(grant_editor_permissions, sender=self, dispatch_uid="zp-editors")
