from django.apps import AppConfig


class OpsConfig(AppConfig):
    """Production operations: Redis fail-open, health checks, HTTP cache headers,
    frontend cache purge and backups (docs/operations.md)."""

    name = "zoneportal.ops"
    label = "ops"
    verbose_name = "Operations"

    def ready(self):
        from . import purge

        purge.connect()
