"""manage.py reset_two_factor USERNAME: an operator resets a user's two-step verification.

The same reset as the admin's (zoneportal/security/reset.py): the device and its
recovery codes are deleted, the user must set up a new device at the next sign-in,
and the reset is in the audit log with no user and `via` this command.
"""

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from zoneportal.security.reset import COMMAND, reset_two_factor


class Command(BaseCommand):
    help = "Reset a user's two-step verification (lost phone): they enrol again at next sign-in."

    def add_arguments(self, parser):
        parser.add_argument("username")

    def handle(self, *args, username, **options):
        User = get_user_model()
        try:
            user = User._default_manager.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(f"No user named {username!r}.") from None
        if reset_two_factor(user, via=COMMAND):
            self.stdout.write(
                f"Two-step verification of {username} is reset; "
                "they must set it up again at their next sign-in."
            )
        else:
            self.stdout.write(
                f"{username} had no two-step verification turned on; nothing to reset."
            )
