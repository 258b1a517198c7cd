from .cache import structure_version


def portal(request):
    """Expose the structure version so templates can key fragment caches on it."""
    return {"structure_version": structure_version()}
