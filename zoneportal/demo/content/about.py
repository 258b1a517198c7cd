"""Demo content for the About section: Overview, Why WND and Contact Us.

All figures come from the reference facts table (/work/shared/reference/site.md, §3);
the wording is our own. Each figure carries its year so readers can judge freshness.
"""

import datetime as dt

from zoneportal.core.models import StandardPage

from ..builder import DemoBuilder, rich, stream

REVIEWED = dt.date(2026, 10, 15)

ADDRESS = "No. 28 Hefeng Road, Xinwu District, Wuxi, Jiangsu Province, China"
POSTCODE = "214135"
EMAIL = "bizwnd@wnd.gov.cn"
TELEPHONE = "+86 510 6855 9016 / +86 510 6855 9086"
FAX = "0510-85213006 (+86 510 8521 3006)"

FACT_SHEET = """\
WUXI NATIONAL HI-TECH DISTRICT (WND) / XINWU DISTRICT - FACT SHEET
Last reviewed: 2026-10-15

PROFILE
- Founded: 1992, as the Wuxi New District development zone
- District status: Xinwu District, formally established on 20 February 2016
- Area: about 220 km2
- Resident population: about 724,100 (district overview, 2022 data)
- Subdistricts: Shuofang, Wangzhuang, Jiangxi, Meicun, Hongshan, Xin'an
- Seat of government: No. 28 Hefeng Road, Xinwu District, Wuxi 214135

ECONOMY
- GDP 2015: 130.2 billion yuan (about 15% of Wuxi's GDP on 4.6% of its land)
- GDP 2019: 184.55 billion yuan (+6.3%)
- GDP 2021: more than 220 billion yuan, the fastest growth in Wuxi
- GDP 2023: 251.57 billion yuan (+6.1%); per capita 345,800 yuan
- Foreign trade 2023: 356.39 billion yuan
- Actual use of foreign investment: USD 1.32 bn (2019), USD 1.352 bn (2022, a record),
  USD 1.14 bn (2023)

BUSINESS COMMUNITY (2020)
- More than 26,000 enterprises, of which more than 1,600 are foreign-invested
- More than 10,000 foreign residents

INNOVATION AND TALENT (2020)
- R&D spending: 3.76% of GDP
- 620 high-tech enterprises; 14 incubators; 21 R&D institutions
- 126 invention patents per 10,000 people
- Pool of about 275,000 high-level professionals
- First national hi-tech zone to launch an overseas-talent programme (2006)

CONTACT
Investment Promotion Bureau, Wuxi National Hi-tech District
No. 28 Hefeng Road, Xinwu District, Wuxi, Jiangsu 214135, China
Email: bizwnd@wnd.gov.cn
Tel: +86 510 6855 9016 / +86 510 6855 9086
Fax: +86 510 8521 3006
"""


def load(demo: DemoBuilder) -> None:
    about = demo.get("about")
    _overview(demo, about)
    _why_wnd(demo, about)
    _contact_us(demo, about)


# -- Overview -------------------------------------------------------------------------


def _overview(demo: DemoBuilder, parent) -> None:
    skyline = demo.image(
        "About: Taihu Bay Sci-Tech Innovation City",
        "Illustration of a row of office towers with lit windows against a blue sky",
        credit="wnd.gov.cn",
        motif="skyline",
        palette="blue",
    )
    fact_sheet = demo.document("WND fact sheet 2026", FACT_SHEET)
    demo.page(
        parent,
        StandardPage,
        "overview",
        key="overview",
        title="Overview",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_image=skyline,
        listing_summary=(
            "Founded in 1992 and a city district since February 2016, WND covers 220 km² of "
            "southeast Wuxi and hosts more than 1,600 foreign-invested companies."
        ),
        body=stream(
            (
                "paragraph",
                rich(
                    "The Wuxi National Hi-tech District (WND) lies in the southeast of Wuxi, "
                    "Jiangsu Province, between Shanghai and Nanjing in the Yangtze River Delta. "
                    "You will also see it called Wuxi New District or, since it became a "
                    "full administrative district, <b>Xinwu District</b>. All three names "
                    "refer to the same place and the same local government.",
                ),
            ),
            (
                "key_figures",
                {
                    "title": "WND at a glance",
                    "figures": [
                        {
                            "value": "1992",
                            "unit": "",
                            "label": "Year founded",
                            "year": "",
                            "source": "District overview",
                        },
                        {
                            "value": "220",
                            "unit": "km²",
                            "label": "Land area",
                            "year": "",
                            "source": "District overview",
                        },
                        {
                            "value": "about 724,100",
                            "unit": "",
                            "label": "Resident population",
                            "year": "2022",
                            "source": "District overview (Japanese edition)",
                        },
                        {
                            "value": "1,600+",
                            "unit": "",
                            "label": "Foreign-invested enterprises",
                            "year": "2020",
                            "source": "wndonline.cn",
                        },
                    ],
                },
            ),
            ("heading", {"text": "From development zone to city district", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "WND was founded in 1992 as one of China's early national high-tech "
                    "development zones. Until 2016 it was run purely as a development zone, "
                    "focused on attracting manufacturers and research centres. In 2006 "
                    "it became the first national hi-tech zone in China to launch a dedicated "
                    "programme for recruiting talent from overseas.",
                    "In February 2016 the zone was given the status of a city district under "
                    "the name Xinwu District; the new district government was formally set up "
                    "on 20 February 2016. The district government and the hi-tech zone "
                    "administration share their seat at No. 28 Hefeng Road, so investors find "
                    "planning, permits and public services in one place. The district "
                    "covers about 220 km² and is home to about 724,100 "
                    "residents. (An older English overview gave 560,000; the higher figure "
                    "is the more recent one.)",
                ),
            ),
            ("heading", {"text": "Six subdistricts", "level": "h3"}),
            (
                "paragraph",
                "<p>Xinwu is divided into six subdistricts, the level at which residents "
                "register and many local services are delivered:</p>"
                "<ul><li>Shuofang, around the Sunan Shuofang International Airport</li>"
                "<li>Wangzhuang</li><li>Jiangxi</li>"
                "<li>Meicun, known for its erhu workshops</li>"
                "<li>Hongshan, home to the Hongshan National Archaeological Park</li>"
                "<li>Xin'an</li></ul>",
            ),
            ("heading", {"text": "Economy", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "WND is one of the main engines of the Wuxi economy. In 2015, with 4.6% "
                    "of the city's land and 6.8% of its population, the district produced "
                    "about 15% of Wuxi's GDP. Output has grown steadily since: GDP passed "
                    "220 billion yuan in 2021, the fastest growth of any district in Wuxi "
                    "that year, and reached 251.57 billion yuan in 2023, an increase of 6.1%. "
                    "Per-capita GDP in 2023 was 345,800 yuan.",
                    "The district is also strongly export-oriented. Foreign trade reached "
                    "356.39 billion yuan in 2023, and in the first eight months of 2024 WND "
                    "accounted for just over half of Wuxi's total trade. According to the "
                    "district's earlier overview, WND ranked second among Jiangsu's national "
                    "development zones for ten consecutive years.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Selected economic indicators, 2015–2023",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": "",
                        "data": [
                            ["Year", "GDP", "Change on previous year", "Actual use of FDI"],
                            ["2015", "130.2 bn yuan (about USD 20 bn)", "—", "—"],
                            ["2019", "184.55 bn yuan", "+6.3%", "USD 1.32 bn"],
                            ["2021", "over 220 bn yuan", "fastest in Wuxi", "—"],
                            ["2022", "—", "—", "USD 1.352 bn (record)"],
                            ["2023", "251.57 bn yuan", "+6.1%", "USD 1.14 bn"],
                        ],
                    },
                },
            ),
            ("heading", {"text": "An international business community", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "By 2020 more than 26,000 enterprises were registered in the district, "
                    "more than 1,600 of them foreign-invested, and over 10,000 foreign "
                    "nationals lived here. Companies from Korea, Japan, Singapore and Europe "
                    "run plants, R&amp;D centres and regional headquarters "
                    "in WND; SK hynix has been here since 2005 and AstraZeneca since 1993.",
                    "Actual use of foreign direct investment reached a record USD 1.352 "
                    "billion in 2022 and USD 1.14 billion in 2023. The Wuxi-Singapore "
                    "Industrial Park, set up with Sembcorp at the end of 1993, celebrated its "
                    "30th anniversary in 2023.",
                ),
            ),
            (
                "image",
                {
                    "image": skyline.pk,
                    "caption": (
                        "Office towers in the Taihu Bay Sci-Tech Innovation City, where many "
                        "of the district's R&D centres are based."
                    ),
                    "credit": "wnd.gov.cn",
                    "alt_text": "",
                },
            ),
            ("heading", {"text": "Industries and innovation", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Integrated circuits are the district's largest cluster: output reached "
                    "135.2 billion yuan at the end of 2022, roughly one ninth of China's "
                    "total. Alongside it are biomedicine, the Internet of Things and sensor "
                    "networks, new materials and displays, new energy and new energy "
                    "vehicles, and energy saving and environmental protection: the emerging "
                    "industries on which the district has built its growth. Since January "
                    "2023 industrial policy has followed a “6+2+X” strategy for modern "
                    "industrial clusters.",
                    "Research spending was equivalent to 3.76% of GDP in 2020, when the "
                    "district counted 620 high-tech enterprises and 126 invention patents "
                    "for every 10,000 residents.",
                ),
            ),
            (
                "documents",
                {
                    "title": "Download",
                    "documents": [
                        {
                            "document": fact_sheet.pk,
                            "title": "WND fact sheet: key figures on one page",
                        }
                    ],
                },
            ),
        ),
    )


# -- Why WND --------------------------------------------------------------------------


def _why_wnd(demo: DemoBuilder, parent) -> None:
    chip = demo.image(
        "About: integrated circuit cluster",
        "Illustration of circuit-board traces leading to a square chip in the centre",
        credit="China Daily",
        motif="circuit",
        palette="teal",
    )
    demo.page(
        parent,
        StandardPage,
        "why-wnd",
        key="why-wnd",
        title="Why WND",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_image=chip,
        listing_summary=(
            "Six practical reasons companies choose Xinwu: connections, supply chains, "
            "research, people, fast approvals and a place where international families settle."
        ),
        body=stream(
            (
                "paragraph",
                rich(
                    "Choosing a location is a long-term decision. These are the six reasons "
                    "investors most often give us for choosing WND, with the figures behind "
                    "them. Each has its own section below.",
                )
                + "<ol>"
                "<li><b>Location and transport:</b> Shanghai and most of East Asia within easy "
                "reach.</li>"
                "<li><b>Industrial clusters:</b> suppliers and customers already in the "
                "district.</li>"
                "<li><b>Innovation:</b> high research spending, incubators and a dense patent "
                "base.</li>"
                "<li><b>Talent:</b> a deep pool of engineers and managers.</li>"
                "<li><b>Services:</b> a green channel for project approvals.</li>"
                "<li><b>International community:</b> schools, hospitals and neighbours who "
                "speak your language.</li>"
                "</ol>",
            ),
            ("heading", {"text": "1. Location and transport", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "WND sits on the main corridor between Shanghai and Nanjing. The fastest "
                    "trains reach Shanghai in about 30 minutes and Beijing in about four and "
                    "a half hours. The Sunan Shuofang International Airport is inside the "
                    "district: besides more than 40 domestic routes, it has direct flights to "
                    "Hong Kong, Macau, Taiwan, Tokyo, Osaka, Singapore, Korea and Thailand. "
                    "From the Taihu International Science Park, for example, the airport is "
                    "only about 3 km away.",
                ),
            ),
            ("heading", {"text": "2. Industrial clusters", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "A new plant works best where its suppliers and customers already are. "
                    "WND's integrated circuit cluster, anchored by SK hynix and listed "
                    "companies such as CR Micro, Chipown and NCE Power, produced "
                    "135.2 billion yuan at the end of 2022, about one ninth of China's total, "
                    "and was included on a national cluster list in early 2023. "
                    "More than 150 biomedical companies, including AstraZeneca, WuXi AppTec "
                    "and Dizal, form a second cluster, with biomedical output above 53 "
                    "billion yuan in 2019.",
                ),
            ),
            (
                "quote",
                {
                    "text": (
                        "We did not expand here for one incentive. What convinced us was the "
                        "whole picture: equipment and materials suppliers close by, direct "
                        "flights home, and a school and hospital where our families feel at "
                        "ease."
                    ),
                    "attribution": "A Korean semiconductor executive (paraphrased)",
                },
            ),
            ("heading", {"text": "3. Innovation", "level": "h2"}),
            (
                "key_figures",
                {
                    "title": "",
                    "figures": [
                        {
                            "value": "3.76",
                            "unit": "% of GDP",
                            "label": "R&D spending",
                            "year": "2020",
                            "source": "China Daily",
                        },
                        {
                            "value": "620",
                            "unit": "",
                            "label": "High-tech enterprises",
                            "year": "2020",
                            "source": "China Daily",
                        },
                        {
                            "value": "14",
                            "unit": "",
                            "label": "Incubators",
                            "year": "2020",
                            "source": "China Daily",
                        },
                        {
                            "value": "126",
                            "unit": "per 10,000 people",
                            "label": "Invention patents",
                            "year": "2020",
                            "source": "China Daily",
                        },
                    ],
                },
            ),
            (
                "paragraph",
                rich(
                    "Start-ups can grow through 14 incubators and three accelerators, and "
                    "established companies can partner with 21 research institutions in the "
                    "district. Under the “12 measures” adopted in May 2020, a newly "
                    "recognised high-tech enterprise can receive up to 400,000 yuan and a "
                    "company that lists on a stock exchange up to 5 million yuan.",
                ),
            ),
            (
                "image",
                {
                    "image": chip.pk,
                    "caption": (
                        "Integrated circuits are WND's largest industry, from chip design to "
                        "wafer fabrication and packaging."
                    ),
                    "credit": "China Daily",
                    "alt_text": "",
                },
            ),
            ("heading", {"text": "4. Talent", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "The district can draw on a pool of about 275,000 high-level "
                    "professionals. WND was the first national hi-tech zone to run an "
                    "overseas-talent programme, in 2006. Under the terms published in 2020, "
                    "a qualifying talent team can receive up to 10 million yuan (up to 100 "
                    "million for teams led by Nobel laureates or academicians), and graduates "
                    "of overseas universities can receive housing allowances of up to "
                    "300,000 yuan.",
                ),
            ),
            ("heading", {"text": "5. Services for investors", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Under the district's approval green channel, major projects can complete "
                    "the approval process within 35 working days and ordinary projects within "
                    "50. Each project has an investment officer as its main point of contact, "
                    "from the first enquiry to the start of operations and beyond, for "
                    "questions about expansion, staffing and day-to-day matters.",
                ),
            ),
            ("heading", {"text": "6. An international community", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "More than 10,000 foreign residents live in the district. International "
                    "families will find the SK school and SK hospital, both linked to "
                    "SK hynix's long presence here, and Xinrui Hospital, a branch of Shanghai's "
                    "Ruijin Hospital that opened in 2019. Lake Taihu, the Hongshan "
                    "archaeological park and the Wuxi Symphony Hall are close at hand for "
                    "weekends. See the Living section for practical details.",
                ),
            ),
        ),
    )


# -- Contact Us -----------------------------------------------------------------------


def _contact_us(demo: DemoBuilder, parent) -> None:
    demo.page(
        parent,
        StandardPage,
        "contact-us",
        key="contact-us",
        title="Contact Us",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_summary=(
            "How to reach the district's investment team by email, phone, fax or in person "
            "at No. 28 Hefeng Road, Wuxi 214135."
        ),
        body=stream(
            (
                "paragraph",
                rich(
                    "Our investment team answers questions from companies that are looking "
                    "at WND as well as from those already operating here. Email is the most "
                    "reliable way to reach us; please tell us your company, your country and "
                    "what your project involves, and we will pass your enquiry to the right "
                    "officer.",
                ),
            ),
            (
                "contact_card",
                {
                    "name": "Investment Promotion Bureau, Wuxi National Hi-tech District",
                    "address": ADDRESS,
                    "postcode": POSTCODE,
                    "email": EMAIL,
                    "telephone": TELEPHONE,
                    "fax": FAX,
                    "website": "",
                },
            ),
            (
                "paragraph",
                rich(
                    "Calling from within China, dial 0510-68559016 or 0510-68559086; from "
                    "abroad, dial +86 510 6855 9016 or +86 510 6855 9086. Our fax number is "
                    "0510-85213006 (+86 510 8521 3006 from abroad).",
                    "You can also write to us through the <b>Leave Your Message Here</b> "
                    "page. Messages sent there reach the same team, and an officer will reply "
                    "by email.",
                ),
            ),
            ("heading", {"text": "Office hours", "level": "h2"}),
            (
                "table",
                {
                    "caption": "Office hours, China Standard Time (UTC+8)",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": "",
                        "data": [
                            ["Day", "Morning", "Afternoon"],
                            ["Monday to Friday", "8:30–12:00", "13:30–17:30"],
                            ["Saturday, Sunday and public holidays", "Closed", "Closed"],
                        ],
                    },
                },
            ),
            (
                "paragraph",
                rich(
                    "China does not use daylight saving time, so the time difference with "
                    "Europe and North America changes when their clocks do. Around the Spring "
                    "Festival and the National Day holiday in early October, offices close "
                    "for several days and some weekends become working days; please allow "
                    "extra time for replies in those periods.",
                ),
            ),
            ("heading", {"text": "Visiting us", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Our office is in the district government building at No. 28 Hefeng "
                    "Road. Please arrange your visit in advance by email so that the right "
                    "officer can meet you, and let us know which language you would prefer "
                    "for the meeting.",
                    "Sunan Shuofang International Airport and Wuxi Xinqu railway station are "
                    "both in the district, a short taxi ride from the office. Taxi and "
                    "ride-hailing drivers will find us most easily if you show them the "
                    "address in Chinese: 无锡市新吴区和风路28号.",
                ),
            ),
        ),
    )
