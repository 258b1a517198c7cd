"""StreamField blocks of the investment guides.

Procedure steps, policy benefits and Q&A topics are StreamField blocks rather than
inline models: editors reorder them by drag and drop, every text travels with the
page when it is translated, and a page renders them without extra queries.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

ANSWER_FEATURES = ["bold", "italic", "ol", "ul", "link", "document-link"]


class ProcedureStepBlock(blocks.StructBlock):
    """One step of an investment procedure."""

    title = blocks.CharBlock(
        max_length=200, label=_("Step title"), help_text=_('E.g. "Register the company name".')
    )
    instructions = blocks.RichTextBlock(
        features=ANSWER_FEATURES,
        label=_("What to do"),
        help_text=_("What the investor has to do in this step, in plain words."),
    )
    responsible_body = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Responsible body"),
        help_text=_(
            'The office that handles this step, e.g. "District Administrative Approval Bureau".'
        ),
    )
    documents = blocks.ListBlock(
        blocks.CharBlock(max_length=200, label=_("Document")),
        required=False,
        default=[],
        label=_("Documents needed"),
        help_text=_("One document per line item."),
    )
    time_limit = blocks.CharBlock(
        required=False,
        max_length=80,
        label=_("Time limit"),
        help_text=_('How long the step takes, e.g. "5 working days".'),
    )

    class Meta:
        icon = "list-ol"
        label = _("Step")


class BenefitBlock(blocks.StructBlock):
    """One benefit of a preferential policy."""

    title = blocks.CharBlock(max_length=200, label=_("Benefit"))
    description = blocks.RichTextBlock(
        features=ANSWER_FEATURES, required=False, label=_("Description")
    )
    maximum_amount = blocks.CharBlock(
        required=False,
        max_length=120,
        label=_("Maximum amount"),
        help_text=_('E.g. "up to 400,000 yuan".'),
    )

    class Meta:
        icon = "success"
        label = _("Benefit")


class QuestionAnswerBlock(blocks.StructBlock):
    question = blocks.CharBlock(max_length=300, label=_("Question"))
    answer = blocks.RichTextBlock(features=ANSWER_FEATURES, label=_("Answer"))

    class Meta:
        icon = "help"
        label = _("Question and answer")


class QATopicBlock(blocks.StructBlock):
    """A topic heading and the questions filed under it."""

    heading = blocks.CharBlock(
        max_length=120, label=_("Topic"), help_text=_('E.g. "Company setup".')
    )
    questions = blocks.ListBlock(QuestionAnswerBlock(), min_num=1, label=_("Questions"))

    class Meta:
        icon = "folder-open-inverse"
        label = _("Topic")
