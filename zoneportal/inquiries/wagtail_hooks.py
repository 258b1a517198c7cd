from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.permissions import register_permission_policy

from .models import Inquiry
from .permissions import inquiry_permission_policy

# Before anything asks the registry for Inquiry's policy (Wagtail requires it early).
register_permission_policy(Inquiry, inquiry_permission_policy)

from .admin_views import inquiry_viewset  # noqa: E402
from .dashboard import InquiryDashboardPanel  # noqa: E402

# Audit actions: shown in Reports > Site history and in each inquiry's history.
LOG_ACTIONS = [
    ("inquiries.view", _("View inquiry"), _("Viewed")),
    ("inquiries.export", _("Export inquiries"), _("Exported")),
    ("inquiries.assign", _("Assign inquiry"), _("Assigned")),
    ("inquiries.status", _("Change inquiry status"), _("Status changed")),
    ("inquiries.note", _("Add internal note"), _("Note added")),
    ("inquiries.reply", _("Reply to investor"), _("Reply sent")),
    ("inquiries.anonymise", _("Anonymise inquiry"), _("Anonymised")),
    ("inquiries.personal_data_find", _("Find personal data"), _("Personal data looked up")),
    ("inquiries.personal_data_export", _("Export personal data"), _("Personal data exported")),
    ("inquiries.personal_data_erase", _("Erase personal data"), _("Personal data erased")),
]


@hooks.register("register_admin_viewset")
def register_inquiry_viewset():
    return inquiry_viewset


@hooks.register("register_log_actions")
def register_inquiry_log_actions(actions):
    for action, label, message in LOG_ACTIONS:
        actions.register_action(action, label, message)


@hooks.register("construct_homepage_panels")
def add_inquiry_dashboard(request, panels):
    if inquiry_permission_policy.user_has_permission(request.user, "view"):
        panels.append(InquiryDashboardPanel())


@hooks.register("insert_global_admin_css")
def inquiry_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("inquiries/admin.css"))
