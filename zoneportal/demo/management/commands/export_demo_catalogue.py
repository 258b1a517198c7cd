"""Write the English demo segments to content/translations/demo.pot for translators."""

from django.core.management.base import BaseCommand

from zoneportal.demo import translating


class Command(BaseCommand):
    help = "Export the English demo text segments as a PO template (run after load_demo)."

    def handle(self, *args, **options):
        path = translating.CATALOGUE_DIR / "demo.pot"
        count = translating.export_catalogue(path)
        self.stdout.write(self.style.SUCCESS(f"Wrote {count} segments to {path}"))
