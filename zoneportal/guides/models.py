"""Investment guides: step-by-step procedures, preferential policies and Q&A pages.

All three live under a `core.SectionPage` ("Investment Procedures", "Preferential
Policies", "Investment Guides"), render in a constant number of queries (their
structured content is StreamField data) and publish schema.org JSON-LD where a
matching type exists (HowTo for procedures, FAQPage for Q&A).
"""

import datetime as dt

from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.rich_text import get_text_for_indexing
from wagtail.search import index

from zoneportal.core.blocks import BodyStreamBlock, ContactCardBlock, DocumentLinkBlock
from zoneportal.core.models import BasePage
from zoneportal.core.seo import absolute

from .blocks import BenefitBlock, ProcedureStepBlock, QATopicBlock

INTRO_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def local_today(request_or_site=None) -> dt.date:
    """Today's date where the policies apply: in the zone's time zone (its profile),
    whatever the server's zone. Without a request or Site, the current time zone, which
    zones.middleware has set to the request's zone (settings.TIME_ZONE outside one)."""
    if request_or_site is None:
        return timezone.localdate()
    from zoneportal.zones.profile import zone_profile

    return timezone.now().astimezone(zone_profile(request_or_site).tzinfo).date()


def _plain(richtext) -> str:
    """Plain text of a rich text value (no link expansion, so no database queries)."""
    source = getattr(richtext, "source", richtext) or ""
    return get_text_for_indexing(source)


class GuidePage(BasePage):
    """Fields shared by every guide page: a review date readers can trust."""

    last_reviewed = models.DateField(
        _("last reviewed"),
        null=True,
        blank=True,
        help_text=_("When the facts on this page were last checked. Shown to readers."),
    )

    show_sidebar = True
    parent_page_types = ["core.SectionPage"]
    subpage_types: list[str] = []

    class Meta:
        abstract = True


class ProcedurePage(GuidePage):
    """An investment procedure: what to do, in which order, where and how long it takes."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    total_time = models.CharField(
        _("total time"),
        max_length=120,
        blank=True,
        help_text=_('An estimate for the whole procedure, e.g. "About 15 working days".'),
    )
    steps = StreamField(
        [("step", ProcedureStepBlock())],
        verbose_name=_("steps"),
        help_text=_("In the order the investor follows them. Drag to reorder."),
    )
    contacts = StreamField(
        [("contact_card", ContactCardBlock())],
        blank=True,
        verbose_name=_("contact"),
        help_text=_("The office investors can call about this procedure."),
    )
    body = StreamField(
        BodyStreamBlock(),
        blank=True,
        verbose_name=_("further information"),
        help_text=_("Optional notes shown after the steps: fees, tips, downloads."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("total_time"),
        FieldPanel("steps"),
        FieldPanel("contacts"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("steps"),
        index.SearchField("body"),
    ]

    class Meta:
        verbose_name = _("investment procedure")
        verbose_name_plural = _("investment procedures")

    def get_meta_description(self):
        return super().get_meta_description() or _plain(self.intro)[:300]

    def get_json_ld(self, request):
        url = absolute(request, self.get_url(request) or "")
        steps = []
        supplies = []
        for position, block in enumerate(self.steps, start=1):
            step = block.value
            text = _plain(step["instructions"])
            if step["responsible_body"]:
                text = f"{text} ({step['responsible_body']})".strip()
            steps.append(
                {
                    "@type": "HowToStep",
                    "position": position,
                    "name": step["title"],
                    "text": text or step["title"],
                    "url": f"{url}#step-{position}",
                }
            )
            for document in step["documents"]:
                if document and document not in supplies:
                    supplies.append(document)
        data = {
            "@context": "https://schema.org",
            "@type": "HowTo",
            "name": self.title,
            "url": url,
            "step": steps,
        }
        description = self.get_meta_description()
        if description:
            data["description"] = str(description)
        if supplies:
            data["supply"] = [{"@type": "HowToSupply", "name": name} for name in supplies]
        if self.last_reviewed:
            data["dateModified"] = self.last_reviewed.isoformat()
        return data


class PolicyStatus(models.TextChoices):
    IN_FORCE = "in-force", _("In force")
    EXPIRED = "expired", _("Expired")
    NOT_YET = "not-yet", _("Not yet in force")


class PolicyPage(GuidePage):
    """A preferential policy: who qualifies, what they get, and whether it still applies."""

    summary = RichTextField(_("summary"), features=INTRO_FEATURES)
    eligibility = RichTextField(
        _("who is eligible"), blank=True, features=["bold", "italic", "link", "ul", "ol"]
    )
    benefits = StreamField([("benefit", BenefitBlock())], blank=True, verbose_name=_("benefits"))
    issuing_body = models.CharField(
        _("issuing body"),
        max_length=200,
        blank=True,
        help_text=_('E.g. "District People\'s Government".'),
    )
    effective_date = models.DateField(_("effective date"))
    expiry_date = models.DateField(
        _("expiry date"), null=True, blank=True, help_text=_("Leave empty if open-ended.")
    )
    documents = StreamField(
        [("document", DocumentLinkBlock())],
        blank=True,
        verbose_name=_("policy documents"),
        help_text=_("The official text and application forms."),
    )
    body = StreamField(BodyStreamBlock(), blank=True, verbose_name=_("details"))

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        MultiFieldPanel(
            [
                FieldPanel("issuing_body"),
                FieldRowPanel([FieldPanel("effective_date"), FieldPanel("expiry_date")]),
            ],
            heading=_("Validity"),
        ),
        FieldPanel("eligibility"),
        FieldPanel("benefits"),
        FieldPanel("documents"),
        FieldPanel("body"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("summary"),
        index.SearchField("eligibility"),
        index.SearchField("benefits"),
        index.SearchField("body"),
        index.FilterField("effective_date"),
        index.FilterField("expiry_date"),
    ]

    class Meta:
        verbose_name = _("preferential policy")
        verbose_name_plural = _("preferential policies")

    def clean(self):
        super().clean()
        if self.effective_date and self.expiry_date and self.expiry_date < self.effective_date:
            raise ValidationError(
                {"expiry_date": _("The expiry date cannot be before the effective date.")}
            )

    def get_status(self, today: dt.date | None = None) -> PolicyStatus:
        """Whether the policy applies on `today` (default: today in the zone's time zone).

        The effective and expiry dates are both days on which the policy applies.
        """
        today = today or local_today()
        if self.effective_date and today < self.effective_date:
            return PolicyStatus.NOT_YET
        if self.expiry_date and today > self.expiry_date:
            return PolicyStatus.EXPIRED
        return PolicyStatus.IN_FORCE

    def get_meta_description(self):
        return super().get_meta_description() or _plain(self.summary)[:300]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        status = self.get_status()
        context["policy_status"] = status
        context["policy_status_label"] = status.label
        return context


class QAPage(GuidePage):
    """Questions and answers grouped by topic, with a table of contents and FAQPage data."""

    intro = RichTextField(_("introduction"), blank=True, features=INTRO_FEATURES)
    topics = StreamField(
        [("topic", QATopicBlock())],
        verbose_name=_("topics"),
        help_text=_("Each topic becomes a heading with its questions below it."),
    )

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("topics"),
        FieldPanel("last_reviewed"),
    ]
    search_fields = [
        *BasePage.search_fields,
        index.SearchField("intro"),
        index.SearchField("topics"),
    ]

    class Meta:
        verbose_name = _("questions and answers page")
        verbose_name_plural = _("questions and answers pages")

    def topic_list(self) -> list[dict]:
        """Topics with stable anchors (topic-1, q-1-2 ...) for the contents list and links."""
        topics = []
        for number, block in enumerate(self.topics, start=1):
            topics.append(
                {
                    "anchor": f"topic-{number}",
                    "heading": block.value["heading"],
                    "questions": [
                        {"anchor": f"q-{number}-{index}", **qa}
                        for index, qa in enumerate(block.value["questions"], start=1)
                    ],
                }
            )
        return topics

    def get_meta_description(self):
        return super().get_meta_description() or _plain(self.intro)[:300]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topic_list"] = self.topic_list()
        return context

    def get_json_ld(self, request):
        questions = [
            {
                "@type": "Question",
                "name": qa["question"],
                "acceptedAnswer": {"@type": "Answer", "text": _plain(qa["answer"])},
            }
            for block in self.topics
            for qa in block.value["questions"]
        ]
        if not questions:
            return None
        return {
            "@context": "https://schema.org",
            "@type": "FAQPage",
            "name": self.title,
            "url": absolute(request, self.get_url(request) or ""),
            "mainEntity": questions,
        }
