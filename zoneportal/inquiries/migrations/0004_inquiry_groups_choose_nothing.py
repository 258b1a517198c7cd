"""Withdraw "choose" on documents and images from the inquiry groups.

Wagtail's migrations wagtaildocs 0011 and wagtailimages 0023 give "choose" on the root
collection to every group that may enter the admin. When the inquiry groups existed
before those ran (a fresh install migrates the apps in an order nobody chose), the
investment officers and supervisors got the right to browse every document and image
title in the choosers (issue 13 item 4). The chooser gate (zoneportal/security/
choosers.py) refuses them anyway; this removes the grant itself.
"""

from django.db import migrations

GROUPS = ["Investment officers", "Inquiry supervisors"]
CHOOSE = [("wagtaildocs", "choose_document"), ("wagtailimages", "choose_image")]


def withdraw_choose(apps, schema_editor):
    GroupCollectionPermission = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for app_label, codename in CHOOSE:
        GroupCollectionPermission.objects.filter(
            group__name__in=GROUPS,
            permission__content_type__app_label=app_label,
            permission__codename=codename,
        ).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("inquiries", "0003_officer_groups"),
        ("wagtaildocs", "0011_add_choose_permissions"),
        ("wagtailimages", "0023_add_choose_permissions"),
        ("wagtailcore", "0001_initial"),
    ]

    operations = [migrations.RunPython(withdraw_choose, migrations.RunPython.noop)]
