"""Create the "Investment officers" and "Inquiry supervisors" groups with their permissions.

Officers see, handle and export inquiries; supervisors may also delete them and use
the privacy tools (find, export and erase one person's data). Content editors get
nothing here, so they never see personal data.
"""

from django.contrib.auth.management import create_permissions
from django.db import migrations

OFFICERS = "Investment officers"
SUPERVISORS = "Inquiry supervisors"
OFFICER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("inquiries", "view_inquiry"),
    ("inquiries", "change_inquiry"),
    ("inquiries", "export_inquiry"),
]
SUPERVISOR_PERMISSIONS = [
    *OFFICER_PERMISSIONS,
    ("inquiries", "delete_inquiry"),
    ("inquiries", "erase_personal_data"),
]


def create_groups(apps, schema_editor):
    # Permissions are normally created after all migrations; these groups need them now.
    app_config = apps.get_app_config("inquiries")
    app_config.models_module = True
    create_permissions(app_config, verbosity=0, apps=apps)
    Group = apps.get_model("auth", "Group")
    Permission = apps.get_model("auth", "Permission")
    for name, wanted in ((OFFICERS, OFFICER_PERMISSIONS), (SUPERVISORS, SUPERVISOR_PERMISSIONS)):
        group, _created = Group.objects.get_or_create(name=name)
        for app_label, codename in wanted:
            permission = Permission.objects.filter(
                content_type__app_label=app_label, codename=codename
            ).first()
            if permission is not None:
                group.permissions.add(permission)


def remove_groups(apps, schema_editor):
    apps.get_model("auth", "Group").objects.filter(name__in=[OFFICERS, SUPERVISORS]).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0002_inquiry_pipeline"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
