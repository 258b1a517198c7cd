"""Default permissions of the "Editors" group, applied after every migrate.

Wagtail's first migration creates an Editors group that may add and edit pages but
not publish. ZonePortal's editors publish their own pages (preview, revisions and
scheduled publishing remain available) and maintain the footer texts; site settings
and users stay with administrators. The handler only adds missing permissions, so
changes an administrator makes to other permissions are kept.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType

EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
EDITOR_MODEL_PERMISSIONS = {
    ("core", "footertext"): ("add_footertext", "change_footertext", "view_footertext"),
}


def grant_editor_permissions(**_kwargs) -> None:
    from wagtail.models import GroupPagePermission, Page

    group, _ = Group.objects.get_or_create(name="Editors")
    admin_access = Permission.objects.filter(
        content_type__app_label="wagtailadmin", codename="access_admin"
    ).first()
    if admin_access:
        group.permissions.add(admin_access)
    root = Page.get_first_root_node()
    if root is not None:
        for codename in EDITOR_PAGE_PERMISSIONS:
            permission = Permission.objects.filter(
                content_type__app_label="wagtailcore", codename=codename
            ).first()
            if permission:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=root, permission=permission
                )
    for (app_label, model), codenames in EDITOR_MODEL_PERMISSIONS.items():
        content_type = ContentType.objects.filter(app_label=app_label, model=model).first()
        if content_type:
            group.permissions.add(
                *Permission.objects.filter(content_type=content_type, codename__in=codenames)
            )
