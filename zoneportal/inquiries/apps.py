from django.apps import AppConfig


class InquiriesConfig(AppConfig):
    name = "zoneportal.inquiries"
    label = "inquiries"
    verbose_name = "Inquiries"
