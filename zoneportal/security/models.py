import logging

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from . import secretbox

logger = logging.getLogger(__name__)


class TOTPDevice(models.Model):
    """A staff member's authenticator app (one per user). Unconfirmed until a code is entered.

    The shared secret is stored encrypted (`encrypted_secret`, see secretbox); the
    `secret` property reads and writes it in clear, so `TOTPDevice(secret=...)` works.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="totp_device",
        verbose_name=_("user"),
    )
    encrypted_secret = models.CharField(_("secret"), max_length=255)
    confirmed = models.BooleanField(_("confirmed"), default=False)
    last_used_step = models.BigIntegerField(_("last used time step"), default=0)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("two-factor device")
        verbose_name_plural = _("two-factor devices")
        permissions = [
            ("reset_two_factor", _("Can reset other users' two-step verification")),
        ]

    def __str__(self):
        return str(self.user)

    @property
    def secret(self) -> str:
        """The base32 secret in clear; raises secretbox.UnreadableSecret if no key fits."""
        return secretbox.decrypt(self.encrypted_secret)

    @secret.setter
    def secret(self, value: str) -> None:
        self.encrypted_secret = secretbox.encrypt(value)

    def verify(self, code: str, now: float | None = None) -> bool:
        """True for a valid code not used before (a code cannot be replayed)."""
        from .totp import matching_step

        try:
            secret = self.secret
        except secretbox.UnreadableSecret:
            logger.error(
                "Two-step secret of device %s cannot be decrypted with the configured "
                "keys (ZONEPORTAL_TOTP_KEY, SECRET_KEY and their fallbacks); no code is "
                "accepted until the device is removed and enrolled again",
                self.pk,
            )
            return False
        step = matching_step(secret, code, now=now)
        if step is None or step <= self.last_used_step:
            return False
        # Conditional update: two requests racing with the same code cannot both win.
        updated = TOTPDevice.objects.filter(pk=self.pk, last_used_step__lt=step).update(
            last_used_step=step
        )
        if updated:
            self.last_used_step = step
            if secretbox.needs_rotation(self.encrypted_secret):
                # Encrypted with an older key: re-encrypt with the current one.
                self.secret = secret
                TOTPDevice.objects.filter(pk=self.pk).update(encrypted_secret=self.encrypted_secret)
        return bool(updated)


class RecoveryCode(models.Model):
    """One single-use recovery code of a device, stored only as a salted hash (see recovery.py).

    Deleting the device (turning two-step verification off, an administrator's reset)
    deletes its codes with it.
    """

    device = models.ForeignKey(
        TOTPDevice,
        on_delete=models.CASCADE,
        related_name="recovery_codes",
        verbose_name=_("two-factor device"),
    )
    code_hash = models.CharField(_("code hash"), max_length=128)
    used_at = models.DateTimeField(_("used"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("recovery code")
        verbose_name_plural = _("recovery codes")

    def __str__(self):
        return f"{self.device} #{self.pk}"


class EnrolmentRequired(models.Model):
    """This user must set up two-step verification again before using the site.

    Made when an administrator resets a confirmed device (reset.py); removed when the
    user confirms a new one.
    """

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="two_factor_enrolment_required",
        verbose_name=_("user"),
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("two-step re-enrolment requirement")
        verbose_name_plural = _("two-step re-enrolment requirements")

    def __str__(self):
        return str(self.user)


def has_confirmed_device(user) -> bool:
    if not getattr(user, "is_authenticated", False):
        return False
    return TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def must_enrol(user) -> bool:
    """True when an administrator's reset requires this user to enrol a new device."""
    if not getattr(user, "is_authenticated", False):
        return False
    return EnrolmentRequired.objects.filter(user=user).exists() and not has_confirmed_device(user)
