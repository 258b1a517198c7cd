"""A site-structure version number used in fragment-cache keys.

Menus, footer and sidebar are cached as rendered HTML keyed by this version. Any
change that can alter them (publishing, unpublishing, moving or deleting a page,
saving navigation settings or footer text) bumps the version, so every app server
sharing the cache sees fresh fragments at once, without tracking individual keys.
"""

from django.core.cache import cache

VERSION_KEY = "zoneportal:structure-version"


def structure_version() -> int:
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, 1, timeout=None)
        version = cache.get(VERSION_KEY, 1)
    return version


def bump_structure_version(**_kwargs) -> None:
    try:
        cache.incr(VERSION_KEY)
    except ValueError:
        cache.set(VERSION_KEY, 2, timeout=None)
