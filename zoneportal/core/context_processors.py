from django.conf import settings

from .alternates import MISSING_PARAMETER, MISSING_VALUE
from .cache import structure_version


def portal(request):
    """The structure version (fragment cache keys) and language-switch state."""
    return {
        "structure_version": structure_version(),
        "default_language": settings.LANGUAGE_CODE,
        "translation_missing": request.GET.get(MISSING_PARAMETER) == MISSING_VALUE,
    }
