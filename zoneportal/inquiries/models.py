"""The "Leave Your Message Here" page.

For now it presents the contact channels; the inquiry form and the staff workflow
are built on this page type by the inquiry-pipeline work.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField, StreamField
from wagtail.search import index

from zoneportal.core.blocks import ContactCardBlock
from zoneportal.core.models import BasePage


class InquiryPage(BasePage):
    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    contacts = StreamField(
        [("contact_card", ContactCardBlock())], blank=True, verbose_name=_("contact details")
    )

    content_panels = [*BasePage.content_panels, FieldPanel("intro"), FieldPanel("contacts")]
    search_fields = [*BasePage.search_fields, index.SearchField("intro")]
    parent_page_types = ["core.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("inquiry page")
