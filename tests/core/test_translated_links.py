"""Translated pages link to translated pages: no href into /en/ from /ja/.

Page references (a company's park, a news article's chosen related articles, the
home page's sections, footer groups, rich-text page links ...) stay pointed at the
English source in a translation, as wagtail-localize synchronises them; every one
must be localised when rendered. This builds one small English tree with a page of
every type and references between them, copies it into Japanese (references still
pointing at English pages, as in a real translation) and renders each Japanese page.
Only the language switch and the hreflang alternates may lead to /en/.
"""

import datetime as dt
import json
import re

import pytest
from django.utils import timezone
from wagtail.models import Locale, Page, get_page_models

from zoneportal.business.models import (
    CompanyIndexPage,
    CompanyPage,
    IndustryIndexPage,
    IndustryPage,
    ParkIndexPage,
    ParkPage,
)
from zoneportal.core.models import HeroSlide, NavigationSettings, SectionPage, StandardPage
from zoneportal.culture.models import AttractionPage, EventIndexPage, EventPage, SpecialtyPage
from zoneportal.demo.builder import rich, stream
from zoneportal.guides.models import PolicyPage, ProcedurePage, QAPage
from zoneportal.inquiries.models import InquiryPage
from zoneportal.media.models import VideoIndexPage, VideoPage
from zoneportal.news.models import NewsArticlePage, NewsArticleRelatedLink, NewsIndexPage

pytestmark = pytest.mark.django_db

LINKING_TAG = re.compile(r"<(?:a|link|area|form)\b[^>]*>", re.I)
INTO_ENGLISH = re.compile(r'(?:href|action)="(?:https?://[^/"]+)?(/en/[^"]*)"')


def english_links(html: str) -> list[str]:
    """Links into /en/ other than the language switch and the hreflang alternates."""
    found = []
    for tag in LINKING_TAG.findall(html):
        match = INTO_ENGLISH.search(tag)
        if match and "hreflang=" not in tag:
            found.append(match.group(1))
    return found


def test_english_links_spots_leaks_but_not_the_language_switch():
    html = (
        '<link rel="alternate" hreflang="en" href="http://testserver/en/a/">'
        '<a href="/en/a/" lang="en" hreflang="en">English</a>'
        '<a href="/ja/b/">b</a><a class="x" href="/en/c/">c</a>'
        '<form method="get" action="/en/d/">'
    )
    assert english_links(html) == ["/en/c/", "/en/d/"]


@pytest.fixture
def english_tree(site_home, make_page, make_image):
    """One page of every type, with references between them, all in English."""
    image = make_image(title="Skyline", alt="Office towers")
    sections = {
        name: make_page(site_home, SectionPage, title=name, show_in_menus=True)
        for name in ("About", "Media Center", "Investment Guides", "Business", "Culture")
    }
    about = sections["About"]
    contact = make_page(about, StandardPage, title="Contact Us", show_in_menus=True)
    overview = make_page(
        about,
        StandardPage,
        title="Overview",
        show_in_menus=True,
        listing_image=image,
        body=stream(
            ("paragraph", f'<p>Please <a linktype="page" id="{contact.pk}">contact us</a>.</p>'),
            ("image", {"image": image.pk, "caption": "Towers", "credit": "", "alt_text": ""}),
        ),
    )
    message = make_page(site_home, InquiryPage, title="Leave Your Message Here")

    news = make_page(sections["Media Center"], NewsIndexPage, title="News", show_in_menus=True)
    older = make_page(
        news,
        NewsArticlePage,
        title="SK hynix and WND agree on an IC park",
        publication_date=dt.date(2020, 6, 1),
        listing_image=image,
    )
    newer = make_page(
        news,
        NewsArticlePage,
        title="Foreign trade hits a record",
        publication_date=dt.date(2024, 9, 1),
        listing_image=image,
    )
    NewsArticleRelatedLink.objects.create(page=newer, article=older, sort_order=0)
    newer.save_revision().publish()
    videos = make_page(sections["Media Center"], VideoIndexPage, title="Videos")
    make_page(
        videos,
        VideoPage,
        title="Taihu Bay",
        publication_date=dt.date(2024, 5, 1),
        poster=image,
        external_embed_url="https://video.example.org/watch/1",
    )

    guides = sections["Investment Guides"]
    step = {
        "title": "Register",
        "instructions": rich(f'Ask <a linktype="page" id="{contact.pk}">us</a>.'),
        "responsible_body": "",
        "documents": [],
        "time_limit": "",
    }
    make_page(guides, ProcedurePage, title="Setting up", steps=stream(("step", step)))
    make_page(
        guides,
        PolicyPage,
        title="Twelve measures",
        summary=rich("Support."),
        effective_date=dt.date(2020, 5, 27),
    )
    topic = {"heading": "Tax", "questions": [{"question": "Rate?", "answer": rich("15%.")}]}
    make_page(guides, QAPage, title="Q & A", topics=stream(("topic", topic)))

    business = sections["Business"]
    industries = make_page(business, IndustryIndexPage, title="Key Industries")
    chips = make_page(industries, IndustryPage, title="Integrated Circuits", listing_image=image)
    parks = make_page(business, ParkIndexPage, title="Industrial Parks")
    park = make_page(
        parks,
        ParkPage,
        title="Xingzhou Industrial Park",
        latitude="31.550000",
        longitude="120.360000",
        focus_industries=[chips],
        listing_image=image,
    )
    companies = make_page(business, CompanyIndexPage, title="Star Companies")
    make_page(
        companies,
        CompanyPage,
        title="SK hynix",
        industry=chips,
        park=park,
        logo=image,
        country="KR",
    )

    culture = sections["Culture"]
    events = make_page(culture, EventIndexPage, title="Events")
    start = timezone.now().replace(microsecond=0) + dt.timedelta(days=10)
    make_page(
        events,
        EventPage,
        title="Temple fair",
        start=start,
        end=start + dt.timedelta(hours=3),
        venue_name="Taibo Temple",
        listing_image=image,
    )
    make_page(culture, AttractionPage, title="Hongshan Park", listing_image=image)
    make_page(culture, SpecialtyPage, title="Erhu", listing_image=image)

    site_home.industries_page = industries
    site_home.guides_page = guides
    site_home.message_page = message
    site_home.intro = f'<p>See <a linktype="page" id="{overview.pk}">our overview</a>.</p>'
    site_home.hero_slides = [
        HeroSlide(heading="Invest", image=image, link_page=overview, link_text="Read more")
    ]
    site_home.save_revision().publish()

    settings = NavigationSettings.for_site(site_home.get_site())
    settings.footer_groups = json.dumps(
        [{"type": "group", "value": {"section": about.pk, "links": [overview.pk, contact.pk]}}]
    )
    settings.save()
    return site_home


def translate_tree(home, language_code):
    """Copy every English page into the locale, parents first, and publish the copies."""
    locale = Locale.objects.get(language_code=language_code)
    for page in home.get_descendants(inclusive=True).order_by("path").specific():
        copy = page.copy_for_translation(locale)
        copy.save_revision().publish()
    return Page.objects.filter(locale=locale).live().exclude(depth=1).order_by("path").specific()


def test_no_link_into_english_from_any_japanese_page(client, english_tree):
    japanese_pages = list(translate_tree(english_tree, "ja"))
    leaks, pages = {}, {}
    rendered_types = set()
    for page in japanese_pages:
        url = page.url
        assert url.startswith("/ja/"), url
        response = client.get(url)
        assert response.status_code == 200, url
        html = response.content.decode()
        pages[url] = html
        rendered_types.add(type(page))
        links = english_links(html)
        if links:
            leaks[url] = links
        # The language switch and the alternates still lead to the English page.
        assert re.search(r'<a href="/en/[^"]*" lang="en" hreflang="en"', html), url
    assert leaks == {}

    # Every page type of the portal is covered: add new types to english_tree.
    portal_types = {
        model for model in get_page_models() if model.__module__.startswith("zoneportal.")
    }
    assert portal_types - rendered_types == set()

    # The references known to have leaked, now pointing at the Japanese pages.
    article = pages["/ja/media-center/news/foreign-trade-hits-a-record/"]
    related = article[article.index('id="news-related-title"') :]
    assert 'href="/ja/media-center/news/sk-hynix-and-wnd-agree-on-an-ic-park/"' in related
    company = pages["/ja/business/star-companies/sk-hynix/"]
    assert 'href="/ja/business/industrial-parks/xingzhou-industrial-park/"' in company
