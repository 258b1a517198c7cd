"""The demo Site's zone profile (Settings > Zone profile), filled idempotently.

Only a profile that does not exist yet, or a text in a language that is missing, is
written: an editor's later changes in the admin stay.
"""

from wagtail.models import Site

from zoneportal.zones.models import ZoneProfile, ZoneProfileText

from ..builder import DemoBuilder
from ..zone_values import PROFILE, TEXTS


def load(demo: DemoBuilder) -> None:
    if fill_profile(Site.objects.get(is_default_site=True)):
        demo.created += 1


def fill_profile(site) -> bool:
    """Write the demo zone's profile for `site` where missing; True if it was created."""
    profile = ZoneProfile.objects.filter(site=site).first()
    created = profile is None
    if created:
        profile = ZoneProfile(site=site, **PROFILE)
        profile.full_clean(exclude=["site"])
        profile.save()
    existing = set(profile.texts.values_list("language", flat=True))
    for order, (language, values) in enumerate(TEXTS.items()):
        if language not in existing:
            ZoneProfileText.objects.create(
                profile=profile, language=language, sort_order=order, **values
            )
    return created
