"""The links a report cell offers: translate, sync, edit, each only if the user may use it.

Permissions are read once per request (Wagtail caches a user's page permissions
on the user object), so offering links costs no query per page.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib.admin.utils import quote
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.permission_policies.pages import PagePermissionPolicy

from .status import Cell, PageInfo, Row, Status

SUBMIT_TRANSLATION = "wagtail_localize.submit_translation"


@dataclass(frozen=True)
class Action:
    label: str
    url: str


class EditorRights:
    """What the current user may do, answered without a query per page."""

    def __init__(self, user):
        self.is_superuser = user.is_active and user.is_superuser
        self.can_submit_translations = user.has_perm(SUBMIT_TRANSLATION)
        permissions = PagePermissionPolicy().get_cached_permissions_for_user(user)
        self.editable_paths = tuple(
            permission.page.path
            for permission in permissions
            if permission.permission.codename == "change_page"
        )

    def can_edit(self, page: PageInfo) -> bool:
        return self.is_superuser or page.path.startswith(self.editable_paths)


def _with_query(url: str, **params) -> str:
    return f"{url}?{urlencode(params)}"


def _edit(page: PageInfo, label) -> Action:
    return Action(str(label), reverse("wagtailadmin_pages:edit", args=[page.id]))


def cell_actions(row: Row, cell: Cell, rights: EditorRights, next_url: str) -> list[Action]:
    """Links for one cell, most useful first."""
    actions = []
    if cell.status in (Status.MISSING, Status.NOT_TRANSLATED):
        if rights.can_submit_translations:
            url = reverse("wagtail_localize:submit_page_translation", args=[row.source.id])
            query = {"select_locale": cell.locale.language_code, "next": next_url}
            actions.append(Action(str(_("Translate")), _with_query(url, **query)))
        return actions
    can_sync = cell.status == Status.OUTDATED and cell.managed_by_localize
    if can_sync and rights.can_submit_translations:
        url = reverse("wagtail_localize:update_translations", args=[cell.translation_source_id])
        actions.append(Action(str(_("Sync")), _with_query(url, next=next_url)))
    if cell.page is not None and rights.can_edit(cell.page):
        if cell.status == Status.ALIAS:
            # wagtail-localize replaces an alias's edit view with a "Translate this page" offer.
            actions.append(_edit(cell.page, _("Translate")))
        elif cell.managed_by_localize:
            actions.append(_edit(cell.page, _("Edit translation")))
        else:
            actions.append(_edit(cell.page, _("Edit")))
    return actions


def snippet_cell_actions(row, cell: Cell, user, next_url: str) -> list[Action]:
    """Links for one snippet cell: translate, sync, edit (snippet rows of the report)."""
    meta = row.model._meta
    can_submit = user.has_perm(SUBMIT_TRANSLATION)
    actions = []
    if cell.status == Status.MISSING:
        if can_submit:
            args = [meta.app_label, meta.model_name, quote(row.source.id)]
            url = reverse("wagtail_localize:submit_snippet_translation", args=args)
            actions.append(Action(str(_("Translate")), _with_query(url, next=next_url)))
        return actions
    if cell.status == Status.OUTDATED and cell.managed_by_localize and can_submit:
        url = reverse("wagtail_localize:update_translations", args=[cell.translation_source_id])
        actions.append(Action(str(_("Sync")), _with_query(url, next=next_url)))
    instance = row.instances.get(cell.locale.language_code)
    if instance is not None and user.has_perm(f"{meta.app_label}.change_{meta.model_name}"):
        url = reverse(row.model.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])
        label = _("Edit translation") if cell.managed_by_localize else _("Edit")
        actions.append(Action(str(label), url))
    return actions
