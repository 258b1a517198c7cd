from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationsConfig(AppConfig):
    name = "zoneportal.translations"
    label = "translations"
    verbose_name = _("Translations")

    def ready(self):
        from django.db.models.signals import post_migrate

        from .groups import grant_translation_permission

        # No sender: this app has no models, and the permission is created by
        # wagtail_localize's post_migrate, which runs after ours.
        post_migrate.connect(grant_translation_permission, dispatch_uid="zp-submit-translation")
