"""manage.py clear_caches: empty every configured cache (zoneportal/ops/cache_reset.py).

Run it after pointing the site at a different or re-created database behind the same
Redis; `manage.py restore` runs it by itself.
"""

from django.core.management.base import BaseCommand, CommandError

from zoneportal.ops import cache_reset


class Command(BaseCommand):
    help = "Empty every configured cache (Redis keys under each cache's own prefix)."

    def handle(self, *args, **options):
        try:
            cleared = cache_reset.clear_all()
        except cache_reset.CacheNotCleared as exc:
            raise CommandError(f"Could not clear the caches: {exc}") from exc
        for alias, count in cleared.items():
            self.stdout.write(f"Cleared cache {alias}" + (f" ({count} keys)" if count else ""))
