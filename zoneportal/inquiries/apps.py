from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "zoneportal.inquiries"
    label = "inquiries"
    verbose_name = "Inquiries"

    def ready(self):
        from . import checks  # noqa: F401 - registers the working-day calendar check
