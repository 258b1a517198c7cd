"""StreamField blocks shared by every page type.

Each block renders through its own template under templates/core/blocks/, so the
markup for a captioned photo or a key-figures row is the same everywhere.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images.blocks import ImageChooserBlock

from .translatable_blocks import (
    restore_struct,
    restore_table,
    struct_segments_with_fallback,
    table_segments,
)


class HeadingBlock(blocks.StructBlock):
    """A section heading. Level 2 or 3 keeps the outline valid under the page's h1."""

    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level")
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading_block.html"
        label = _("Heading")


class CaptionedImageBlock(blocks.StructBlock):
    """A photo with caption and credit, rendered as "caption [Photo/credit]".

    The alt text comes from the image itself (required on upload) unless the editor
    gives a context-specific one here. The credit defaults to the image's own credit.
    """

    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=500, label=_("Caption"))
    credit = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Photo credit"),
        help_text=_(
            'Shown as [Photo/credit], e.g. "example.gov.cn". Leave blank to use the image\'s credit.'
        ),
    )
    alt_text = blocks.CharBlock(
        required=False,
        max_length=250,
        label=_("Alt text override"),
        help_text=_(
            "Describe the image for people who cannot see it, if the default does not fit here."
        ),
    )

    class Meta:
        icon = "image"
        template = "core/blocks/captioned_image_block.html"
        label = _("Captioned image")


class KeyFigureBlock(blocks.StructBlock):
    value = blocks.CharBlock(max_length=30, label=_("Value"))
    unit = blocks.CharBlock(max_length=40, required=False, label=_("Unit"))
    label = blocks.CharBlock(max_length=120, label=_("Label"))
    year = blocks.CharBlock(max_length=20, required=False, label=_("Year"))
    source = blocks.CharBlock(max_length=200, required=False, label=_("Source"))

    class Meta:
        icon = "pick"
        label = _("Key figure")


class KeyFiguresBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, max_num=8, label=_("Figures"))

    class Meta:
        icon = "table"
        template = "core/blocks/key_figures_block.html"
        label = _("Key figures")


class DocumentLinkBlock(blocks.StructBlock):
    """A download link; without link text it shows the document's title.

    That title is offered to translators as the link text, so a translated page
    never falls back to the document's (source-language) title.
    """

    document = DocumentChooserBlock(label=_("Document"))
    title = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Link text"),
        help_text=_("Leave blank to use the document's title."),
    )

    def get_translatable_segments(self, value):
        document = value.get("document")
        return struct_segments_with_fallback(value, "title", document.title if document else "")

    def restore_translated_segments(self, value, segments):
        return restore_struct(value, segments)


class DocumentDownloadsBlock(blocks.StructBlock):
    title = blocks.CharBlock(required=False, max_length=120, label=_("Title"))
    documents = blocks.ListBlock(DocumentLinkBlock(), min_num=1, label=_("Documents"))

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document_downloads_block.html"
        label = _("Document downloads")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote_block.html"
        label = _("Quote")


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=200, label=_("Name or office"))
    address = blocks.TextBlock(required=False, label=_("Address"))
    postcode = blocks.CharBlock(required=False, max_length=20, label=_("Postcode"))
    email = blocks.EmailBlock(required=False, label=_("Email"))
    telephone = blocks.CharBlock(required=False, max_length=80, label=_("Telephone"))
    fax = blocks.CharBlock(required=False, max_length=80, label=_("Fax"))
    website = blocks.URLBlock(required=False, label=_("Website"))

    class Meta:
        icon = "user"
        template = "core/blocks/contact_card_block.html"
        label = _("Contact card")


class TranslatableTableBlock(TableBlock):
    """A table whose cells are translated with the page (one segment per cell)."""

    def get_translatable_segments(self, value):
        return table_segments(value)

    def restore_translated_segments(self, value, segments):
        return restore_table(value, segments)


class CaptionedTableBlock(blocks.StructBlock):
    caption = blocks.CharBlock(required=False, max_length=200, label=_("Caption"))
    table = TranslatableTableBlock(label=_("Table"))

    class Meta:
        icon = "table"
        template = "core/blocks/table_block.html"
        label = _("Table")


RICH_TEXT_FEATURES = ["h2", "h3", "h4", "bold", "italic", "ol", "ul", "link", "document-link"]


class BodyStreamBlock(blocks.StreamBlock):
    """The body of standard pages and articles."""

    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Rich text"), icon="pilcrow"
    )
    image = CaptionedImageBlock()
    table = CaptionedTableBlock()
    key_figures = KeyFiguresBlock()
    documents = DocumentDownloadsBlock()
    quote = QuoteBlock()
    contact_card = ContactCardBlock()

    class Meta:
        label = _("Body")
