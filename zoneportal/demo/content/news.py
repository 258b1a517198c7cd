"""Demo content: the News index under Media Center and a few years of articles.

Facts come from the reference facts table (/work/shared/reference/site.md, §3) and
the seed page; every sentence is our own. Images are generated illustrations, and
their alt text says so.
"""

import datetime as dt

from zoneportal.news.models import NewsArticlePage, NewsArticleRelatedLink, NewsIndexPage

from ..builder import DemoBuilder, aware, rich, stream

PHOTO_CREDIT = "wnd.gov.cn"

MOTIF_ALT = {
    "skyline": "Illustration of office towers with lit windows",
    "lake": "Illustration of a lake below rolling hills and a low sun",
    "circuit": "Illustration of circuit-board traces and solder points",
    "molecule": "Illustration of a molecule model made of linked spheres",
    "park": "Illustration of rounded trees in a park",
    "people": "Illustration of a row of stylised people standing together",
}
PALETTE_WORDS = {
    "blue": "in blue",
    "teal": "in teal",
    "dusk": "under a pink dusk sky",
    "green": "in green",
    "slate": "in slate grey",
    "amber": "in warm amber",
    "red": "in deep red",
}


def _image(demo: DemoBuilder, title: str, motif: str, palette: str, credit=PHOTO_CREDIT):
    alt = f"{MOTIF_ALT[motif]} {PALETTE_WORDS[palette]}"
    return demo.image(f"News: {title}", alt, credit=credit, motif=motif, palette=palette)


def _photo(image, caption: str, credit: str = PHOTO_CREDIT):
    return ("image", {"image": image.pk, "caption": caption, "credit": credit, "alt_text": ""})


def _builder(tags, related=()):
    """A page factory for `demo.page` that attaches tags and related links before saving."""

    def build(**fields):
        links = [NewsArticleRelatedLink(article=article) for article in related]
        page = NewsArticlePage(related_links=links, **fields)
        page.tags.add(*tags)
        return page

    return build


def _article(demo, index, slug, key, date, tags, related=(), **fields):
    fields.setdefault("publication_date", date)
    return demo.page(
        index,
        _builder(tags, related),
        slug,
        key=key,
        first_published_at=aware(date),
        **fields,
    )


def load(demo: DemoBuilder) -> None:
    media_center = demo.get("media-center")
    index = demo.page(
        media_center,
        NewsIndexPage,
        "news",
        key="news",
        title="News",
        show_in_menus=True,
        listing_summary=(
            "Announcements, investment deals, economic figures and stories from the Wuxi "
            "National Hi-tech District (Xinwu District)."
        ),
        intro=(
            "<p>The latest from the district: new projects and partnerships, economic results, "
            "policy changes and life in Xinwu. Filter by topic or year, or subscribe to the "
            "feed.</p>"
        ),
        listing_image=_image(demo, "News index", "skyline", "blue"),
    )

    _fdi_q1_2019(demo, index)
    delegation = _delegation_2019(demo, index)
    _xingzhou_2020(demo, index)
    ic_park = _sk_hynix_ic_park_2020(demo, index)
    _talent_2020(demo, index)
    _i_campus_2020(demo, index)
    _zero_carbon_2021(demo, index)
    _thirty_years_2022(demo, index)
    _six_two_x_2023(demo, index)
    ic_cluster = _ic_cluster_2023(demo, index)
    _i_campus_phase3_2023(demo, index)
    _fdi_2023(demo, index)
    _taihu_bay_2023(demo, index)
    _singapore_park_2023(demo, index)
    _gdp_2023(demo, index)
    _trade_2024(demo, index, related=(ic_park, delegation, ic_cluster))
    _key_projects_2025(demo, index)
    _week_in_wnd_2025(demo, index)
    _young_visitors_2025(demo, index)


def _fdi_q1_2019(demo, index):
    return _article(
        demo,
        index,
        "foreign-investment-up-42-percent-in-first-quarter",
        "fdi-q1-2019",
        dt.date(2019, 4, 25),
        ["Investment"],
        title="Foreign investment up 42 percent in the first quarter",
        source_name="wndonline.cn",
        listing_summary=(
            "Registered foreign investment reached $650 million in January to March 2019, "
            "42.1 percent more than a year earlier."
        ),
        listing_image=_image(demo, "FDI first quarter 2019", "skyline", "teal"),
        body=stream(
            (
                "paragraph",
                rich(
                    "Overseas companies committed $650 million of registered capital to "
                    "projects in the Wuxi National Hi-tech District in the first three months of "
                    "2019, a rise of 42.1 percent year on year.",
                    "The district also counts 17 regional headquarters recognised by the "
                    "Ministry of Commerce, a status given to companies that run operations "
                    "across several provinces from one base.",
                    "Officials credited the growth to faster approvals and to the supply chains "
                    "that have formed around the district's semiconductor and biomedical "
                    "companies.",
                ),
            ),
            (
                "key_figures",
                {
                    "title": "First quarter 2019",
                    "figures": [
                        {
                            "value": "$650M",
                            "unit": "",
                            "label": "registered foreign investment",
                            "year": "Q1 2019",
                            "source": "wndonline.cn",
                        },
                        {
                            "value": "+42.1%",
                            "unit": "",
                            "label": "year-on-year growth",
                            "year": "Q1 2019",
                            "source": "wndonline.cn",
                        },
                        {
                            "value": "17",
                            "unit": "",
                            "label": "recognised regional headquarters",
                            "year": "2019",
                            "source": "wndonline.cn",
                        },
                    ],
                },
            ),
        ),
    )


def _delegation_2019(demo, index):
    conference = _image(demo, "Business conference in South Korea", "people", "blue")
    company_visit = _image(demo, "Visit to South Korean enterprises", "people", "teal")
    murata = _image(demo, "Visit to Murata headquarters", "skyline", "slate")
    return _article(
        demo,
        index,
        "wuxi-to-deepen-cooperation-with-japan-and-south-korea",
        "delegation-2019",
        dt.date(2019, 6, 4),
        ["Investment", "Japan", "Korea", "Semiconductors"],
        title="Wuxi to deepen cooperation with Japan and South Korea",
        source_name="chinadaily.com.cn",
        deck=(
            "A week-long trade mission took Wuxi and Jiangsu officials to Seoul and Japan, "
            "where new battery and smart-garden projects agreed to come to Wuxi."
        ),
        listing_summary=(
            "Deputy Mayor Wang Jinjian led a Jiangsu delegation to South Korea and Japan from "
            "May 26 to June 1, 2019, meeting SK Group, Samsung SDI, LG Chem and Murata."
        ),
        listing_image=_image(demo, "Wuxi delegation 2019", "skyline", "dusk"),
        lead_image_caption="Wuxi's business ties with Japan and South Korea span three decades.",
        body=stream(
            _photo(
                conference,
                "Members of the Jiangsu delegation welcome leading South Korean companies to a "
                "business conference on May 27.",
            ),
            (
                "paragraph",
                rich(
                    "Between May 26 and June 1, Wuxi Deputy Mayor Wang Jinjian travelled with a "
                    "delegation from Jiangsu province to South Korea and Japan on an economic and "
                    "trade mission meant to strengthen long-standing partnerships.",
                    "In South Korea the delegation hosted a business conference on May 27. Among "
                    "the companies invited were SK Group, Samsung SDI and LG Chem. Speaking at "
                    "the event, SK Hynix chairman Lee Seok-hee praised the business environment "
                    "of the Wuxi National Hi-tech District, where the chipmaker has worked since "
                    "2005.",
                ),
            ),
            _photo(
                company_visit,
                "Deputy Mayor Wang Jinjian (fourth from right) during a visit to South Korean "
                "companies.",
            ),
            (
                "paragraph",
                rich(
                    "The province and SK Group also signed an agreement to work more closely "
                    "together in four areas: semiconductors, medicine, education and finance.",
                    "The visit followed a milestone in Wuxi. On April 18, SK Hynix completed "
                    "C2F, the $8.6 billion expansion of its fabrication plant in the district. "
                    "With the new fab the company expects to make about 45 percent of the DRAM "
                    "memory chips produced in China, and its Wuxi business expects annual sales "
                    "of around $33 billion.",
                ),
            ),
            _photo(
                murata,
                "Deputy Mayor Wang Jinjian (second from left) at the headquarters of Murata in "
                "Japan.",
            ),
            (
                "paragraph",
                rich(
                    "The Japan leg began on May 29 and lasted three days, including a visit to "
                    "the headquarters of component maker Murata. Talks focused on intelligent "
                    "manufacturing, technological innovation, new energy, biomedicine and the "
                    "creative industries.",
                    "At a cooperation meeting in Japan, two projects signed agreements to "
                    "settle in Wuxi: a smart battery project with total investment of $3.3 "
                    "billion and an innovative smart garden project worth $1.1 billion.",
                ),
            ),
        ),
    )


def _xingzhou_2020(demo, index):
    return _article(
        demo,
        index,
        "five-projects-sign-up-for-xingzhou-industrial-park",
        "xingzhou-2020",
        dt.date(2020, 1, 16),
        ["Investment", "Japan"],
        title="Five projects sign up for Xingzhou Industrial Park",
        source_name="wndonline.cn",
        listing_summary=(
            "Projects worth more than 600 million yuan, including one by Sumitomo Electric, "
            "signed agreements on January 10, 2020."
        ),
        listing_image=_image(demo, "Xingzhou signing 2020", "people", "amber"),
        body=stream(
            (
                "paragraph",
                rich(
                    "Xingzhou Industrial Park started the new year with a signing ceremony on "
                    "January 10 for five projects with combined investment of more than 600 "
                    "million yuan.",
                    "The largest name among them was Sumitomo Electric, one of several Japanese "
                    "manufacturers that have expanded in the district over the past decade.",
                    "Park officials said the projects would move quickly into construction "
                    "thanks to the district's green channel, which promises approvals for "
                    "major projects within 35 working days.",
                ),
            ),
        ),
    )


def _sk_hynix_ic_park_2020(demo, index):
    fab = _image(demo, "SK hynix IC park", "circuit", "blue")
    return _article(
        demo,
        index,
        "sk-hynix-and-wnd-agree-on-ic-industrial-park",
        "sk-hynix-ic-park-2020",
        dt.date(2020, 1, 20),
        ["Semiconductors", "Korea", "Investment"],
        title="SK hynix and WND agree on an IC industrial park",
        source_name="bizwnd.com",
        listing_summary=(
            "The memory-chip maker, in Wuxi since 2005, signed a deal with the district on "
            "January 16, 2020 to build an integrated circuit industrial park."
        ),
        listing_image=fab,
        body=stream(
            (
                "paragraph",
                rich(
                    "SK hynix and the Wuxi National Hi-tech District signed an agreement on "
                    "January 16 to develop an industrial park for integrated circuit companies.",
                    "The South Korean company arrived in Wuxi in 2005 and has invested about "
                    "$20 billion in the district since then. Its second fab, known as C2F and "
                    "worth $8.6 billion, began mass production in May 2019.",
                    "The group's presence reaches beyond the factory: an SK hospital and an SK "
                    "school also serve families in the district.",
                ),
            ),
            (
                "quote",
                {
                    "text": "The new park is designed to bring suppliers and partners close to "
                    "the fabs they serve.",
                    "attribution": "District investment promotion bureau",
                },
            ),
        ),
    )


def _talent_2020(demo, index):
    return _article(
        demo,
        index,
        "talent-programme-offers-up-to-10-million-yuan-per-team",
        "talent-2020",
        dt.date(2020, 3, 26),
        ["Talent"],
        title="Talent programme offers up to 10 million yuan per team",
        source_name="bizwnd.com",
        listing_summary=(
            "Start-up teams can receive up to 10 million yuan, and teams led by Nobel laureates "
            "or academicians up to 100 million."
        ),
        listing_image=_image(demo, "Talent programme 2020", "people", "green"),
        body=stream(
            (
                "paragraph",
                rich(
                    "The district has updated the support it offers to entrepreneurs and "
                    "researchers who bring their teams to Xinwu.",
                    "Teams can receive up to 10 million yuan in funding. For projects led by a "
                    "Nobel laureate or an academician, the ceiling rises to 100 million yuan. "
                    "Graduates returning from study abroad can claim a housing allowance of up "
                    "to 300,000 yuan.",
                    "The district was the first national hi-tech zone to run a programme for "
                    "overseas talent, launched in 2006.",
                ),
            ),
        ),
    )


def _i_campus_2020(demo, index):
    lab = _image(demo, "I-Campus laboratories", "molecule", "teal")
    campus = _image(demo, "I-Campus buildings", "skyline", "teal")
    return _article(
        demo,
        index,
        "astrazeneca-i-campus-draws-biomedical-start-ups",
        "i-campus-2020",
        dt.date(2020, 11, 30),
        ["Biomedicine", "Investment"],
        title="AstraZeneca's I-Campus draws biomedical start-ups",
        source_name="wndonline.cn",
        listing_summary=(
            "The first ten companies moved into the innovation campus in April 2020; the target "
            "is more than 100 within five years."
        ),
        listing_image=campus,
        body=stream(
            (
                "paragraph",
                rich(
                    "Biomedicine has become one of the district's fastest-growing industries. "
                    "Its output passed 53 billion yuan in 2019, and more than 150 companies now "
                    "work in the field, among them AstraZeneca, WuXi AppTec, Dizal and Jemincare.",
                    "AstraZeneca's I-Campus, agreed at the Boao Forum in 2019, is designed to "
                    "help younger companies grow next to an established manufacturer. The first "
                    "ten firms moved in during April 2020, and the campus aims to host more than "
                    "100 within five years.",
                ),
            ),
            _photo(lab, "Shared laboratories at the I-Campus are open to resident companies."),
        ),
    )


def _zero_carbon_2021(demo, index):
    return _article(
        demo,
        index,
        "jiangsu-first-zero-carbon-technology-park-opens",
        "zero-carbon-2021",
        dt.date(2021, 5, 28),
        ["Green development", "Investment"],
        title="Jiangsu's first zero-carbon technology park opens in Xinwu",
        source_name="wndonline.cn",
        listing_summary=(
            "The 24-square-kilometre Wuxi Zero Carbon Technology Industrial Park opened in May "
            "2021, the first of its kind in the province."
        ),
        listing_image=_image(demo, "Zero Carbon park", "park", "green"),
        body=stream(
            (
                "paragraph",
                rich(
                    "The Wuxi Zero Carbon Technology Industrial Park opened in May, covering 24 "
                    "square kilometres of the district.",
                    "It is the first park in Jiangsu built around zero-carbon technology. It "
                    "will host companies working on clean energy, energy storage, energy "
                    "saving and environmental services, and will test low-carbon solutions on "
                    "its own buildings and grid.",
                ),
            ),
        ),
    )


def _thirty_years_2022(demo, index):
    return _article(
        demo,
        index,
        "gdp-passes-220-billion-yuan-as-district-turns-30",
        "thirty-years-2022",
        dt.date(2022, 3, 10),
        ["Economy"],
        title="GDP passes 220 billion yuan as the district turns 30",
        source_name="wndonline.cn",
        listing_summary=(
            "The district's economy grew faster than any other part of Wuxi in 2021; the target "
            "for 2022 is growth of 6.5 percent."
        ),
        listing_image=_image(demo, "Thirty years of Xinwu", "lake", "dusk"),
        body=stream(
            (
                "paragraph",
                rich(
                    "Thirty years after it was founded in 1992, the Wuxi National Hi-tech "
                    "District reported a gross domestic product of more than 220 billion yuan "
                    "(about $34.8 billion) for 2021, the fastest growth of any district in Wuxi.",
                    "For 2022, the district has set itself a growth target of 6.5 percent.",
                ),
            ),
        ),
    )


def _six_two_x_2023(demo, index):
    return _article(
        demo,
        index,
        "6-2-x-strategy-sets-out-industrial-priorities",
        "six-two-x-2023",
        dt.date(2023, 1, 10),
        ["Investment", "Semiconductors", "Biomedicine"],
        title='"6+2+X" strategy sets out industrial priorities',
        source_name="bizwnd.com",
        listing_summary=(
            "Party Secretary Cui Rongguo outlined a modern industrial cluster strategy for the "
            "district in January 2023."
        ),
        listing_image=_image(demo, "6+2+X strategy", "circuit", "dusk"),
        body=stream(
            (
                "paragraph",
                rich(
                    'The district\'s Party Secretary, Cui Rongguo, presented a "6+2+X" strategy '
                    "for building modern industrial clusters at the start of 2023.",
                    "The plan builds on the district's existing strengths, such as integrated "
                    "circuits and biomedicine, adds two emerging industries to develop, and "
                    "leaves room (the X) for future fields as technology changes.",
                ),
            ),
        ),
    )


def _ic_cluster_2023(demo, index):
    return _article(
        demo,
        index,
        "ic-cluster-joins-national-list",
        "ic-cluster-2023",
        dt.date(2023, 2, 20),
        ["Semiconductors"],
        title="District's IC cluster joins the national list",
        source_name="chinadaily.com.cn",
        listing_summary=(
            "Worth 135.2 billion yuan at the end of 2022, the cluster makes roughly one-ninth of "
            "China's integrated circuit output."
        ),
        listing_image=_image(demo, "IC cluster 2023", "circuit", "slate"),
        body=stream(
            (
                "paragraph",
                rich(
                    "The district's integrated circuit manufacturing cluster has been named to "
                    "a national list of advanced manufacturing clusters.",
                    "By the end of 2022 the cluster's industry was worth 135.2 billion yuan, "
                    "about one-ninth of the national total. Eight of its companies are listed "
                    "on stock markets, including CR Micro, Chipown, NCE Power and Lead "
                    "Intelligent.",
                ),
            ),
        ),
    )


def _i_campus_phase3_2023(demo, index):
    return _article(
        demo,
        index,
        "astrazeneca-launches-third-phase-of-i-campus",
        "i-campus-phase3-2023",
        dt.date(2023, 5, 22),
        ["Biomedicine"],
        title="AstraZeneca launches the third phase of I-Campus",
        source_name="chinaservicesinfo.com",
        listing_summary=(
            "Thirty years after arriving in the district, AstraZeneca opened the next phase of "
            "its innovation campus on May 19, 2023."
        ),
        listing_image=_image(demo, "I-Campus phase 3", "molecule", "blue"),
        body=stream(
            (
                "paragraph",
                rich(
                    "AstraZeneca reaffirmed its commitment to the Wuxi National Hi-tech "
                    "District on May 19 by launching phase 3 of its I-Campus.",
                    "The company has been in the district since 1993. The new phase adds space "
                    "for biomedical start-ups that want to work near one of the world's largest "
                    "drugmakers.",
                ),
            ),
        ),
    )


def _fdi_2023(demo, index):
    return _article(
        demo,
        index,
        "foreign-investment-up-86-percent-in-first-half",
        "fdi-h1-2023",
        dt.date(2023, 8, 11),
        ["Investment", "Korea"],
        title="Foreign investment up 86 percent in the first half",
        source_name="wndonline.cn",
        listing_summary=(
            "After a record $1.352 billion in 2022, the district used $725 million of foreign "
            "investment in January to June 2023."
        ),
        listing_image=_image(demo, "FDI first half 2023", "skyline", "amber"),
        body=stream(
            (
                "paragraph",
                rich(
                    "The district put $725 million of foreign investment to use in the first "
                    "half of 2023, 86 percent more than in the same period of 2022.",
                    "Last year was already a record: foreign direct investment used in 2022 "
                    "reached $1.352 billion.",
                ),
            ),
        ),
    )


def _taihu_bay_2023(demo, index):
    return _article(
        demo,
        index,
        "taihu-bay-sci-tech-city-posts-strong-first-half",
        "taihu-bay-2023",
        dt.date(2023, 8, 11),
        ["Investment"],
        title="Taihu Bay Sci-Tech Innovation City posts a strong first half",
        source_name="bizwnd.com",
        listing_summary=(
            "Taxable sales topped 70 billion yuan and 341 invention patents were granted in the "
            "first six months of 2023."
        ),
        listing_image=_image(demo, "Taihu Bay Sci-Tech City", "lake", "blue"),
        body=stream(
            (
                "paragraph",
                rich(
                    "Companies in the Taihu Bay Sci-Tech Innovation City reported taxable sales "
                    "of more than 70 billion yuan in the first half of 2023.",
                    "The area was granted 341 invention patents over the same six months.",
                ),
            ),
        ),
    )


def _singapore_park_2023(demo, index):
    return _article(
        demo,
        index,
        "wuxi-singapore-industrial-park-turns-30",
        "singapore-park-2023",
        dt.date(2023, 12, 19),
        ["Investment", "Singapore"],
        title="Wuxi-Singapore Industrial Park turns 30",
        source_name="chinaservicesinfo.com",
        listing_summary=(
            "The park founded with Sembcorp in 1993 marked its anniversary as a new Sci-Tech "
            "Innovation City launched with 23 projects."
        ),
        listing_image=_image(demo, "Wuxi-Singapore Industrial Park", "skyline", "green"),
        body=stream(
            (
                "paragraph",
                rich(
                    "The Wuxi-Singapore Industrial Park, set up with Sembcorp at the end of 1993, "
                    "celebrated its 30th anniversary in December.",
                    "At the celebration the park launched a Sci-Tech Innovation City with 23 "
                    "projects worth a combined 46.4 billion yuan.",
                ),
            ),
        ),
    )


def _gdp_2023(demo, index):
    return _article(
        demo,
        index,
        "wnd-economy-grows-6-1-percent-in-2023",
        "gdp-2023",
        dt.date(2024, 2, 22),
        ["Economy", "Investment"],
        title="WND economy grows 6.1 percent in 2023",
        source_name="chinadaily.com.cn",
        listing_summary=(
            "GDP reached 251.57 billion yuan, per-capita GDP 345,800 yuan and foreign trade "
            "356.39 billion yuan."
        ),
        listing_image=_image(demo, "GDP 2023", "skyline", "slate"),
        body=stream(
            (
                "paragraph",
                rich(
                    "The district's gross domestic product grew 6.1 percent in 2023 to 251.57 "
                    "billion yuan, according to figures released in February.",
                ),
            ),
            (
                "key_figures",
                {
                    "title": "The district in 2023",
                    "figures": [
                        {
                            "value": "251.57",
                            "unit": "bn yuan",
                            "label": "GDP (+6.1%)",
                            "year": "2023",
                            "source": "chinadaily.com.cn",
                        },
                        {
                            "value": "345,800",
                            "unit": "yuan",
                            "label": "GDP per person",
                            "year": "2023",
                            "source": "chinadaily.com.cn",
                        },
                        {
                            "value": "1.14",
                            "unit": "bn USD",
                            "label": "foreign investment used",
                            "year": "2023",
                            "source": "chinadaily.com.cn",
                        },
                        {
                            "value": "356.39",
                            "unit": "bn yuan",
                            "label": "foreign trade",
                            "year": "2023",
                            "source": "chinadaily.com.cn",
                        },
                    ],
                },
            ),
        ),
    )


def _trade_2024(demo, index, related=()):
    return _article(
        demo,
        index,
        "foreign-trade-hits-record-in-first-eight-months",
        "trade-2024",
        dt.date(2024, 9, 20),
        ["Economy", "Korea", "Semiconductors"],
        related=related,
        title="Foreign trade hits a record in the first eight months",
        source_name="chinadaily.com.cn",
        listing_summary=(
            "Trade reached 253.2 billion yuan from January to August 2024, half of Wuxi's total."
        ),
        listing_image=_image(demo, "Trade 2024", "circuit", "amber"),
        body=stream(
            (
                "paragraph",
                rich(
                    "Imports and exports through the district totalled 253.2 billion yuan in "
                    "the first eight months of 2024, up 10 percent year on year.",
                    "That is 50.7 percent of all foreign trade in Wuxi. Chipmaker SK hynix was "
                    "a major driver, with its trade up 47 percent.",
                ),
            ),
        ),
    )


def _key_projects_2025(demo, index):
    fair = _image(demo, "Taibo Temple Fair 2025", "people", "red")
    projects = _image(demo, "Key projects 2025", "skyline", "red")
    return _article(
        demo,
        index,
        "63-key-projects-and-a-crowded-temple-fair-open-2025",
        "key-projects-2025",
        dt.date(2025, 2, 12),
        ["Investment", "Culture"],
        title="63 key projects and a crowded temple fair open 2025",
        source_name="wndonline.cn",
        listing_summary=(
            "Ten provincial and 53 municipal key projects are planned for 2025, while the Taibo "
            "Temple Fair drew more than 100,000 visitors."
        ),
        listing_image=projects,
        body=stream(
            (
                "paragraph",
                rich(
                    "Ten projects in the district made Jiangsu's list of provincial key projects "
                    "for 2025, with total investment of 71.91 billion yuan. Another 53 are on "
                    "Wuxi's municipal list, worth 129.31 billion yuan.",
                ),
            ),
            _photo(
                fair,
                "Crowds at the Taibo Temple Fair on February 6.",
                credit="WeChat account: xinwu_wx",
            ),
            (
                "paragraph",
                rich(
                    "The Lantern Festival season also brought the Taibo Temple Fair back on "
                    "February 6. More than 100,000 people came for the food stalls, folk "
                    "performances and crafts.",
                ),
            ),
        ),
    )


def _week_in_wnd_2025(demo, index):
    gigalane = _image(demo, "Gigalane China headquarters", "circuit", "teal")
    digest = _image(demo, "This Week in WND March 2025", "skyline", "teal")
    return _article(
        demo,
        index,
        "this-week-in-wnd-2025-03-17-2025-03-23",
        "week-in-wnd-2025-03",
        dt.date(2025, 3, 27),
        ["Investment", "Korea", "Semiconductors"],
        title="This Week in WND (2025/03/17-2025/03/23)",
        source_name="wndonline.cn",
        listing_summary=(
            "Gigalane opens its China headquarters, JD signs for a cross-border e-commerce park, "
            "and more from the week."
        ),
        listing_image=digest,
        body=stream(
            (
                "paragraph",
                "<ul>"
                "<li><b>Gigalane sets up China headquarters.</b> The South Korean company "
                "opened its China headquarters at the Xingang IC Equipment Parts Industrial Park "
                "on March 20.</li>"
                "<li><b>JD cross-border e-commerce park.</b> On March 19 the district signed an "
                "agreement with JD for a park serving cross-border online retail.</li>"
                "<li><b>Key projects under way.</b> Work continues on the 10 provincial key "
                "projects (71.91 billion yuan) and 53 municipal key projects (129.31 billion "
                "yuan) planned for this year.</li>"
                "<li><b>Green channel reminder.</b> Major projects can receive their approvals "
                "within 35 working days, ordinary projects within 50.</li>"
                "<li><b>Talent support.</b> Applications remain open for team funding of up to "
                "10 million yuan under the district's talent programme.</li>"
                "</ul>",
            ),
            _photo(gigalane, "Gigalane's new China headquarters in the Xingang park."),
        ),
    )


def _young_visitors_2025(demo, index):
    erhu = _image(demo, "Meicun Erhu Industrial Park", "people", "amber")
    lake = _image(demo, "Young visitors by Lake Taihu", "lake", "amber")
    return _article(
        demo,
        index,
        "young-visitors-from-12-countries-discover-xinwu",
        "young-visitors-2025",
        dt.date(2025, 11, 12),
        ["Culture", "Talent"],
        title="Young visitors from 12 countries discover Xinwu",
        source_name="bizwnd.com",
        deck="Discover Wuxi's living heritage.",
        listing_summary=(
            "Seventeen young people from 12 countries spent October 27 and 28 in the district, "
            "including a stop at the Meicun Erhu Industrial Park."
        ),
        listing_image=lake,
        body=stream(
            (
                "paragraph",
                rich(
                    "Seventeen young visitors from 12 countries toured the district on October "
                    "27 and 28.",
                    "One highlight was the Meicun Erhu Industrial Park, where craftspeople make "
                    "the two-stringed instrument by hand. Visitors tried playing it and heard "
                    "how the local workshops supply orchestras across China.",
                ),
            ),
            _photo(erhu, "Visitors at the Meicun Erhu Industrial Park on October 27."),
        ),
    )
