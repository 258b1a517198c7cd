"""Runs the demo content modules in site order and manages demo logins."""

from importlib import import_module

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.documents import get_document_model
from wagtail.models import Collection

from zoneportal.core.models import HomePage, SiteImage

from .builder import DEMO_COLLECTION, DemoBuilder
from .content.image_alt import translate_image_alt_texts
from .translating import translate_demo

# Order matters: it is the order of pages in menus, and later modules link to
# pages that earlier ones created (news links companies, home links everything).
CONTENT_MODULES = (
    "site",
    "zone",
    "about",
    "business",
    "news",
    "media",
    "guides",
    "culture",
    "living",
    "inquiries",
    "home",
)

DEMO_LOGINS = (
    # username, password, role, group
    ("admin", "wnd-admin-demo", "Administrator", None),
    ("editor", "wnd-editor-demo", "Editor", "Editors"),
    ("officer", "wnd-officer-demo", "Investment officer", "Investment officers"),
)


def load(stdout=None, translations=True) -> DemoBuilder:
    """Build the English demo, then (unless `translations` is False) its zh, ja and ko copies."""
    builder = DemoBuilder(stdout=stdout)
    for name in CONTENT_MODULES:
        import_module(f"zoneportal.demo.content.{name}").load(builder)
    if translations:
        translate_demo(stdout=stdout)
        translate_image_alt_texts(stdout=stdout)
    return builder


def reset_demo() -> None:
    """Delete the demo pages, images and documents (not users or other content)."""
    # Translations first: their sources cannot be deleted while they exist.
    for home in HomePage.objects.order_by("-locale__language_code"):
        home.delete()
    collection = Collection.objects.filter(name=DEMO_COLLECTION).first()
    if collection is not None:
        SiteImage.objects.filter(collection=collection).delete()
        get_document_model().objects.filter(collection=collection).delete()


def load_inquiries() -> int:
    """Demo investor inquiries for the admin's Inquiries area (after the users)."""
    from .inquiries import load as load_demo_inquiries

    return load_demo_inquiries()


def ensure_users() -> list[tuple[str, str, str]]:
    """Create the demo admin and editor if missing; return their logins for printing."""
    user_model = get_user_model()
    logins = []
    for username, password, role, group_name in DEMO_LOGINS:
        user = user_model.objects.filter(username=username).first()
        if user is None:
            if group_name is None:
                user = user_model.objects.create_superuser(
                    username, f"{username}@example.com", password
                )
            else:
                user = user_model.objects.create_user(
                    username, f"{username}@example.com", password, first_name=role
                )
                user.groups.add(Group.objects.get(name=group_name))
        logins.append((username, password, role))
    return logins
