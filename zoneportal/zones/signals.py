"""A saved profile is seen at once: snapshot dropped, the zone's pages purged from nginx."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from zoneportal.ops.failsafe import fail_safe

from . import profile
from .models import ZoneProfile, ZoneProfileText


def _site_id(instance):
    if isinstance(instance, ZoneProfileText):
        return (
            ZoneProfile.objects.filter(pk=instance.profile_id)
            .values_list("site_id", flat=True)
            .first()
        )
    return instance.site_id


@fail_safe
def profile_changed(sender, instance, **kwargs):
    site_id = _site_id(instance)
    if site_id is None:
        return
    profile.forget(site_id)
    # Also after commit: a request between the save and the commit may have cached the
    # old values again.
    transaction.on_commit(lambda: profile.forget(site_id), robust=True)
    # Header, footer and sidebar fragments carry the zone's version in their keys, so
    # they need no flush here.
    _purge_site_pages(site_id)


def _purge_site_pages(site_id):
    """Every page of the zone shows its name: purge them all from the page cache."""
    from wagtail.models import Page, Site

    from zoneportal.ops import purge

    if not purge.enabled():
        return
    site = Site.objects.filter(pk=site_id).select_related("root_page").first()
    if site is None:
        return
    homes = Page.objects.filter(translation_key=site.root_page.translation_key)
    urls = {site.root_url + "/sitemap.xml"}
    for home in homes:
        for page in home.get_descendants(inclusive=True).live().public():
            url = page.get_full_url()
            if url:
                urls.add(url)
    purge.schedule(urls)


for model in (ZoneProfile, ZoneProfileText):
    post_save.connect(profile_changed, sender=model, dispatch_uid=f"zp-zone-{model.__name__}")
    post_delete.connect(profile_changed, sender=model, dispatch_uid=f"zp-zone-del-{model.__name__}")
