"""Who may do what with inquiries: Django model permissions through one Wagtail policy.

Actions: "view" (list, detail, history), "change" (assign, status, notes, replies),
"delete", "export" (CSV/XLSX of the list) and "erase_personal_data" (the privacy
tools). Every admin URL of the Inquiries area checks one of these before it loads
anything, so guessing an id reveals nothing.
"""

from wagtail.permission_policies import ModelPermissionPolicy

from .models import Inquiry

OFFICERS_GROUP = "Investment officers"
SUPERVISORS_GROUP = "Inquiry supervisors"
# Codenames per group (the data migration 0003 creates the groups).
OFFICER_PERMISSIONS = ["access_admin", "view_inquiry", "change_inquiry", "export_inquiry"]
SUPERVISOR_PERMISSIONS = [*OFFICER_PERMISSIONS, "delete_inquiry", "erase_personal_data"]


class InquiryPermissionPolicy(ModelPermissionPolicy):
    # Custom permissions whose codename is not "<action>_inquiry".
    CODENAMES = {"erase_personal_data": "erase_personal_data"}

    def _get_permission_codename(self, action):
        return self.CODENAMES.get(action) or super()._get_permission_codename(action)


inquiry_permission_policy = InquiryPermissionPolicy(Inquiry)
