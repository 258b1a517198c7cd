"""The site itself: locale, home page, Wagtail Site and the six top-level sections."""

from wagtail.models import Locale, Page, Site

from zoneportal.core.models import HomePage, SectionPage

from ..builder import DemoBuilder

SECTIONS = (
    (
        "about",
        "About",
        "Who we are: the Wuxi National Hi-tech District, also known as Xinwu District, "
        "and why companies from more than 40 countries have chosen it.",
    ),
    (
        "media-center",
        "Media Center",
        "News from the district, photo stories and videos about projects, people and places.",
    ),
    (
        "investment-guides",
        "Investment Guides",
        "Step-by-step procedures, preferential policies, talent programmes and answers to the "
        "questions investors ask us most.",
    ),
    (
        "business",
        "Business",
        "The industries that drive the district, the parks that host them and the companies "
        "that have grown here.",
    ),
    (
        "culture-tourism",
        "Culture & Tourism",
        "Festivals, heritage sites and local specialities, from the Hongshan archaeological park "
        "to the erhu makers of Meicun.",
    ),
    (
        "living",
        "Living",
        "Practical information for international staff and their families: getting around, "
        "schools, hospitals, visas, shopping and housing.",
    ),
)


def load(demo: DemoBuilder) -> None:
    locale = Locale.objects.get_or_create(language_code="en")[0]
    root = Page.get_first_root_node()
    home = HomePage.objects.filter(locale=locale, depth=2).first()
    if home is None:
        _remove_wagtail_welcome_page(root)
        home = HomePage(
            title="Wuxi National Hi-tech District",
            slug="home",
            locale=locale,
            seo_title="Invest in Wuxi National Hi-tech District (Xinwu)",
            listing_summary=(
                "The official investor portal of the Wuxi National Hi-tech District (Xinwu "
                "District), Jiangsu, China: news, investment guides, industries, parks and services."
            ),
            intro=(
                "<p>Founded in 1992 beside Lake Taihu, the <b>Wuxi National Hi-tech District</b> "
                "(Xinwu District) is home to more than 1,600 foreign-invested companies, from "
                "SK hynix and AstraZeneca to Murata and Sumitomo Electric. This portal helps you "
                "find your way around: the procedures, the policies, the parks and the people "
                "who will answer your questions.</p>"
            ),
        )
        root.add_child(instance=home)
        home.save_revision().publish()
        demo.created += 1
    demo.pages["home"] = home
    _point_default_site_at(home)
    for slug, title, summary in SECTIONS:
        demo.page(
            home,
            SectionPage,
            slug,
            key=slug,
            title=title,
            show_in_menus=True,
            listing_summary=summary,
            intro=f"<p>{summary}</p>",
        )


def _remove_wagtail_welcome_page(root: Page) -> None:
    """Wagtail's first migration creates a placeholder page; the demo home replaces it."""
    for child in root.get_children():
        if child.specific_class is Page:
            child.delete()


def _point_default_site_at(home: HomePage) -> None:
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(
            hostname="localhost",
            port=80,
            root_page=home,
            is_default_site=True,
            site_name="Wuxi National Hi-tech District",
        )
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.site_name = "Wuxi National Hi-tech District"
        site.save()
