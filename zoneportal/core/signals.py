"""Invalidate cached navigation fragments whenever the site structure changes."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Page, PageViewRestriction, Site
from wagtail.signals import page_published, page_unpublished, post_page_move

from zoneportal.ops.failsafe import fail_safe
from zoneportal.zones.models import ZoneProfile, ZoneProfileText

from .cache import bump_structure_version
from .models import FooterText, NavigationSettings, SiteImage

# A cache error must not fail the editor's publish, move or delete (ops/failsafe.py).
_bump_for_page = fail_safe(bump_structure_version)
page_published.connect(_bump_for_page, dispatch_uid="zp-structure-published")
page_unpublished.connect(_bump_for_page, dispatch_uid="zp-structure-unpublished")
post_page_move.connect(_bump_for_page, dispatch_uid="zp-structure-moved")
post_delete.connect(_bump_for_page, sender=Page, dispatch_uid="zp-structure-deleted")


def _settings_changed(sender, instance, created, **kwargs):
    """Settings rows are created empty on first read; only edits change what is shown."""
    if not created:
        bump_structure_version()


post_save.connect(_settings_changed, sender=NavigationSettings, dispatch_uid="zp-nav")
post_save.connect(bump_structure_version, sender=FooterText, dispatch_uid="zp-footer")
post_save.connect(bump_structure_version, sender=Site, dispatch_uid="zp-site-saved")
post_delete.connect(bump_structure_version, sender=Site, dispatch_uid="zp-site-deleted")
post_save.connect(bump_structure_version, sender=PageViewRestriction, dispatch_uid="zp-pvr-saved")
post_delete.connect(bump_structure_version, sender=PageViewRestriction, dispatch_uid="zp-pvr-del")
# Cached fragments (home page sections, cards) carry image alt texts and crops.
post_save.connect(bump_structure_version, sender=SiteImage, dispatch_uid="zp-image-saved")
post_delete.connect(bump_structure_version, sender=SiteImage, dispatch_uid="zp-image-deleted")

# The header, footer and sidebar fragments show the zone's names, legal lines and
# service level (zoneportal/zones): a saved profile renews them.
post_save.connect(_settings_changed, sender=ZoneProfile, dispatch_uid="zp-zone-profile")
post_save.connect(bump_structure_version, sender=ZoneProfileText, dispatch_uid="zp-zone-text")
post_delete.connect(bump_structure_version, sender=ZoneProfileText, dispatch_uid="zp-zone-text-del")
