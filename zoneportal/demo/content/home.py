"""Runs last: wires the home page, its carousel and the site settings to the demo pages."""

from wagtail.models import Site

from zoneportal.core.models import FooterText, HeroSlide, NavigationSettings

from ..builder import DemoBuilder, stream

SLIDES = (
    # heading, caption, link key, link text, image title, alt, motif, palette
    (
        "Invest where 1,600 foreign companies already grow",
        "From chips to biomedicine, WND is one of China's most international hi-tech zones.",
        "business",
        "Explore our industries",
        "Hero: Taihu Bay skyline",
        "Illustration of a modern city skyline at dusk beside a lake",
        "skyline",
        "dusk",
    ),
    (
        "Approvals in 35 working days",
        "Major projects move through a green channel with one contact from first meeting to start-up.",
        "investment-guides",
        "Read the investment guides",
        "Hero: one-stop service",
        "Illustration of a service hall with people queuing at counters",
        "people",
        "teal",
    ),
    (
        "Live by Lake Taihu",
        "International schools, hospitals and 40+ air routes from Sunan Shuofang airport.",
        "living",
        "Living in WND",
        "Hero: Lake Taihu",
        "Illustration of hills, a lake and the evening sun",
        "lake",
        "blue",
    ),
)

FOOTER_SECTIONS = (
    "about",
    "media-center",
    "investment-guides",
    "business",
    "culture-tourism",
    "living",
)


def load(demo: DemoBuilder) -> None:
    home = demo.get("home")
    home.guides_page = demo.pages.get("investment-guides")
    home.industries_page = demo.pages.get("key-industries")
    home.message_page = demo.pages.get("message")
    home.message_call_to_action = (
        "Tell us about your project: where you are from, what you make and what you need. "
        "An investment officer replies within two working days."
    )
    if not home.hero_slides.exists():
        for order, slide in enumerate(SLIDES):
            heading, caption, key, link_text, image_title, alt, motif, palette = slide
            home.hero_slides.add(
                HeroSlide(
                    sort_order=order,
                    heading=heading,
                    caption=caption,
                    link_page=demo.pages.get(key),
                    link_text=link_text,
                    image=demo.image(
                        image_title, alt, motif=motif, palette=palette, size=(1600, 640)
                    ),
                )
            )
    home.save_revision().publish()
    _site_settings(demo, home)


def _site_settings(demo: DemoBuilder, home) -> None:
    site = Site.objects.get(root_page=home)
    footer_text = FooterText.objects.filter(locale=home.locale).first()
    if footer_text is None:
        footer_text = FooterText.objects.create(
            locale=home.locale,
            copyright_line=(
                "© Wuxi National Hi-tech District Administrative Committee. All rights reserved. "
                "Built with ZonePortal."
            ),
            address=(
                "No. 28 Hefeng Road, Xinwu District, Wuxi, Jiangsu 214135, China\n"
                "bizwnd@wnd.gov.cn · +86 510 6855 9016"
            ),
        )
    nav = NavigationSettings.for_site(site)
    if not nav.footer_groups:
        nav.footer_groups = stream(
            *(
                ("group", {"section": demo.get(key).pk, "links": []})
                for key in FOOTER_SECTIONS
                if key in demo.pages
            )
        )
    nav.footer_text = footer_text
    nav.save()
