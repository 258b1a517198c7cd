"""The "Leave Your Message Here" page."""

from zoneportal.inquiries.models import InquiryPage

from ..builder import DemoBuilder, stream

CONTACT = {
    "name": "Investment Promotion Bureau, Wuxi National Hi-tech District",
    "address": "No. 28 Hefeng Road, Xinwu District, Wuxi, Jiangsu, China",
    "postcode": "214135",
    "email": "bizwnd@wnd.gov.cn",
    "telephone": "+86 510 6855 9016 / +86 510 6855 9086",
    "fax": "+86 510 8521 3006",
    "website": "",
}


def load(demo: DemoBuilder) -> None:
    demo.page(
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
    )
