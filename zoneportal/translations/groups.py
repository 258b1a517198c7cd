"""Editor groups limited to one locale, and the translation permission for "Editors".

Wagtail grants page permissions per subtree, and each locale has its own home page
(a translation of the English one), so a group whose page permissions sit on the
Japanese home page edits Japanese pages and nothing else. Such groups deliberately
lack wagtail-localize's "submit translation" permission: that view creates pages
in any locale without checking page permissions, so starting and syncing
translations stays with the site-wide "Editors" group.
"""

from __future__ import annotations

from django.contrib.auth.models import Group, Permission

from zoneportal.core.permissions import EDITOR_PAGE_PERMISSIONS

SUBMIT_TRANSLATION = ("wagtail_localize", "submit_translation")
COLLECTION_PERMISSIONS = {
    "wagtailimages": ("add_image", "choose_image"),
    "wagtaildocs": ("add_document", "choose_document"),
}


def locale_editor_group_name(locale) -> str:
    return f"Editors ({locale.get_display_name()})"


def _permission(app_label: str, codename: str) -> Permission | None:
    return Permission.objects.filter(content_type__app_label=app_label, codename=codename).first()


def create_locale_editor_group(locale) -> Group:
    """Create or complete the group that adds, edits and publishes pages of `locale` only.

    Page permissions go on the locale's home page(s); create the home page first
    (translate the English one). Only adds what is missing, so it is safe to rerun.
    """
    from wagtail.models import Collection, GroupCollectionPermission, GroupPagePermission, Page

    group, _created = Group.objects.get_or_create(name=locale_editor_group_name(locale))
    if admin_access := _permission("wagtailadmin", "access_admin"):
        group.permissions.add(admin_access)
    homes = Page.objects.filter(depth=2, locale=locale)
    for codename in EDITOR_PAGE_PERMISSIONS:
        if permission := _permission("wagtailcore", codename):
            for home in homes:
                GroupPagePermission.objects.get_or_create(
                    group=group, page=home, permission=permission
                )
    root_collection = Collection.get_first_root_node()
    for app_label, codenames in COLLECTION_PERMISSIONS.items():
        for codename in codenames:
            if root_collection and (permission := _permission(app_label, codename)):
                GroupCollectionPermission.objects.get_or_create(
                    group=group, collection=root_collection, permission=permission
                )
    return group


def grant_translation_permission(**_kwargs) -> None:
    """Let the site-wide "Editors" group start and sync translations (post_migrate).

    Runs after each app's migrations and does nothing until both the group and
    wagtail-localize's permission exist, so the order of apps does not matter.
    """
    group = Group.objects.filter(name="Editors").first()
    permission = _permission(*SUBMIT_TRANSLATION)
    if group and permission:
        group.permissions.add(permission)
