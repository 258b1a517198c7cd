"""Bad profile values are refused in the admin form with a clear, localized message."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.utils import translation

from zoneportal.zones.models import ZoneProfile
from zoneportal.zones.validation import check_brand_colour, contrast_ratio

pytestmark = pytest.mark.django_db


def test_contrast_ratio_matches_wcag_examples():
    assert round(contrast_ratio("#000000", "#ffffff"), 1) == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54  # the lightest AA grey


@pytest.fixture
def admin_client(client, demo_zone):
    user = get_user_model().objects.create_superuser("root", "root@example.com", "pw-Zq8!x7Lm")
    client.force_login(user)
    return client


def _form_data(profile, **overrides):
    """The profile's current values as the admin form posts them, then `overrides`."""
    data = {
        "colour_primary": profile.colour_primary,
        "colour_primary_dark": profile.colour_primary_dark,
        "colour_accent": profile.colour_accent,
        "time_zone": profile.time_zone,
        "holiday_calendar": profile.holiday_calendar,
        "reference_prefix": profile.reference_prefix,
        "first_reply_working_days": profile.first_reply_working_days,
        "languages": list(profile.languages),
        "icp_url": profile.icp_url,
        "public_security_url": profile.public_security_url,
    }
    texts = list(profile.texts.all())
    data.update(
        {
            "texts-TOTAL_FORMS": len(texts),
            "texts-INITIAL_FORMS": len(texts),
            "texts-MIN_NUM_FORMS": 0,
            "texts-MAX_NUM_FORMS": 1000,
        }
    )
    for index, text in enumerate(texts):
        for name in ("language", "official_name", "short_name", "alternate_names", "tagline"):
            data[f"texts-{index}-{name}"] = getattr(text, name)
        data[f"texts-{index}-id"] = text.pk
        data[f"texts-{index}-ORDER"] = index + 1
    data.update(overrides)
    return data


def _post(admin_client, site, **overrides):
    profile = ZoneProfile.objects.get(site=site)
    url = f"/admin/settings/zones/zoneprofile/{site.pk}/"
    return admin_client.post(url, _form_data(profile, **overrides))


def test_the_unchanged_profile_saves(admin_client, demo_zone):
    response = _post(admin_client, demo_zone, reference_prefix="ZP26")
    assert response.status_code == 302
    assert ZoneProfile.objects.get(site=demo_zone).reference_prefix == "ZP26"


@pytest.mark.parametrize(
    ("field", "value", "message"),
    [
        ("colour_primary", "#9ca3af", "has a contrast of 2.5:1"),
        ("colour_accent", "#f59e0b", "(WCAG AA)"),
        ("colour_primary", "blue", "six hexadecimal digits"),
        ("reference_prefix", "wn-1", "2 to 8 capital letters or digits"),
        ("reference_prefix", "TOOLONGPREFIX", "2 to 8 capital letters or digits"),
        ("time_zone", "Mars/Olympus", "Mars/Olympus is not a known time zone"),
        ("languages", [], "Choose at least one language."),
    ],
)
def test_bad_values_are_refused_with_a_clear_message(
    admin_client, demo_zone, field, value, message
):
    before = ZoneProfile.objects.get(site=demo_zone)
    response = _post(admin_client, demo_zone, **{field: value})
    assert response.status_code == 200  # the form again, not saved
    assert message in response.content.decode()
    after = ZoneProfile.objects.get(site=demo_zone)
    assert getattr(after, field) == getattr(before, field)


def test_the_first_language_needs_its_names(admin_client, demo_zone):
    response = _post(admin_client, demo_zone, languages=["ko"], **{"texts-3-DELETE": "on"})
    assert "Add the names in 한국어, the zone&#x27;s first language." in response.content.decode()


def test_messages_are_localized():
    with translation.override("zh-hans"):
        with pytest.raises(ValidationError) as refused:
            check_brand_colour("#9ca3af")
        assert "对比度为 2.5:1" in " ".join(refused.value.messages)
