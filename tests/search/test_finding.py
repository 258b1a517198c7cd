"""Search finds what people type: English stemming and plurals, exact titles first,
snippets that keep cells apart and CJK snippets cut to a window."""

import re

import pytest
from django.urls import reverse
from django.utils import translation

from tests.html import result_titles
from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.demo.builder import rich, stream
from zoneportal.search.highlighting import ELLIPSIS
from zoneportal.search.text import html_to_text

from .test_cjk_search import locale_home

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _restore_language():
    with translation.override(translation.get_language()):
        yield


@pytest.fixture
def business(site_home, make_page):
    return make_page(site_home, SectionPage, title="Business")


def body(*paragraphs):
    return stream(("paragraph", rich(*paragraphs)))


def search(client, q, language_code="en"):
    with translation.override(language_code):
        url = reverse("search")
    response = client.get(url, {"q": q})
    assert response.status_code == 200
    return response.content.decode()


def snippets(html):
    return re.findall(r'<p class="search-result__snippet">(.*?)</p>', html, re.S)


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("semiconductor", "Integrated Circuits & Semiconductors"),
        ("Semiconductors", "Integrated Circuits & Semiconductors"),
        ("circuit", "Integrated Circuits & Semiconductors"),
        ("parks", "Hi-tech Industrial Park"),
        ("park", "Hi-tech Industrial Park"),
        ("policy", "Incentive Policies"),
        ("policies", "Incentive Policies"),
        ("incentives", "Incentive Policies"),
    ],
)
def test_english_stems_and_plurals_find_the_page(client, business, make_page, query, expected):
    make_page(business, StandardPage, title="Integrated Circuits & Semiconductors")
    make_page(business, StandardPage, title="Hi-tech Industrial Park", body=body("Land for rent."))
    make_page(business, StandardPage, title="Incentive Policies", body=body("Rent subsidies."))
    make_page(business, StandardPage, title="Living", body=body("Schools and hospitals."))
    assert result_titles(search(client, query)) == [expected]


def test_a_page_with_the_words_in_its_title_ranks_above_pages_that_only_mention_them(
    client, business, make_page
):
    mentions = "Semiconductor plants, semiconductor suppliers and semiconductors everywhere."
    for number in range(4):
        make_page(business, StandardPage, title=f"Annual report {number}", body=body(mentions))
    make_page(
        business,
        StandardPage,
        title="Integrated Circuits & Semiconductors",
        body=body("The district's largest cluster."),
    )
    found = result_titles(search(client, "semiconductor"))
    assert len(found) == 5
    assert found[0] == "Integrated Circuits & Semiconductors"


def test_a_chinese_title_with_the_words_ranks_above_pages_that_only_mention_them(
    client, site_home, make_page
):
    home = locale_home(site_home, "zh-hans")
    mentions = "半导体企业、半导体设备和半导体材料。" * 3
    for number in range(3):
        make_page(
            home, StandardPage, title=f"年度报告{number}", slug=f"r{number}", body=body(mentions)
        )
    make_page(home, StandardPage, title="集成电路与半导体", slug="ic", body=body("产业集群。"))
    found = result_titles(search(client, "半导体", "zh-hans"))
    assert len(found) == 4
    assert found[0] == "集成电路与半导体"


def test_a_query_equal_to_a_title_puts_that_page_first(client, business, make_page):
    # Same title words, and many mentions in the text: on relevance alone this page
    # ranks above the one whose title is exactly what was typed.
    wordy = "Each industrial park of the district; industrial parks for every industry."
    make_page(business, StandardPage, title="Parks, industrial", body=body(wordy, wordy))
    make_page(business, StandardPage, title="Industrial Parks", body=body("Where to build."))
    assert result_titles(search(client, "parks industrial"))[0] == "Parks, industrial"
    assert result_titles(search(client, "Industrial Parks")) == [
        "Industrial Parks",
        "Parks, industrial",
    ]
    assert result_titles(search(client, "industrial PARKS"))[0] == "Industrial Parks"


def test_exact_chinese_title_with_full_width_punctuation_is_first(client, site_home, make_page):
    home = locale_home(site_home, "zh-hans")
    title = "建区30周年，地区生产总值突破2200亿元"
    wordy = "地区生产总值突破2200亿元。建区30周年之际，地区生产总值再创新高。" * 3
    make_page(
        home,
        StandardPage,
        title="地区生产总值突破2200亿元，建区30周年",
        locale=home.locale,
        body=body(wordy),
    )
    make_page(home, StandardPage, title=title, locale=home.locale, body=body("新区发布统计公报。"))
    # Typed (or pasted) with its full-width comma, which query cleaning folds to ",".
    assert result_titles(search(client, title, "zh-hans"))[0] == title


def test_snippet_keeps_table_cells_list_items_and_figures_apart(client, business, make_page):
    table = {"data": [["Utility", "Supplier"], ["Water", "Xinwu Water Works"]]}
    figures = {
        "title": "At a glance",
        "figures": [
            {"value": "1992", "label": "Year founded"},
            {"value": "220", "unit": "km²", "label": "Land area"},
        ],
    }
    make_page(
        business,
        StandardPage,
        title="Utilities",
        body=stream(
            ("table", {"caption": "Utility connections", "table": table}),
            ("key_figures", figures),
            ("paragraph", "<ul><li>Apply early</li><li>Water Works inspection</li></ul>"),
        ),
    )
    (text,) = snippets(search(client, "Xinwu"))
    assert "Utility · Supplier · Water · <mark>Xinwu</mark> Water Works · At a glance" in text
    assert "1992 · Year founded · 220 · km² · Land area" in text
    (text,) = snippets(search(client, "inspection"))
    assert "Apply early · Water Works <mark>inspection</mark>" in text


def test_html_to_text_separates_blocks_but_not_sentences():
    html = "<p>First sentence.</p><p>Second</p><ul><li>one</li><li>two</li></ul><p>End</p>"
    assert html_to_text(html) == "First sentence. Second · one · two · End"
    assert html_to_text("<p>Inline <b>bold</b> text</p>") == "Inline bold text"


def test_chinese_snippet_is_a_window_around_the_match(client, site_home, make_page):
    home = locale_home(site_home, "zh-hans")
    before = "新区位于长江三角洲，交通便利，产业基础雄厚。" * 8
    after = "园区提供厂房租赁、人才公寓和一站式政务服务。" * 8
    make_page(
        home,
        StandardPage,
        title="产业概况",
        locale=home.locale,
        body=body(before + "集成电路是新区的第一大产业。" + after),
    )
    (text,) = snippets(search(client, "集成电路", "zh-hans"))
    plain = re.sub(r"</?mark>", "", text)
    assert "<mark>集成电路</mark>是新区的第一大产业" in text
    assert plain.startswith(ELLIPSIS) and plain.endswith(ELLIPSIS)
    # About 90 characters around the match, not the whole 380-character paragraph.
    assert 60 <= len(plain) <= 110
    assert plain.index("集成电路") <= 30
