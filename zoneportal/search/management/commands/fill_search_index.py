"""manage.py fill_search_index: rebuild the search index if it holds no page."""

from django.core.management.base import BaseCommand

from zoneportal.search.filling import fill_empty_index


class Command(BaseCommand):
    help = (
        "Rebuild the search index if pages exist but none is indexed (runs after every "
        "migrate too). Does nothing, at the cost of one query, when the index is filled."
    )

    def handle(self, *args, **options):
        if fill_empty_index():
            self.stdout.write("The search index was empty: rebuilt.")
        elif options["verbosity"] > 1:
            self.stdout.write("The search index is filled (or there are no pages).")
