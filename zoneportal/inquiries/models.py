"""The "Leave Your Message Here" page and the investor inquiries it collects.

Storage only. What happens to an inquiry (reference numbers, status changes,
assignment, emails, service levels, privacy) lives in small modules beside this one
(`workflow.py` and friends), so these models stay thin.
"""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from zoneportal.core.blocks import ContactCardBlock
from zoneportal.core.models import BasePage


class InquiryPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    contacts = StreamField(
        [("contact_card", ContactCardBlock())], blank=True, verbose_name=_("contact details")
    )
    privacy_notice = RichTextField(
        _("privacy notice"),
        blank=True,
        features=["bold", "italic", "link", "ul", "ol"],
        help_text=_("What the agency does with the personal data in a message."),
    )
    privacy_notice_version = models.CharField(
        _("privacy notice version"),
        max_length=32,
        default="1",
        help_text=_(
            "Change this whenever the privacy notice changes: every inquiry stores the "
            "version its sender agreed to."
        ),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("contacts"),
        FieldPanel("privacy_notice"),
        FieldPanel("privacy_notice_version"),
    ]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    # The version is the same notice in every language, so translations keep it in step.
    override_translatable_fields = [
        *BasePage.override_translatable_fields,
        SynchronizedField("privacy_notice_version", overridable=False),
    ]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("inquiry page")

    def serve(self, request, *args, **kwargs):
        """The form, its submission and the thank-you page (see views.py)."""
        from .views import serve_inquiry_page

        return serve_inquiry_page(self, request, *args, **kwargs)


class Inquiry(models.Model):
    """One message from an investor, from reception to closing.

    Personal data lives only here and in `OutgoingEmail`; anonymisation blanks these
    fields (see `privacy.py`) and keeps the statistics (country, industry, dates).
    """

    class Status(models.TextChoices):
        NEW = "new", _("New")
        ASSIGNED = "assigned", _("Assigned")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")
        SPAM = "spam", _("Spam")

    class Stage(models.TextChoices):
        EXPLORING = "exploring", _("Exploring")
        COMPARING = "comparing", _("Comparing locations")
        READY = "ready", _("Ready to invest")
        INVESTED = "invested", _("Already invested here, needs support")

    reference = models.CharField(_("reference"), max_length=32, unique=True, null=True)
    # Sent with the form; a second post of the same form finds the first inquiry.
    submission_token = models.UUIDField(default=uuid.uuid4, unique=True, editable=False)

    name = models.CharField(_("name"), max_length=200)
    organisation = models.CharField(_("organisation"), max_length=200, blank=True)
    country = models.CharField(_("country"), max_length=2, blank=True, db_index=True)
    email = models.EmailField(_("email"), db_index=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    industry = models.ForeignKey(
        "business.IndustryPage",
        verbose_name=_("industry of interest"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Stored as the default-language page, whatever language was used."),
    )
    industry_name = models.CharField(_("industry name at submission"), max_length=255, blank=True)
    stage = models.CharField(_("project stage"), max_length=16, choices=Stage.choices)
    message = models.TextField(_("message"))
    reply_language = models.CharField(
        _("preferred reply language"), max_length=10, choices=settings.LANGUAGES
    )
    submitted_language = models.CharField(
        _("language of the form"), max_length=10, choices=settings.LANGUAGES
    )
    privacy_notice_version = models.CharField(_("privacy notice version"), max_length=32)
    consented_at = models.DateTimeField(_("consent given at"))

    status = models.CharField(
        _("status"), max_length=16, choices=Status.choices, default=Status.NEW, db_index=True
    )
    spam_reason = models.CharField(_("why it looks like spam"), max_length=255, blank=True)
    owner = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("owner"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="owned_inquiries",
    )

    created_at = models.DateTimeField(_("received"), auto_now_add=True, db_index=True)
    assigned_at = models.DateTimeField(_("assigned"), null=True, blank=True)
    first_answered_at = models.DateTimeField(_("first answered"), null=True, blank=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, db_index=True)
    followed_up_at = models.DateTimeField(_("followed up"), null=True, blank=True)
    anonymised_at = models.DateTimeField(_("anonymised"), null=True, blank=True)

    class Meta:
        verbose_name = _("inquiry")
        verbose_name_plural = _("inquiries")
        ordering = ["-created_at"]
        permissions = [
            ("export_inquiry", _("Can export inquiries")),
            ("erase_personal_data", _("Can find, export and erase personal data")),
        ]

    def __str__(self):
        return self.reference or f"#{self.pk}"


class InquiryEvent(models.Model):
    """The history of an inquiry as officers see it: one row per thing that happened."""

    class Kind(models.TextChoices):
        RECEIVED = "received", _("Received")
        STATUS = "status", _("Status changed")
        ASSIGNED = "assigned", _("Assigned")
        NOTE = "note", _("Internal note")
        REPLY = "reply", _("Reply sent")
        EMAIL = "email", _("Email")
        ANONYMISED = "anonymised", _("Anonymised")

    inquiry = models.ForeignKey(Inquiry, on_delete=models.CASCADE, related_name="events")
    kind = models.CharField(_("kind"), max_length=16, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("by"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    from_status = models.CharField(max_length=16, choices=Inquiry.Status.choices, blank=True)
    to_status = models.CharField(max_length=16, choices=Inquiry.Status.choices, blank=True)
    text = models.TextField(_("text"), blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("inquiry event")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.inquiry} {self.kind}"


class OutgoingEmail(models.Model):
    """An email the pipeline owes someone, with its delivery state.

    Written in the same transaction as what caused it; a background task delivers it,
    retrying with backoff while the mail server is down, so nothing is lost or sent
    twice.
    """

    class Kind(models.TextChoices):
        ACKNOWLEDGEMENT = "ack", _("Acknowledgement")
        REPLY = "reply", _("Reply")
        OWNER_NOTICE = "owner", _("Owner notification")
        DIGEST = "digest", _("Overdue digest")

    class State(models.TextChoices):
        QUEUED = "queued", _("Queued")
        RETRYING = "retrying", _("Retrying")
        SENT = "sent", _("Sent")
        FAILED = "failed", _("Failed")

    inquiry = models.ForeignKey(
        Inquiry, null=True, blank=True, on_delete=models.CASCADE, related_name="emails"
    )
    kind = models.CharField(_("kind"), max_length=8, choices=Kind.choices)
    to = models.EmailField(_("to"))
    language = models.CharField(_("language"), max_length=10, choices=settings.LANGUAGES)
    subject = models.CharField(_("subject"), max_length=255)
    body = models.TextField(_("body"))
    state = models.CharField(
        _("delivery"), max_length=8, choices=State.choices, default=State.QUEUED, db_index=True
    )
    attempts = models.PositiveSmallIntegerField(_("attempts"), default=0)
    last_error = models.CharField(_("last error"), max_length=500, blank=True)
    next_attempt_at = models.DateTimeField(_("next attempt"), null=True, blank=True)
    sent_at = models.DateTimeField(_("sent"), null=True, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("outgoing email")
        ordering = ["created_at", "pk"]

    def __str__(self):
        return f"{self.get_kind_display()} → {self.to}"
