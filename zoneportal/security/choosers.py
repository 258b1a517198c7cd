"""Choosers and admin look-ups show only what the user's groups allow (issue 13, item 4).

Wagtail lets every user who may enter the admin open the page, snippet, task and
embed choosers, the admin API and wagtail-localize's translations report: they are
tools of the page editor, so Wagtail assumes whoever reaches them edits content. Our
investment officers enter the admin for inquiries only, yet could list the titles of
drafts, private and group-only pages there. Worse, Wagtail's migration that made
"choose" a permission gave it on the root collection to every group that could then
enter the admin, so the inquiry groups created before it (tests, fresh installs)
could list every document's title and file name.

Rules, applied by `ChooserAccessMiddleware` (before the view runs) and the hooks in
chooser_hooks.py:

1. Choosers, the admin API and the translations report need a content role: a page
   permission anywhere, "add" or "change" on documents or images in some collection,
   or "add"/"change" on a snippet or settings model. Everyone else gets 403, whatever
   "choose" permissions their groups hold: choosing without being able to edit
   anything has no use.
2. Pages: a chooser lists, browses into, searches and returns only pages the user may
   explore (those with a page permission and their ancestors) and live public pages
   (which anyone may link to). Browsing under another page, or asking for one by id,
   is 403.
3. Documents and images: Wagtail's choosers already keep to collections with "choose"
   permission; the admin API's document and image listings (which filter only by the
   collections' view restrictions) keep to collections with any permission too.
"""

from django.db.models import Q
from django.http import HttpResponseForbidden
from django.utils import translation
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

PAGE_ACTIONS = ("add", "change", "publish", "bulk_delete", "lock", "unlock")
COLLECTION_ACTIONS = ("add", "change")
MODEL_ACTIONS = ("add", "change")

# URL names (namespace "") of the page chooser and its link tabs.
PAGE_CHOOSER_URLS = {
    "wagtailadmin_choose_page",
    "wagtailadmin_choose_page_child",
    "wagtailadmin_choose_page_search",
    "wagtailadmin_choose_page_chosen_multiple",
}
LINK_CHOOSER_URLS = {
    "wagtailadmin_choose_page_external_link",
    "wagtailadmin_choose_page_email_link",
    "wagtailadmin_choose_page_phone_link",
    "wagtailadmin_choose_page_anchor_link",
    # Tag names, drafts' included: only the tag fields of edit forms ask for them.
    "wagtailadmin_tag_autocomplete",
    "wagtailadmin_tag_model_autocomplete",
}
# Namespaces whose every URL is a chooser or a look-up for editors.
CHOOSER_NAMESPACES = ("wagtaildocs_chooser", "wagtailimages_chooser", "wagtailembeds")
CHOOSER_NAMESPACE_PREFIXES = ("wagtailsnippetchoosers_", "wagtailadmin_api")
# (namespace, URL names) of look-ups inside other areas.
OTHER_LOOKUPS = {
    "wagtailadmin_workflows": {"task_chooser", "task_chooser_results", "task_chosen"},
    "wagtail_localize": {
        "translations_report",
        "translations_report_results",
        "snippets_api_listing",
        "snippets_api_detail",
    },
}


def _page_policy():
    from wagtail.models import Page
    from wagtail.permissions import policy_registry

    return policy_registry.get_by_type(Page)


def _collection_policies():
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model
    from wagtail.permissions import policy_registry

    return [
        policy_registry.get_by_type(get_document_model()),
        policy_registry.get_by_type(get_image_model()),
    ]


def _content_models():
    """Snippet and settings models: editing one may open a chooser."""
    from wagtail.snippets.models import get_snippet_models

    models = list(get_snippet_models())
    try:
        from wagtail.contrib.settings.registry import registry as settings_registry

        models += list(settings_registry)
    except ImportError:  # pragma: no cover - the settings app is installed here
        pass
    return models


def can_edit_content(user) -> bool:
    """True if the user may edit some page, document, image, snippet or setting."""
    cached = getattr(user, "_zp_can_edit_content", None)
    if cached is not None:
        return cached
    if not user.is_active:
        result = False
    elif user.is_superuser:
        result = True
    else:
        result = (
            _page_policy().user_has_any_permission(user, PAGE_ACTIONS)
            or any(
                policy.user_has_any_permission(user, COLLECTION_ACTIONS)
                for policy in _collection_policies()
            )
            or any(
                user.has_perm(f"{model._meta.app_label}.{action}_{model._meta.model_name}")
                for model in _content_models()
                for action in MODEL_ACTIONS
            )
        )
    user._zp_can_edit_content = result
    return result


def visible_pages(pages, user):
    """`pages` narrowed to those the user may explore, plus live public pages."""
    if user.is_active and user.is_superuser:
        return pages
    from wagtail.models import Page

    from zoneportal.core.visibility import public_pages

    explorable = _page_policy().explorable_instances(user).values("pk")
    public = public_pages(Page.objects.live()).values("pk")
    return pages.filter(Q(pk__in=explorable) | Q(pk__in=public))


def may_see_page_ids(user, ids) -> bool:
    from wagtail.models import Page

    wanted = {int(pk) for pk in ids if str(pk).isdigit()}
    if not wanted:
        return True
    visible = visible_pages(Page.objects.filter(pk__in=wanted), user)
    return visible.count() == len(wanted)


def _browse_parent_id(request, kwargs):
    """The page whose title and children the page chooser's browse view would show."""
    if kwargs.get("parent_page_id"):
        return kwargs["parent_page_id"]
    page_type = request.GET.get("page_type")
    if not page_type:
        return None  # the root
    from wagtail.admin.views.chooser import page_models_from_string
    from wagtail.models import Page

    try:
        classes = page_models_from_string(page_type)
    except (ValueError, LookupError):
        return None  # Wagtail answers 404
    if classes == (Page,):
        return None
    ancestor = Page.objects.all().type(*classes).first_common_ancestor()
    return ancestor.pk


def _chooser_kind(match) -> str | None:
    namespace, name = match.namespace, match.url_name
    if namespace == "":
        if name in PAGE_CHOOSER_URLS:
            return "page"
        if name in LINK_CHOOSER_URLS:
            return "link"
        return None
    if namespace in CHOOSER_NAMESPACES or namespace.startswith(CHOOSER_NAMESPACE_PREFIXES):
        return "lookup"
    if name in OTHER_LOOKUPS.get(namespace, ()):
        return "lookup"
    return None


def forbidden(user):
    """A short 403 in the user's admin language (the chooser modal shows an error)."""
    from wagtail.users.models import UserProfile

    language = UserProfile.get_for_user(user).get_preferred_language()
    with translation.override(language):
        message = _("Your groups do not allow you to choose or look up this content.")
    return HttpResponseForbidden(message, content_type="text/plain; charset=utf-8")


class ChooserAccessMiddleware:
    """Rules 1 and 2 of the module docstring, before the chooser view runs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        match = request.resolver_match
        kind = _chooser_kind(match) if match is not None else None
        if kind is None:
            return None
        user = request.user
        if not user.is_authenticated:
            return None  # Wagtail sends the visitor to the sign-in page
        if not can_edit_content(user):
            return forbidden(user)
        if kind != "page":
            return None
        if match.url_name == "wagtailadmin_choose_page_chosen_multiple":
            ids = request.GET.getlist("id")
        elif match.url_name == "wagtailadmin_choose_page_search":
            ids = []
        else:
            parent = _browse_parent_id(request, view_kwargs)
            ids = [parent] if parent is not None else []
        if not may_see_page_ids(user, ids):
            return forbidden(user)
        return None


class PermittedCollectionsMixin:
    """For the admin API's document and image endpoints: collections with a permission."""

    @cached_property
    def _permitted_collections(self):
        from wagtail.permissions import policy_registry

        policy = policy_registry.get_by_type(self.model)
        return policy.collections_user_has_any_permission_for(
            self.request.user, ["add", "change", "choose", "delete"]
        )

    def get_queryset(self):
        queryset = super().get_queryset()
        if self.request.user.is_superuser:
            return queryset
        return queryset.filter(collection__in=self._permitted_collections)
