from django.core.management.base import BaseCommand, CommandError
from wagtail.models import Locale

from zoneportal.translations.groups import create_locale_editor_group


class Command(BaseCommand):
    help = 'Create or complete the "Editors (<language>)" groups limited to one locale each.'

    def add_arguments(self, parser):
        parser.add_argument(
            "language_codes", nargs="*", help="Locales to create groups for (default: all)."
        )

    def handle(self, *args, language_codes, **options):
        locales = Locale.objects.all()
        if language_codes:
            locales = locales.filter(language_code__in=language_codes)
            if len(locales) != len(set(language_codes)):
                raise CommandError(f"Unknown locale in {language_codes}.")
        for locale in locales:
            group = create_locale_editor_group(locale)
            homes = group.page_permissions.values("page").distinct().count()
            self.stdout.write(f"{group.name}: page permissions on {homes} home page(s)")
            if not homes:
                self.stderr.write(f"  {locale}: no home page yet; translate the home page first.")
