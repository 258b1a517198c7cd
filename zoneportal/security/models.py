from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class TOTPDevice(models.Model):
    """A staff member's authenticator app (one per user). Unconfirmed until a code is entered."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="totp_device",
        verbose_name=_("user"),
    )
    secret = models.CharField(_("secret"), max_length=64)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    last_used_step = models.BigIntegerField(_("last used time step"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("two-factor device")
        verbose_name_plural = _("two-factor devices")

    def __str__(self):
        return str(self.user)

    def verify(self, code: str, now: float | None = None) -> bool:
        """True for a valid code not used before (a code cannot be replayed)."""
        from .totp import matching_step

        step = matching_step(self.secret, code, now=now)
        if step is None or step <= self.last_used_step:
            return False
        # Conditional update: two requests racing with the same code cannot both win.
        updated = TOTPDevice.objects.filter(pk=self.pk, last_used_step__lt=step).update(
            last_used_step=step
        )
        if updated:
            self.last_used_step = step
        return bool(updated)


def has_confirmed_device(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()
