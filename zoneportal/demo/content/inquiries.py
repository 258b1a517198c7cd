"""The "Leave Your Message Here" page."""

from zoneportal.inquiries.models import InquiryPage

from ..builder import DemoBuilder, rich, stream

CONTACT = {
    "name": "Investment Promotion Bureau, Wuxi National Hi-tech District",
    "address": "No. 28 Hefeng Road, Xinwu District, Wuxi, Jiangsu, China",
    "postcode": "214135",
    "email": "bizwnd@wnd.gov.cn",
    "telephone": "+86 510 6855 9016 / +86 510 6855 9086",
    "fax": "+86 510 8521 3006",
    "website": "",
}

# The notice every sender agrees to (translated in content/translations/*.po). Change
# PRIVACY_NOTICE_VERSION with it: each inquiry stores the version it was sent under.
PRIVACY_NOTICE = (
    "The Investment Promotion Bureau of the Wuxi National Hi-tech District uses the details you give in this form (your name, organisation, country, email address, phone number and message) only to answer your inquiry and to follow up on it.",
    "Your message is read only by the investment officers of the bureau. We do not sell your details or pass them on without your permission; if another government department needs to help with your inquiry, we ask you first.",
    "We keep an inquiry for 24 months after it is closed and then anonymise it. You can ask us at any time to see, correct, export or delete what we hold about you: write to bizwnd@wnd.gov.cn and quote your reference number.",
    (
        "We handle personal information under the Personal Information Protection Law of "
        "the PRC and, for visitors from the European Union, the General Data Protection "
        "Regulation."
    ),
)
PRIVACY_NOTICE_VERSION = "2026-11"


def load(demo: DemoBuilder) -> None:
    page = demo.page(
        demo.get("home"),
        InquiryPage,
        "leave-your-message",
        key="message",
        title="Leave Your Message Here",
        listing_summary=(
            "Ask us about sites, procedures, policies or partners. An investment officer "
            "answers every message, usually within two working days."
        ),
        intro=(
            "<p>Whether you are comparing locations or already run a plant here, tell us what "
            "you need. One investment officer will follow your request from first reply to "
            "final answer.</p>"
        ),
        contacts=stream(("contact_card", CONTACT)),
        privacy_notice=rich(*PRIVACY_NOTICE),
        privacy_notice_version=PRIVACY_NOTICE_VERSION,
    )
    if not page.privacy_notice:  # a demo loaded before the form existed
        page.privacy_notice = rich(*PRIVACY_NOTICE)
        page.privacy_notice_version = PRIVACY_NOTICE_VERSION
        page.save_revision().publish()
