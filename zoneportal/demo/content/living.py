"""Demo content for the Living section: practical pages for international staff.

District facts come from the reference facts table (/work/shared/reference/site.md,
§3); the rest is general, widely published information about living in China
(emergency numbers, visa types, mains power). Wording is our own.
"""

import datetime as dt

from zoneportal.core.models import StandardPage

from ..builder import DemoBuilder, rich, stream

REVIEWED = dt.date(2026, 10, 15)

VISA_CHECKLIST = """\
BRINGING FOREIGN STAFF TO WND - CHECKLIST
Last reviewed: 2026-10-15. Requirements change: always confirm the current rules with
the Exit-Entry Administration of the Wuxi Public Security Bureau and the work-permit
authority before you start.

BEFORE ARRIVAL (employer and employee)
[ ] Employer registered in the Foreigner's Work Management Service System
[ ] Employee documents gathered: passport, CV, highest degree certificate, proof of
    work experience, criminal record certificate, medical check (as required),
    recent photo; degree and criminal record usually need authentication
[ ] Notification Letter of Foreigner's Work Permit issued
[ ] Z visa (or R visa for high-level talent) obtained at a Chinese embassy or consulate
[ ] Family members: S1 visas for spouse and children under 18 (long stays)

AFTER ARRIVAL
[ ] Accommodation registered with the local police station within 24 hours
    (hotels do this for their guests)
[ ] Medical examination at an approved centre, if not accepted from abroad
[ ] Foreigner's Work Permit collected
[ ] Residence permit applied for within 30 days of entry
[ ] Family members' residence permits applied for
[ ] Social insurance enrolment by the employer

KEEP TO HAND
- Passport with residence permit, work permit card, registration form of residence
- Copies of the employment contract

Questions: bizwnd@wnd.gov.cn / +86 510 6855 9016
"""

RENTING_CHECKLIST = """\
RENTING A HOME IN WUXI - CHECKLIST FOR INTERNATIONAL STAFF
Last reviewed: 2026-10-15

BEFORE YOU SIGN
[ ] Visit the flat in person (or ask a colleague to) and test water, power, heating,
    air conditioning and internet
[ ] Check that the person signing is the owner, or holds the owner's written authority
[ ] Agree who pays the agent's fee, management fee, utilities and internet
[ ] Agree the deposit and how rent is paid (monthly or quarterly in advance is common)
[ ] Make an inventory of furniture and appliances, with photos, signed by both sides
[ ] Ask for the contract in Chinese and English, or have it translated

AFTER YOU MOVE IN
[ ] Register your address at the local police station within 24 hours, with your
    passport and the lease; keep the registration form - you need it for your
    residence permit
[ ] Register again whenever you move or renew your passport or permit
[ ] Set up utility payments (most can be paid through Alipay or WeChat Pay)

Questions: bizwnd@wnd.gov.cn / +86 510 6855 9016
"""


def load(demo: DemoBuilder) -> None:
    living = demo.get("living")
    contact = demo.pages.get("contact-us")
    contact_link = (
        f'<a linktype="page" id="{contact.pk}">contact our investment team</a>'
        if contact is not None
        else "contact our investment team"
    )
    _transportation(demo, living)
    _education(demo, living, contact_link)
    _healthcare(demo, living)
    _visa(demo, living, contact_link)
    _shopping(demo, living)
    _accommodation(demo, living)
    _useful_info(demo, living)


def _page(demo: DemoBuilder, parent, slug: str, title: str, summary: str, body, **extra):
    return demo.page(
        parent,
        StandardPage,
        slug,
        key=f"living-{slug}",
        title=title,
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_summary=summary,
        body=body,
        **extra,
    )


# -- Transportation -------------------------------------------------------------------


def _transportation(demo: DemoBuilder, parent) -> None:
    image = demo.image(
        "Living: Wuxi skyline at dusk",
        "Illustration of city towers with lit windows under a pink and purple evening sky",
        credit="China Daily",
        motif="skyline",
        palette="dusk",
    )
    _page(
        demo,
        parent,
        "transportation",
        "Transportation",
        "An airport inside the district, fast trains to Shanghai and Beijing, and a growing "
        "metro: how to get to WND and around it.",
        stream(
            (
                "paragraph",
                rich(
                    "Few industrial districts in China are as well connected as WND. The "
                    "city's airport lies within its boundaries, high-speed trains stop at "
                    "stations nearby, and the Wuxi metro links the district with the city "
                    "centre.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Journey times and connections from WND",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": "",
                        "data": [
                            ["Destination", "How", "Journey time or distance"],
                            ["Shanghai", "High-speed train", "From about 30 minutes"],
                            ["Beijing", "High-speed train", "About 4.5 hours"],
                            [
                                "Sunan Shuofang International Airport",
                                "Road, from Taihu International Science Park",
                                "About 3 km",
                            ],
                            [
                                "Hong Kong, Macau, Taiwan",
                                "Direct flights from Shuofang",
                                "See current airline timetables",
                            ],
                            [
                                "Tokyo, Osaka, Korea, Singapore, Thailand",
                                "Direct flights from Shuofang",
                                "See current airline timetables",
                            ],
                            [
                                "More than 40 cities in China",
                                "Domestic flights from Shuofang",
                                "See current airline timetables",
                            ],
                        ],
                    },
                },
            ),
            ("heading", {"text": "By air", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Sunan Shuofang International Airport (WUX) opened in 2004 and serves "
                    "both Wuxi and Suzhou. It is designed to handle 12 million passengers and "
                    "300,000 tonnes of cargo a year. Besides more than 40 domestic routes, it "
                    "offers direct flights to Hong Kong, Macau and Taiwan, and to Tokyo, "
                    "Osaka, Korea, Singapore and Thailand. Routes and frequencies change with "
                    "the seasons, so check with the airlines before you book.",
                    "For long-haul flights, most travellers connect through Shanghai's two "
                    "airports, Pudong and Hongqiao.",
                ),
            ),
            (
                "key_figures",
                {
                    "title": "",
                    "figures": [
                        {
                            "value": "2004",
                            "unit": "",
                            "label": "Opened",
                            "year": "",
                            "source": "wndonline.cn",
                        },
                        {
                            "value": "12",
                            "unit": "million passengers a year",
                            "label": "Design capacity",
                            "year": "",
                            "source": "wndonline.cn",
                        },
                        {
                            "value": "300,000",
                            "unit": "tonnes of cargo a year",
                            "label": "Design capacity",
                            "year": "",
                            "source": "wndonline.cn",
                        },
                    ],
                },
            ),
            ("heading", {"text": "By train", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Wuxi has four passenger railway stations. Wuxi Xinqu Station is in the "
                    "district itself; the others are a taxi or metro ride away. The fastest "
                    "trains reach Shanghai in about half an hour and Beijing in about four "
                    "and a half hours.",
                    "Tickets are sold on the official 12306 website and app, which has an "
                    "English version, and at station counters. You need your passport to buy "
                    "a ticket and to pass the gates, so carry it whenever you travel by "
                    "train.",
                ),
            ),
            ("heading", {"text": "Metro", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "When Wuxi's first two metro lines were complete, they ran for 56.11 km "
                    "with 43 stations. The planned network is much larger, about 157.77 km "
                    "with 111 stations, and new lines have opened since. Check the operator's "
                    "current map for the stations nearest your home and workplace.",
                    "You can pay with a transport card, or scan a QR code in the Alipay or "
                    "WeChat app at the gate.",
                ),
            ),
            (
                "image",
                {
                    "image": image.pk,
                    "caption": "Evening traffic in the district, seen from Taihu Bay.",
                    "credit": "China Daily",
                    "alt_text": "",
                },
            ),
            ("heading", {"text": "Taxis, ride-hailing and driving", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Taxis are metered and easy to find. Ride-hailing apps are widely used; "
                    "DiDi has an English interface and can be opened inside Alipay. Most "
                    "drivers do not speak English, so keep your destination written in "
                    "Chinese on your phone.",
                    "China does not recognise international driving permits. To drive, you "
                    "need a Chinese driving licence; holders of a valid foreign licence can "
                    "usually obtain one by passing a theory test, which is offered in "
                    "English.",
                ),
            ),
        ),
        listing_image=image,
    )


# -- Education ------------------------------------------------------------------------


def _education(demo: DemoBuilder, parent, contact_link: str) -> None:
    image = demo.image(
        "Living: school open day",
        "Illustration of nine figures in colourful clothes standing in a row under a banner",
        credit="wnd.gov.cn",
        motif="people",
        palette="teal",
    )
    _page(
        demo,
        parent,
        "education",
        "Education",
        "International schools, bilingual schools and local public schools: the options "
        "for international families in WND, and how admissions work.",
        stream(
            (
                "paragraph",
                rich(
                    "Families moving to WND can choose between several kinds of school. "
                    "Which one suits your children depends on their age, the language they "
                    "learn in, how long you plan to stay and whether they will return to "
                    "their home country's school system later.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Types of school for international families",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": "",
                        "data": [
                            ["Type of school", "Who can enrol", "Language and curriculum"],
                            [
                                "Schools for children of foreign staff (international schools)",
                                "Children holding a foreign passport",
                                "English or a home-country language; international or "
                                "national curricula from abroad",
                            ],
                            [
                                "Bilingual private schools",
                                "Chinese and foreign children",
                                "Chinese and English; the Chinese curriculum with "
                                "international courses",
                            ],
                            [
                                "Public schools",
                                "Foreign children, subject to places and residence",
                                "Chinese; the national curriculum",
                            ],
                            [
                                "International and bilingual kindergartens",
                                "Children aged about 3 to 6",
                                "English and Chinese; play-based programmes",
                            ],
                        ],
                    },
                },
            ),
            ("heading", {"text": "International schools", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Schools for the children of foreign staff are licensed to teach a "
                    "foreign or international curriculum and generally admit only children "
                    "who hold a foreign passport. Among the schools international families use "
                    "in WND is the SK school, linked to SK hynix's long presence in the "
                    "district. Ask each school "
                    "directly about its curriculum, the qualifications it leads to and its "
                    "admission criteria; places in some year groups fill up early.",
                ),
            ),
            ("heading", {"text": "Bilingual and public schools", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Bilingual private schools follow the Chinese curriculum and add "
                    "English-language teaching and international courses. They suit families "
                    "who stay for several years and want their children to become fluent in "
                    "Chinese.",
                    "Public schools teach in Chinese. Foreign children can apply for a place, "
                    "which usually depends on where the family lives and on the places "
                    "available. Younger children tend to adapt to Chinese-language schooling "
                    "more easily than teenagers.",
                ),
            ),
            (
                "image",
                {
                    "image": image.pk,
                    "caption": "Families meet teachers at a school open day in the district.",
                    "credit": "wnd.gov.cn",
                    "alt_text": "",
                },
            ),
            ("heading", {"text": "Applying", "level": "h2"}),
            (
                "paragraph",
                "<p>The school year in China starts in September and most schools take "
                "applications in the spring before. Schools usually ask for:</p>"
                "<ul><li>the child's passport and residence permit (or proof that one has "
                "been applied for);</li>"
                "<li>school reports from the last two years;</li>"
                "<li>vaccination and health records;</li>"
                "<li>a parent's employment contract or work permit.</li></ul>"
                f"<p>If you are relocating with an investment project, {contact_link}: we can "
                "tell you which schools to approach.</p>",
            ),
        ),
    )


# -- Healthcare -----------------------------------------------------------------------


def _healthcare(demo: DemoBuilder, parent) -> None:
    _page(
        demo,
        parent,
        "healthcare",
        "Healthcare",
        "Hospitals in and near WND, including Xinrui Hospital, the Wuxi branch of Shanghai's "
        "Ruijin Hospital, and what to do in an emergency.",
        stream(
            (
                "paragraph",
                rich(
                    "<b>In an emergency, call 120 for an ambulance.</b> The police number is "
                    "110 and the fire service is 119. Operators may not speak English, so "
                    "give your address in Chinese if you can, or ask a Chinese-speaking "
                    "colleague or neighbour to call for you.",
                ),
            ),
            ("heading", {"text": "Xinrui Hospital", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Xinrui Hospital is the Wuxi branch of Ruijin Hospital, one of "
                    "Shanghai's best-known teaching hospitals. It opened on 26 March 2019 "
                    "on Zhixian Road and is the district's main general hospital, with "
                    "inpatient wards and a broad range of clinical departments.",
                ),
            ),
            (
                "key_figures",
                {
                    "title": "",
                    "figures": [
                        {
                            "value": "501",
                            "unit": "",
                            "label": "Beds",
                            "year": "2019",
                            "source": "chinaservicesinfo.com",
                        },
                        {
                            "value": "29",
                            "unit": "",
                            "label": "Clinical and medical departments",
                            "year": "2019",
                            "source": "chinaservicesinfo.com",
                        },
                        {
                            "value": "26 March 2019",
                            "unit": "",
                            "label": "Opened",
                            "year": "",
                            "source": "chinaservicesinfo.com",
                        },
                    ],
                },
            ),
            (
                "contact_card",
                {
                    "name": "Xinrui Hospital (Ruijin Hospital Wuxi Branch)",
                    "address": "No. 197 Zhixian Road, Xinwu District, Wuxi, Jiangsu, China",
                    "postcode": "",
                    "email": "",
                    "telephone": "",
                    "fax": "",
                    "website": "",
                },
            ),
            ("heading", {"text": "Other care in the district", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "The district is also home to the SK hospital, associated with SK hynix's "
                    "operations in WND. For specialist treatment, the large "
                    "hospitals of central Wuxi are a short drive away, and Shanghai's "
                    "hospitals can be reached in well under two hours.",
                ),
            ),
            ("heading", {"text": "How a hospital visit works", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Chinese hospitals combine what many countries split between family "
                    "doctors and hospitals: for most problems you go straight to a hospital's "
                    "outpatient department. You register first, at a counter, a machine or "
                    "through the hospital's WeChat or Alipay service, choosing the "
                    "department you need; bring your passport. Tests and medicines are "
                    "usually paid for before they are given.",
                    "Pharmacies are everywhere and many open late. Antibiotics and many "
                    "other medicines need a prescription.",
                ),
            ),
            ("heading", {"text": "Insurance", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Foreign employees are generally enrolled by their employer in China's "
                    "social insurance system, which includes basic medical insurance. Many "
                    "companies add private international health insurance; check whether "
                    "your policy settles bills directly with the hospital or whether you "
                    "pay first and claim later, and keep every receipt.",
                ),
            ),
        ),
    )


# -- Visa -----------------------------------------------------------------------------


def _visa(demo: DemoBuilder, parent, contact_link: str) -> None:
    checklist = demo.document("Checklist: bringing foreign staff to WND", VISA_CHECKLIST)
    _page(
        demo,
        parent,
        "visa",
        "Visa",
        "Work permits, Z and R visas, residence permits and family visas: the documents "
        "foreign staff and their families need to live and work in WND.",
        stream(
            (
                "paragraph",
                rich(
                    "Foreign nationals who work in China need three things: a work permit, "
                    "a visa to enter for work, and a residence permit once they are here. "
                    "The employer starts the process, so plan for it as part of your project "
                    "timetable: collecting and authenticating documents abroad often takes "
                    "longer than the approvals themselves.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Main permits and visas for foreign staff and families",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": "",
                        "data": [
                            ["Document", "Who it is for", "Key points"],
                            [
                                "Foreigner's Work Permit",
                                "Every foreign employee",
                                "The employer applies online; a notification letter is "
                                "issued first and is needed for the visa",
                            ],
                            [
                                "Z visa",
                                "People coming to take up a job",
                                "Issued by a Chinese embassy or consulate on the basis of the "
                                "work permit notification",
                            ],
                            [
                                "R visa",
                                "High-level talent and specialists in short supply",
                                "Usually for Category A talent; faster processing and longer "
                                "validity",
                            ],
                            [
                                "Residence permit for work",
                                "Employees after arrival",
                                "Apply within 30 days of entry; valid for up to 5 years and "
                                "allows multiple entries",
                            ],
                            [
                                "S1 / S2 visa",
                                "Family members of foreign staff",
                                "S1 for stays over 180 days (then a residence permit); S2 "
                                "for shorter visits",
                            ],
                            [
                                "M visa",
                                "Business visitors",
                                "Meetings, negotiations and trade fairs; no employment",
                            ],
                        ],
                    },
                },
            ),
            ("heading", {"text": "Work permit categories", "level": "h2"}),
            (
                "paragraph",
                "<p>China grades foreign employees in three categories, based on a points "
                "system that takes account of salary, education, experience, Chinese "
                "language ability and other factors:</p>"
                "<ul><li><b>Category A, high-end talent:</b> internationally recognised "
                "experts, senior managers and scientists, and others scoring highly under the "
                "points system. Procedures are simplified and some requirements, such as age "
                "limits, can be relaxed.</li>"
                "<li><b>Category B, professionals:</b> graduates with relevant work "
                "experience who fill positions the local labour market needs. Most "
                "engineers and managers fall in this category.</li>"
                "<li><b>Category C, other staff:</b> temporary, seasonal and other "
                "non-professional positions, subject to national quotas and policies.</li>"
                "</ul>",
            ),
            ("heading", {"text": "After arrival", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Within 24 hours of arriving, every foreign national must register their "
                    "address with the local police. Hotels do this automatically for their "
                    "guests; if you stay in a flat, go to the nearest police station with "
                    "your passport and lease. Keep the registration form, because you need "
                    "it for the residence permit.",
                    "The residence permit is issued by the Exit-Entry Administration of the "
                    "Wuxi Public Security Bureau. Apply within 30 days of entering China on "
                    "a Z visa. Once you have it, you can leave and re-enter China freely "
                    "while it is valid. Family members with S1 visas apply for their own "
                    "residence permits in the same way.",
                ),
            ),
            ("heading", {"text": "Short business trips", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "China has extended visa-free entry and transit arrangements to many "
                    "nationalities in recent years. Depending on your passport, a short "
                    "business visit may not need a visa at all, but these arrangements never "
                    "allow paid work in China.",
                ),
            ),
            (
                "paragraph",
                rich(
                    "<b>Please note:</b> visa and permit rules change often and depend on "
                    "nationality. This page is a general guide, not legal advice. Always "
                    "check the current requirements with the Exit-Entry Administration of "
                    "the Wuxi Public Security Bureau or a Chinese embassy or consulate "
                    f"before you apply. If your project runs into difficulties, {contact_link}.",
                ),
            ),
            (
                "documents",
                {
                    "title": "Download",
                    "documents": [
                        {
                            "document": checklist.pk,
                            "title": "Checklist: bringing foreign staff to WND",
                        }
                    ],
                },
            ),
        ),
    )


# -- Shopping -------------------------------------------------------------------------


def _shopping(demo: DemoBuilder, parent) -> None:
    image = demo.image(
        "Living: local market",
        "Illustration of a row of figures in colourful clothes beneath an orange banner",
        credit="wnd.gov.cn",
        motif="people",
        palette="amber",
    )
    _page(
        demo,
        parent,
        "shopping",
        "Shopping",
        "Everyday shopping, imported food, online delivery and the local specialities worth "
        "taking home, from Meicun erhu to Yixing teapots.",
        stream(
            (
                "paragraph",
                rich(
                    "Day-to-day shopping in WND is easy. Supermarkets, convenience stores and "
                    "shopping malls are spread across the district, many convenience stores "
                    "stay open around the clock, and imported food and household goods are "
                    "widely available, particularly in larger supermarkets.",
                ),
            ),
            ("heading", {"text": "Online shopping and delivery", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Much of daily life in China runs through online shops and delivery apps. "
                    "Platforms such as Taobao and JD.com deliver almost anything, often the "
                    "next day, and apps such as Meituan bring meals and groceries within the "
                    "hour. The apps are mostly in Chinese, but colleagues are usually happy "
                    "to help you set them up, and the address book in each app can hold your "
                    "address in Chinese.",
                ),
            ),
            ("heading", {"text": "Local specialities", "level": "h2"}),
            (
                "paragraph",
                "<p>Wuxi and the area around Lake Taihu are known for crafts and food that "
                "make good gifts:</p>"
                "<ul><li><b>Erhu:</b> the two-stringed Chinese fiddle is made by craftspeople "
                "in Meicun, inside the district, where the Meicun Erhu Industrial Park "
                "welcomes visitors.</li>"
                "<li><b>Yixing teapots:</b> unglazed purple-clay teapots from Yixing, a "
                "county-level city under Wuxi.</li>"
                "<li><b>Huishan clay figurines:</b> painted clay figures, a Wuxi folk craft "
                "with a long history.</li>"
                "<li><b>Wuxi spare ribs:</b> pork ribs braised in a sweet soy sauce, sold "
                "vacuum-packed to take home.</li>"
                "<li><b>Yangshan peaches:</b> juicy honey peaches from nearby Yangshan, in "
                "season in summer.</li></ul>",
            ),
            (
                "image",
                {
                    "image": image.pk,
                    "caption": "Shoppers at a weekend craft market in the district.",
                    "credit": "wnd.gov.cn",
                    "alt_text": "",
                },
            ),
            ("heading", {"text": "Paying", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Almost every shop takes Alipay and WeChat Pay, and both apps now accept "
                    "foreign bank cards. Large malls and hotels also take international "
                    "cards, while small shops and markets may not; keep some cash for those. "
                    "Prices are fixed in shops and malls; bargaining is normal only in some "
                    "markets. See Useful Info for tips on setting up mobile payment.",
                ),
            ),
        ),
        listing_image=image,
    )


# -- Accommodation --------------------------------------------------------------------


def _accommodation(demo: DemoBuilder, parent) -> None:
    image = demo.image(
        "Living: homes by Lake Taihu",
        "Illustration of hills and an evening sun above a calm lake",
        credit="China Daily",
        motif="lake",
        palette="blue",
    )
    checklist = demo.document("Checklist: renting a home in Wuxi", RENTING_CHECKLIST)
    _page(
        demo,
        parent,
        "accommodation",
        "Accommodation",
        "Hotels for your first visit, serviced apartments while you settle, and what to know "
        "before you rent a home in WND.",
        stream(
            (
                "paragraph",
                rich(
                    "Most international staff stay in a hotel on their first visit, move to "
                    "a serviced apartment while they settle in, and then rent a flat. All "
                    "three are available in WND, close to the industrial parks and the "
                    "Taihu Bay area.",
                ),
            ),
            ("heading", {"text": "Hotels", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "The district has international hotel brands as well as Chinese chains "
                    "at every price level. Not every hotel in China is licensed to receive "
                    "foreign guests, so book through the hotel's own channels or a major "
                    "booking platform and confirm that it accepts foreign passports. The "
                    "hotel registers your stay with the police for you.",
                ),
            ),
            ("heading", {"text": "Serviced apartments", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Serviced apartments suit stays of a few weeks to several months: they "
                    "come furnished, with cleaning, internet and utilities included, and "
                    "usually on flexible terms. Many companies use them for staff on "
                    "start-up assignments.",
                ),
            ),
            ("heading", {"text": "Renting a flat", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Most rentals are arranged through estate agents. Leases usually run for "
                    "a year, with a deposit and rent paid monthly or quarterly in advance. "
                    "Flats are often let furnished. Before you sign, check who owns the flat, "
                    "what the rent includes and how the deposit will be returned, and ask "
                    "for a bilingual contract.",
                    "Within 24 hours of moving in you must register your address at the "
                    "local police station. Take your passport and the lease; the landlord or "
                    "agent may need to come with you. You will need the registration form "
                    "for your residence permit.",
                ),
            ),
            (
                "image",
                {
                    "image": image.pk,
                    "caption": "Many residents choose homes near the lakeside parks of Taihu Bay.",
                    "credit": "China Daily",
                    "alt_text": "",
                },
            ),
            ("heading", {"text": "Housing support for talent", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Under the district's talent programme, graduates of overseas "
                    "universities who come to work in WND can receive a housing allowance of "
                    "up to 300,000 yuan. Conditions apply; see the Talent Pool guide or ask "
                    "our investment team.",
                ),
            ),
            (
                "documents",
                {
                    "title": "Download",
                    "documents": [
                        {
                            "document": checklist.pk,
                            "title": "Checklist: renting a home in Wuxi",
                        }
                    ],
                },
            ),
        ),
        listing_image=image,
    )


# -- Useful info ----------------------------------------------------------------------


def _useful_info(demo: DemoBuilder, parent) -> None:
    _page(
        demo,
        parent,
        "useful-info",
        "Useful Info",
        "Emergency numbers, power, time zone, money and mobile payment: the practical basics "
        "for your first weeks in WND.",
        stream(
            (
                "paragraph",
                rich(
                    "Keep these numbers and facts to hand for your first weeks in the "
                    "district. Save your home and work addresses in Chinese on your phone: "
                    "in an emergency, reading them out or showing them saves time.",
                ),
            ),
            (
                "table",
                {
                    "caption": "Emergency and service numbers",
                    "table": {
                        "first_row_is_table_header": True,
                        "first_col_is_header": True,
                        "table_caption": "",
                        "data": [
                            ["Number", "Service"],
                            ["110", "Police"],
                            ["119", "Fire"],
                            ["120", "Ambulance"],
                            ["122", "Traffic accidents"],
                            ["12345", "Government service hotline (questions and complaints)"],
                        ],
                    },
                },
            ),
            (
                "key_figures",
                {
                    "title": "Basics",
                    "figures": [
                        {
                            "value": "220",
                            "unit": "V, 50 Hz",
                            "label": "Mains power",
                            "year": "",
                            "source": "",
                        },
                        {
                            "value": "UTC+8",
                            "unit": "",
                            "label": "China Standard Time, no daylight saving",
                            "year": "",
                            "source": "",
                        },
                        {
                            "value": "CNY",
                            "unit": "",
                            "label": "Renminbi (yuan)",
                            "year": "",
                            "source": "",
                        },
                    ],
                },
            ),
            ("heading", {"text": "Power and plugs", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Mains electricity is 220 volts at 50 hertz. Sockets usually accept "
                    "two-pin flat plugs (type A), two-pin round plugs (type C) and the "
                    "angled three-pin plug (type I). Most laptop and phone chargers work "
                    "without a converter; check the label on other appliances.",
                ),
            ),
            ("heading", {"text": "Time", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "All of China uses China Standard Time, eight hours ahead of UTC, all "
                    "year round. Offices generally work from Monday to Friday, with a lunch "
                    "break around midday. Public holidays are often joined to weekends, "
                    "with some Saturdays or Sundays becoming working days to compensate.",
                ),
            ),
            ("heading", {"text": "Money and mobile payment", "level": "h2"}),
            (
                "paragraph",
                "<p>The currency is the renminbi (CNY); its unit is the yuan, divided into "
                "10 jiao. Most payments are made by phone, and foreigners can now use both "
                "main payment apps. A few tips:</p>"
                "<ul><li>Install Alipay and WeChat Pay before you travel and link a foreign "
                "Visa or Mastercard; both apps ask you to verify your identity with your "
                "passport.</li>"
                "<li>Small fees may apply to larger payments made with a foreign card. Once "
                "you have a residence permit, opening a local bank account makes daily life "
                "easier and cheaper.</li>"
                "<li>Keep some cash for taxis, small shops and the occasional machine that "
                "only takes local cards.</li>"
                "<li>Let your home bank know you are travelling, so that payments from China "
                "are not blocked.</li></ul>",
            ),
            ("heading", {"text": "Phone and internet", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "A Chinese mobile number makes almost everything easier, from "
                    "deliveries to payment verification. SIM cards are sold in the shops of "
                    "China Mobile, China Unicom and China Telecom; bring your passport, as "
                    "every number is registered to its owner. Check before you travel that "
                    "the apps and services you rely on work in mainland China.",
                ),
            ),
            ("heading", {"text": "Staying informed", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "The district government's official WeChat account, <b>xinwu_wx</b>, "
                    "publishes news, notices and event information, mostly in Chinese; "
                    "WeChat's built-in translation gives a usable English version. Search "
                    "for the account name in WeChat to follow it. For anything this page "
                    "does not answer, write to bizwnd@wnd.gov.cn.",
                ),
            ),
            ("heading", {"text": "Climate", "level": "h2"}),
            (
                "paragraph",
                rich(
                    "Wuxi has four distinct seasons: hot, humid summers, a rainy spell in "
                    "early summer known as the plum rains, mild autumns and cool, damp "
                    "winters. Tap water should be boiled or filtered before drinking.",
                ),
            ),
        ),
    )
