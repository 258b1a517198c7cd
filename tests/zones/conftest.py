"""A second zone's values, written over the demo zone's profile by `other_zone`."""

import pytest

from zoneportal.zones.models import ZoneProfile

OTHER = {
    "official_name": "Harbour Bay Development Zone",
    "short_name": "HBDZ",
    "alternate_names": "Harbour Bay, HB Zone",
    "tagline": "Build at the bay",
    "street_address": "1 Quay Street",
    "locality": "Port Town",
    "time_zone_name": "Central European Time",
}


@pytest.fixture
def other_zone(demo_zone):
    """The default Site's profile changed as an editor would: names, prefix, zone, colours."""
    profile = ZoneProfile.objects.get(site=demo_zone)
    profile.reference_prefix = "HBZ"
    profile.time_zone = "Europe/Berlin"
    profile.email = "invest@harbour.example"
    profile.phone = "+49 40 123456"
    profile.latitude, profile.longitude = 53.55, 9.99
    profile.colour_primary = "#1d4d2b"
    profile.first_reply_working_days = 3
    profile.icp_number = "ICP 12345678-1"
    profile.whatsapp = "+49 40 123456"
    profile.save()
    text = profile.texts.get(language="en")
    for name, value in OTHER.items():
        setattr(text, name, value)
    text.save()
    return profile
