"""Demo content for Investment Guides: procedures, utilities, policies, talent, services, Q&A.

Figures come from the reference facts table (/work/shared/reference/site.md, §3): the
35/50 working-day green channel, the May 2020 "12 measures" and the talent programme.
The wording is our own. Step-by-step details, offices and time limits describe common
practice in Jiangsu in plain words; pages say that investors should confirm them with
the service centre. No advisory firm is named: that page describes kinds of service.
"""

import datetime as dt

from zoneportal.core.models import SectionPage, StandardPage
from zoneportal.guides.models import PolicyPage, ProcedurePage, QAPage

from ..builder import DemoBuilder, rich, stream

REVIEWED = dt.date(2026, 11, 2)

APPROVAL_BUREAU = "Xinwu District Administrative Approval Bureau"
TAX_BUREAU = "Xinwu District Taxation Bureau"
HR_BUREAU = "Xinwu District Human Resources and Social Security Bureau"

INVESTMENT_CONTACT = {
    "name": "Investment Promotion Bureau, Wuxi National Hi-tech District",
    "address": "No. 28 Hefeng Road, Xinwu District, Wuxi, Jiangsu Province, China",
    "postcode": "214135",
    "email": "bizwnd@wnd.gov.cn",
    "telephone": "+86 510 6855 9016 / +86 510 6855 9086",
    "fax": "+86 510 8521 3006",
    "website": "",
}


def ul(*items: str) -> str:
    return "<ul>" + "".join(f"<li>{item}</li>" for item in items) + "</ul>"


def step(title, instructions, body, documents, time_limit):
    return (
        "step",
        {
            "title": title,
            "instructions": instructions,
            "responsible_body": body,
            "documents": list(documents),
            "time_limit": time_limit,
        },
    )


def figure(value, label, unit="", year="", source=""):
    return {"value": value, "unit": unit, "label": label, "year": year, "source": source}


def table(caption, rows, first_col_is_header=False):
    return (
        "table",
        {
            "caption": caption,
            "table": {
                "data": [list(row) for row in rows],
                "first_row_is_table_header": True,
                "first_col_is_header": first_col_is_header,
                "table_header_choice": "both" if first_col_is_header else "row",
                "table_caption": "",
            },
        },
    )


def heading(text, level="h2"):
    return ("heading", {"text": text, "level": level})


def load(demo: DemoBuilder) -> None:
    guides = demo.get("investment-guides")
    procedures = demo.page(
        guides,
        SectionPage,
        "investment-procedures",
        key="investment-procedures",
        title="Investment Procedures",
        show_in_menus=True,
        listing_image=demo.image(
            "Guides: investment procedures",
            "Illustration of a group of people standing together in front of a building",
            motif="people",
            palette="blue",
        ),
        listing_summary=(
            "Step by step: setting up a foreign-invested company, getting an industrial "
            "project approved and hiring international staff."
        ),
        intro=(
            "<p>What to do, in which order, which office handles each step and how long it "
            "usually takes. The district's one-stop service centre can walk you through every "
            "procedure in English.</p>"
        ),
    )
    _procedures(demo, procedures)
    _utilities(demo, guides)
    policies = demo.page(
        guides,
        SectionPage,
        "preferential-policies",
        key="preferential-policies",
        title="Preferential Policies",
        show_in_menus=True,
        listing_image=demo.image(
            "Guides: preferential policies",
            "Illustration of office towers under a dusk sky",
            motif="skyline",
            palette="dusk",
        ),
        listing_summary=(
            "Awards, subsidies and talent funding for companies in WND, with who qualifies, "
            "how much and whether each policy is still in force."
        ),
        intro=(
            "<p>Summaries of the district's main support policies. Each page shows whether "
            "the policy is currently in force; the official text always prevails.</p>"
        ),
    )
    _policies(demo, policies)
    _talent_pool(demo, guides)
    _regulatory_bodies(demo, guides)
    _advisory_institutions(demo, guides)
    _questions(demo, guides)


# -- Investment Procedures --------------------------------------------------------------


def _procedures(demo: DemoBuilder, parent) -> None:
    demo.page(
        parent,
        ProcedurePage,
        "setting-up-a-foreign-invested-enterprise",
        key="procedure-fie",
        title="Setting up a foreign-invested enterprise",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_summary=(
            "From name registration to social security: the seven steps to open a "
            "foreign-invested company in Xinwu, usually done in two to three weeks."
        ),
        intro=rich(
            "Since China's Foreign Investment Law took effect in 2020, most foreign-invested "
            "companies are registered in the same way as domestic ones: there is no separate "
            "approval from the commerce authorities unless the business falls under the "
            "national negative list. In Xinwu the registration steps are handled at the "
            "Government Service Centre, where one window accepts the application and passes "
            "it on to the other offices.",
            "The time limits below are the usual service commitments for a complete "
            "application. Missing or unsigned documents restart the clock, so it pays to "
            "check your file with an investment officer before you submit it.",
        ),
        total_time="About 10 to 15 working days for steps 1 to 5; allow extra time for notarising documents abroad",
        steps=stream(
            step(
                "Reserve the company name",
                rich(
                    "Choose a Chinese name (and an English translation for your own use) and "
                    "check it online in the Jiangsu enterprise registration system. Prepare two "
                    "or three alternatives in case the first choice is taken or too close to "
                    "an existing brand."
                ),
                APPROVAL_BUREAU,
                [
                    "Proposed names in order of preference",
                    "Investor's passport or certificate of incorporation",
                ],
                "Same day to 1 working day",
            ),
            step(
                "Apply for the business licence",
                rich(
                    "Submit the articles of association, the investor's identity documents and "
                    "the lease for the registered address. The foreign-investment information "
                    "report to the commerce authorities is filed in the same application, so "
                    "no separate visit is needed."
                ),
                APPROVAL_BUREAU,
                [
                    "Articles of association signed by the investor",
                    "Notarised and legalised (or apostilled) certificate of incorporation of the foreign investor",
                    "Passport copies of the legal representative, directors and supervisor",
                    "Lease contract and property certificate for the registered address",
                ],
                "3 working days",
            ),
            step(
                "Engrave the company seals",
                rich(
                    "Have the official company seal, finance seal, invoice seal and legal "
                    "representative's seal made by a licensed engraver. The seals are filed "
                    "with the police automatically; in Xinwu the first set is usually provided "
                    "free of charge through the service centre."
                ),
                "Licensed seal engraver, filed with the Wuxi Public Security Bureau",
                ["Business licence", "Identity document of the legal representative"],
                "1 working day",
            ),
            step(
                "Open the company bank accounts",
                rich(
                    "Open a basic RMB account and a foreign-currency capital account with a "
                    "bank of your choice. The bank also completes the foreign-exchange "
                    "registration for direct investment on behalf of the State Administration "
                    "of Foreign Exchange, which you need before the registered capital can be "
                    "paid in."
                ),
                "A commercial bank of your choice (for SAFE)",
                ["Business licence", "Company seals", "Passport of the legal representative"],
                "3 to 5 working days",
            ),
            step(
                "Complete tax registration and invoicing",
                rich(
                    "Tax registration is linked to the business licence, but you still need to "
                    "confirm the company's tax details, choose the taxpayer status for VAT and "
                    "apply for electronic invoices. Appoint an accountant or an agency before "
                    "the first monthly filing is due."
                ),
                TAX_BUREAU,
                [
                    "Business licence",
                    "Bank account details",
                    "Identity document of the finance officer",
                ],
                "1 to 2 working days",
            ),
            step(
                "Register with customs if you import or export",
                rich(
                    "Companies that trade goods across the border file as a consignor or "
                    "consignee with customs through the China International Trade Single "
                    "Window. Companies in the Comprehensive Bonded Zone follow the zone's own "
                    "procedures; ask the zone's service desk."
                ),
                "Wuxi Customs",
                ["Business licence", "Single Window account of the company"],
                "1 to 3 working days",
            ),
            step(
                "Register for social security and the housing fund",
                rich(
                    "Open the company's social insurance and housing provident fund accounts "
                    "before the first salary payment. Foreign employees are covered by the "
                    "Chinese social insurance scheme unless a bilateral agreement with their "
                    "home country exempts them."
                ),
                f"{HR_BUREAU}; Wuxi Housing Provident Fund Management Centre",
                [
                    "Business licence",
                    "Bank account details",
                    "Employee list with identity documents",
                ],
                "Within 30 days of the first hire",
            ),
        ),
        contacts=stream(("contact_card", INVESTMENT_CONTACT)),
    )
    demo.page(
        parent,
        ProcedurePage,
        "project-approval-for-industrial-construction",
        key="procedure-construction",
        title="Project approval for industrial construction",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_summary=(
            "Through the green channel, major industrial projects go from filing to "
            "construction permit within 35 working days and ordinary projects within 50."
        ),
        intro=rich(
            "Building a factory involves more offices than opening a company. To keep the "
            "timetable predictable, the district runs an approval <b>green channel</b>: "
            "reviews run in parallel rather than one after another, and a project manager "
            "from the district follows the file from start to finish. Major projects receive "
            "their construction permit within 35 working days and ordinary projects within "
            "50 working days.",
            "The clock starts when the project has been filed and the land grant contract has "
            "been signed. Statutory public notice periods and the time you need to revise "
            "drawings are not counted.",
        ),
        total_time="Within 35 working days for major projects and 50 for ordinary projects",
        steps=stream(
            step(
                "File the investment project",
                rich(
                    "Most foreign-invested manufacturing projects only need to be filed, not "
                    "approved. Enter the project's scale, products and investment online; a "
                    "few sectors on the national catalogue still need approval."
                ),
                APPROVAL_BUREAU,
                ["Business licence", "Project description (scale, products, investment)"],
                "3 working days",
            ),
            step(
                "Obtain the land and sign the land grant contract",
                rich(
                    "Industrial land is granted through a public listing. The district's "
                    "investment team helps you find a plot that matches your plans and explains "
                    "the planning conditions (plot ratio, height, green space) before you bid."
                ),
                "Xinwu Branch of the Wuxi Natural Resources and Planning Bureau",
                ["Bid documents", "Deposit receipt", "Signed land grant contract"],
                "Depends on the listing period (at least 20 days of public notice)",
            ),
            step(
                "Get the planning permits",
                rich(
                    "With the land contract you receive the construction land planning permit. "
                    "Submit the site plan and building design for the construction project "
                    "planning permit; in the green channel the design review and the permit "
                    "are combined."
                ),
                "Xinwu Branch of the Wuxi Natural Resources and Planning Bureau",
                ["Land grant contract", "Site plan", "Architectural design scheme"],
                "5 to 10 working days",
            ),
            step(
                "Environmental impact and energy reviews",
                rich(
                    "Depending on the process, the project needs an environmental impact "
                    "report, a report form or only a registration form. Energy-intensive "
                    "projects also need an energy-saving review. Both run in parallel with the "
                    "planning review."
                ),
                "Xinwu District Ecology and Environment Bureau; Development and Reform office",
                ["Environmental impact report or form", "Energy-saving report (if required)"],
                "10 to 20 working days",
            ),
            step(
                "Review the construction drawings, including fire safety",
                rich(
                    "Construction drawings go through one joint review covering structure, fire "
                    "protection, civil air defence and energy efficiency. Comments come back in "
                    "one round, so you revise the drawings once."
                ),
                "Joint drawing review, coordinated by the Housing and Construction Bureau",
                ["Construction drawings", "Geotechnical survey report"],
                "10 working days",
            ),
            step(
                "Receive the construction permit",
                rich(
                    "Once the contractor and the supervising engineer are appointed, apply for "
                    "the construction permit. Work can start on site the day it is issued."
                ),
                "Xinwu District Housing and Construction Bureau",
                [
                    "Construction contract",
                    "Supervision contract",
                    "Proof that the drawing review passed",
                ],
                "3 working days",
            ),
            step(
                "Joint completion acceptance",
                rich(
                    "When the building is finished, planning, fire safety, environmental "
                    "facilities and quality are inspected together. After acceptance you can "
                    "register the property and start production."
                ),
                "Housing and Construction Bureau with the other reviewing offices",
                [
                    "Completion report",
                    "As-built drawings",
                    "Test reports of fire and environmental facilities",
                ],
                "7 working days",
            ),
        ),
        contacts=stream(("contact_card", INVESTMENT_CONTACT)),
    )
    demo.page(
        parent,
        ProcedurePage,
        "work-and-residence-permits-for-foreign-staff",
        key="procedure-permits",
        title="Work and residence permits for foreign staff",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_summary=(
            "How a company in WND brings a foreign manager or engineer to Wuxi: work permit "
            "notice, Z visa, medical check, work permit and residence permit."
        ),
        intro=rich(
            "Foreign employees need a work permit and a residence permit. The employer "
            "starts the process in China before the employee travels; the employee then "
            "applies for a work (Z) visa abroad. Highly qualified applicants (category A) "
            "benefit from shorter processing and fewer documents."
        ),
        total_time="About 6 to 8 weeks from the first application to the residence permit",
        steps=stream(
            step(
                "Apply for the work permit notice",
                rich(
                    "The employer registers on the national Foreigners' Work Permit Service "
                    "System and submits the candidate's file online."
                ),
                APPROVAL_BUREAU,
                [
                    "Employment contract or letter of appointment",
                    "Highest degree certificate, authenticated",
                    "Certificate of no criminal record, authenticated",
                    "Proof of relevant work experience",
                ],
                "10 working days",
            ),
            step(
                "Apply for a Z visa",
                rich(
                    "With the work permit notice and the invitation letter, the employee "
                    "applies for a Z visa at a Chinese embassy or consulate."
                ),
                "Chinese embassy or consulate abroad",
                ["Passport", "Work permit notice", "Visa application form"],
                "Usually 4 working days",
            ),
            step(
                "Have the medical check in Wuxi",
                rich(
                    "Within a few days of arrival the employee takes the medical examination "
                    "for foreigners, unless a recognised examination from abroad is accepted."
                ),
                "Wuxi International Travel Healthcare Center",
                ["Passport", "Passport photos"],
                "Results in about 3 working days",
            ),
            step(
                "Collect the work permit",
                rich("The employer converts the notice into the work permit card after entry."),
                APPROVAL_BUREAU,
                [
                    "Passport with Z visa",
                    "Health certificate",
                    "Registration of temporary residence",
                ],
                "Within 15 days of entry",
            ),
            step(
                "Apply for the residence permit",
                rich(
                    "The employee applies for the residence permit for work within 30 days of "
                    "entry. It is valid for the same period as the work permit."
                ),
                "Exit-Entry Administration of the Wuxi Public Security Bureau",
                ["Passport", "Work permit", "Registration of temporary residence", "Photo"],
                "Up to 15 working days",
            ),
        ),
        contacts=stream(("contact_card", INVESTMENT_CONTACT)),
    )


# -- Utilities and Safety ---------------------------------------------------------------


def _utilities(demo: DemoBuilder, parent) -> None:
    demo.page(
        parent,
        StandardPage,
        "utilities-and-safety",
        key="utilities-and-safety",
        title="Utilities and Safety",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_image=demo.image(
            "Guides: utilities and safety",
            "Illustration of a printed circuit pattern in teal",
            motif="circuit",
            palette="teal",
        ),
        listing_summary=(
            "Power, water, gas and wastewater connections for factories in WND, and the fire "
            "and work safety rules every plant must meet."
        ),
        body=stream(
            (
                "paragraph",
                rich(
                    "Industrial land in WND is handed over with roads and the main utility "
                    "networks already in place. Connection requests for a new plant are best "
                    "made as soon as the land grant contract is signed, so that supply is "
                    "ready when construction finishes. The district's investment officers "
                    "coordinate the utility companies for you during the green-channel approval."
                ),
            ),
            (
                "key_figures",
                {
                    "title": "Infrastructure at a glance",
                    "figures": [
                        figure(
                            "24",
                            "Wuxi Zero Carbon Technology Industrial Park, the first in Jiangsu",
                            "km²",
                            "2021",
                        ),
                        figure(
                            "35",
                            "Approval green channel for major projects",
                            "working days",
                            "",
                            "wndonline.cn",
                        ),
                        figure(
                            "12 million",
                            "Passengers a year at Sunan Shuofang airport",
                            "",
                            "",
                            "wndonline.cn",
                        ),
                        figure(
                            "300,000", "Tonnes of air cargo capacity a year", "", "", "wndonline.cn"
                        ),
                    ],
                },
            ),
            heading("Utility connections"),
            table(
                "Utility connections for a new industrial plant (indicative)",
                [
                    ("Utility", "Supplier", "What to prepare", "Typical lead time"),
                    (
                        "Electricity",
                        "State Grid Wuxi Power Supply Company",
                        "Load estimate, single-line diagram, site plan",
                        "Low-voltage: a few working days; 10 kV and above: depends on the line works",
                    ),
                    (
                        "Water",
                        "Municipal water supply company",
                        "Daily demand, pipe layout, fire-water needs",
                        "About 10 working days after design approval",
                    ),
                    (
                        "Natural gas",
                        "City piped-gas operator",
                        "Peak and daily demand, boiler or kiln data",
                        "About 15 working days after design approval",
                    ),
                    (
                        "Industrial wastewater",
                        "District wastewater treatment plant",
                        "Discharge permit, pre-treatment design",
                        "With the environmental approval",
                    ),
                ],
                first_col_is_header=True,
            ),
            heading("Industrial wastewater", "h3"),
            (
                "paragraph",
                rich(
                    "Factories discharge into the sewer network only after on-site "
                    "pre-treatment that meets the plant's discharge permit. The permit is issued "
                    "together with the environmental approval and sets limits per pollutant; "
                    "larger sites install online monitoring that reports to the Ecology and "
                    "Environment Bureau. Chemical, electroplating and semiconductor processes "
                    "are reviewed especially closely because the district drains to Lake Taihu."
                ),
            ),
            heading("Fire safety"),
            (
                "paragraph",
                rich(
                    "Fire protection is part of the construction-drawing review and of the "
                    "joint completion acceptance, so there is no separate fire approval to "
                    "chase. Public venues such as canteens open to outside guests, "
                    "showrooms and dormitories also need a fire safety inspection before they "
                    "open. Once in operation, each company names a fire safety manager, keeps "
                    "extinguishers and alarms maintained and runs an evacuation drill at least "
                    "once a year."
                ),
            ),
            heading("Work safety"),
            (
                "paragraph",
                rich(
                    "Chinese law requires safety facilities to be designed, built and put into use "
                    "together with the main project. In practice this means:"
                )
                + ul(
                    "a safety assessment before construction for processes with hazardous chemicals;",
                    "permits from the Emergency Management Bureau for storing or using listed hazardous chemicals;",
                    "occupational health checks for staff exposed to noise, dust or chemicals;",
                    "a safety officer, written procedures and training records kept on site.",
                ),
            ),
            ("contact_card", INVESTMENT_CONTACT),
        ),
    )


# -- Preferential Policies --------------------------------------------------------------


def _policy_document(demo, title, lines):
    return demo.document(title, "\n".join(lines) + "\n")


def _policies(demo: DemoBuilder, parent) -> None:
    twelve = _policy_document(
        demo,
        "Twelve measures for high-tech enterprises (summary)",
        [
            "TWELVE MEASURES TO SUPPORT HIGH-TECH ENTERPRISES - SUMMARY",
            "Issued: May 2020, Wuxi National Hi-tech District",
            "- Award of up to 400,000 yuan for each newly recognised national high-tech enterprise",
            "- Award of up to 5 million yuan for a successful initial public offering",
            "- Annual award fund of 100 million yuan",
            "This summary is for orientation only; the official text prevails.",
        ],
    )
    demo.page(
        parent,
        PolicyPage,
        "twelve-measures-for-high-tech-enterprises",
        key="policy-twelve-measures",
        title="Twelve measures to support high-tech enterprises",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_summary=(
            "Since May 2020: up to 400,000 yuan per recognised high-tech enterprise, up to "
            "5 million yuan for an IPO, from a 100 million-yuan annual fund."
        ),
        summary=rich(
            "In May 2020 the district adopted twelve measures to help technology companies "
            "grow, get recognised as high-tech enterprises and go public. The measures are "
            "paid from an award fund of <b>100 million yuan a year</b>."
        ),
        eligibility=rich(
            "Companies registered and paying tax in Xinwu District, including foreign-invested "
            "enterprises, that carry out research and development in the district."
        )
        + ul(
            "Newly recognised national high-tech enterprises",
            "Companies that list on a stock exchange in China or abroad",
            "Technology SMEs that set up research centres or take part in standards work",
        ),
        benefits=stream(
            (
                "benefit",
                {
                    "title": "High-tech enterprise recognition award",
                    "description": rich(
                        "A one-off award for each company that is newly recognised as a "
                        "national high-tech enterprise."
                    ),
                    "maximum_amount": "up to 400,000 yuan",
                },
            ),
            (
                "benefit",
                {
                    "title": "Listing award",
                    "description": rich(
                        "Paid in stages as a company prepares for and completes its initial "
                        "public offering."
                    ),
                    "maximum_amount": "up to 5 million yuan",
                },
            ),
            (
                "benefit",
                {
                    "title": "Annual award fund",
                    "description": rich("The total budget for the twelve measures each year."),
                    "maximum_amount": "100 million yuan a year",
                },
            ),
        ),
        issuing_body="Wuxi National Hi-tech District / Xinwu District People's Government",
        effective_date=dt.date(2020, 5, 27),
        documents=stream(("document", {"document": twelve.pk, "title": ""})),
        body=stream(
            heading("How to apply"),
            (
                "paragraph",
                rich(
                    "Calls for applications are published once a year. Companies submit "
                    "their application through the district's enterprise service platform; "
                    "awards are paid after the review and a public notice period.",
                ),
            ),
        ),
    )

    talent = _policy_document(
        demo,
        "Talent programme for innovation teams (summary)",
        [
            "TALENT PROGRAMME FOR INNOVATION AND ENTREPRENEURSHIP TEAMS - SUMMARY",
            "- Up to 10 million yuan per selected team",
            "- Up to 100 million yuan for teams led by Nobel laureates or academicians",
            "- Housing allowance of up to 300,000 yuan for graduates of overseas universities",
            "This summary is for orientation only; the official text prevails.",
        ],
    )
    demo.page(
        parent,
        PolicyPage,
        "talent-programme-for-innovation-teams",
        key="policy-talent",
        title="Talent programme for innovation and entrepreneurship teams",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_summary=(
            "Up to 10 million yuan per team, up to 100 million for teams led by Nobel "
            "laureates or academicians, and housing support for overseas graduates."
        ),
        summary=rich(
            "WND was the first national hi-tech zone in China to run a programme for talent "
            "from overseas, starting in 2006. The current programme funds teams that bring a "
            "technology to the district and build a company around it, and helps young "
            "graduates from overseas universities settle in Wuxi."
        ),
        eligibility=rich(
            "Teams of scientists, engineers and entrepreneurs, from China or abroad, who "
            "start or move a company to WND with a technology in one of the district's key "
            "industries. Graduates of overseas universities who take up a job in the district "
            "can apply for the housing allowance."
        ),
        benefits=stream(
            (
                "benefit",
                {
                    "title": "Team funding",
                    "description": rich(
                        "Start-up funding for selected innovation and entrepreneurship teams, "
                        "combined with office or laboratory space."
                    ),
                    "maximum_amount": "up to 10 million yuan per team",
                },
            ),
            (
                "benefit",
                {
                    "title": "Top-level teams",
                    "description": rich(
                        "Tailored support for teams led by Nobel laureates or academicians of "
                        "the Chinese Academy of Sciences or Engineering."
                    ),
                    "maximum_amount": "up to 100 million yuan",
                },
            ),
            (
                "benefit",
                {
                    "title": "Housing allowance for overseas graduates",
                    "description": rich("For graduates of overseas universities working in WND."),
                    "maximum_amount": "up to 300,000 yuan",
                },
            ),
        ),
        issuing_body="Wuxi National Hi-tech District / Xinwu District People's Government",
        effective_date=dt.date(2020, 3, 1),
        documents=stream(("document", {"document": talent.pk, "title": ""})),
    )

    headquarters = _policy_document(
        demo,
        "Support for foreign investment and regional headquarters (summary)",
        [
            "SUPPORT FOR FOREIGN INVESTMENT AND REGIONAL HEADQUARTERS, 2021-2023 - SUMMARY",
            "Status: expired on 31 December 2023. Kept for reference.",
            "- Awards linked to paid-in foreign capital for new and expanding projects",
            "- One-off award for regional headquarters recognised by the province or MOFCOM",
            "- Office rent subsidy for regional headquarters for up to three years",
            "This summary is for orientation only; the official text prevails.",
        ],
    )
    demo.page(
        parent,
        PolicyPage,
        "support-for-foreign-investment-and-regional-headquarters",
        key="policy-headquarters",
        title="Support for foreign investment and regional headquarters (2021–2023)",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_summary=(
            "A summary of the 2021–2023 scheme for foreign-invested projects and regional "
            "headquarters. It has expired and is kept for reference."
        ),
        summary=rich(
            "This page summarises the district's support scheme for foreign direct investment "
            "and regional headquarters that applied from 2021 to 2023. It has expired and is "
            "kept for reference; ask the Investment Promotion Bureau about the measures that "
            "replace it. Amounts are described in general terms because they depended on "
            "the size of each project.",
            "By 2019 seventeen regional headquarters in the district had been recognised by "
            "the Ministry of Commerce, and foreign investment actually used reached a record "
            "1.352 billion US dollars in 2022.",
        ),
        eligibility=rich(
            "Foreign-invested enterprises registered in Xinwu District that set up a new "
            "project, increased their registered capital, or were recognised as a regional "
            "headquarters, procurement centre or R&amp;D centre."
        ),
        benefits=stream(
            (
                "benefit",
                {
                    "title": "Award for paid-in foreign capital",
                    "description": rich(
                        "Scaled to the foreign capital actually paid in during the year, for "
                        "new projects and capital increases."
                    ),
                    "maximum_amount": "",
                },
            ),
            (
                "benefit",
                {
                    "title": "Regional headquarters award",
                    "description": rich(
                        "A one-off award for headquarters recognised at provincial or national level."
                    ),
                    "maximum_amount": "",
                },
            ),
            (
                "benefit",
                {
                    "title": "Office rent subsidy",
                    "description": rich(
                        "For headquarters offices in the district, for up to three years."
                    ),
                    "maximum_amount": "",
                },
            ),
        ),
        issuing_body="Wuxi National Hi-tech District Investment Promotion Bureau",
        effective_date=dt.date(2021, 1, 1),
        expiry_date=dt.date(2023, 12, 31),
        documents=stream(("document", {"document": headquarters.pk, "title": ""})),
    )


# -- Talent Pool, Regulatory Bodies, Advisory Institutions ------------------------------


def _talent_pool(demo: DemoBuilder, parent) -> None:
    talent_policy = demo.pages.get("policy-talent")
    link = (
        f'<a linktype="page" id="{talent_policy.pk}">talent programme</a>'
        if talent_policy
        else "talent programme"
    )
    demo.page(
        parent,
        StandardPage,
        "talent-pool",
        key="talent-pool",
        title="Talent Pool",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_image=demo.image(
            "Guides: talent pool",
            "Illustration of a group of people in front of a teal background",
            motif="people",
            palette="teal",
        ),
        listing_summary=(
            "About 275,000 high-level professionals, 21 R&D institutions and the first "
            "overseas-talent programme of any national hi-tech zone."
        ),
        body=stream(
            (
                "paragraph",
                rich(
                    "Companies in WND recruit from one of the deepest talent pools in the "
                    "Yangtze River Delta. Universities in Wuxi, Suzhou, Nanjing and Shanghai "
                    "are within two hours, and the district itself hosts research institutes, "
                    "incubators and the Sensor-Network University Science Park.",
                ),
            ),
            (
                "key_figures",
                {
                    "title": "Talent and innovation",
                    "figures": [
                        figure("275,000", "High-level professionals", "", "2020", "bizwnden"),
                        figure("21", "R&D institutions", "", "2020", "bizwnden"),
                        figure("14 + 3", "Incubators and accelerators", "", "2020", "bizwnden"),
                        figure(
                            "126", "Invention patents per 10,000 people", "", "2020", "bizwnden"
                        ),
                    ],
                },
            ),
            heading("Funding for talent"),
            (
                "paragraph",
                f"<p>In 2006 WND became the first national hi-tech zone to launch its own "
                f"programme for talent from overseas. Today's {link} offers up to 10 million "
                f"yuan for each selected team, up to 100 million yuan for teams led by Nobel "
                f"laureates or academicians, and housing allowances of up to 300,000 yuan for "
                f"graduates of overseas universities.</p>",
            ),
            heading("Recruiting in the district"),
            (
                "paragraph",
                rich("The district's human resources service centre helps employers to:")
                + ul(
                    "advertise vacancies at job fairs on university campuses across China;",
                    "find graduates through internship programmes with local colleges;",
                    "arrange work and residence permits for foreign specialists;",
                    "claim training subsidies for skilled workers and technicians.",
                ),
            ),
        ),
    )


def _regulatory_bodies(demo: DemoBuilder, parent) -> None:
    bodies = (
        f"<b>{APPROVAL_BUREAU}</b>: company registration, project filing, work permits and "
        "most other licences, through one window at the Government Service Centre",
        "<b>Xinwu Branch of the Wuxi Natural Resources and Planning Bureau</b>: land grants, "
        "planning permits and property registration",
        "<b>Xinwu District Ecology and Environment Bureau</b>: environmental approvals, "
        "discharge permits and inspections",
        "<b>Xinwu District Housing and Construction Bureau</b>: construction drawings, "
        "construction permits, fire design review and completion acceptance",
        "<b>Xinwu District Emergency Management Bureau</b>: work safety and hazardous chemicals",
        f"<b>{TAX_BUREAU}</b>: tax registration, invoices and tax incentives",
        f"<b>{HR_BUREAU}</b>: labour contracts, social insurance and talent services",
        "<b>Wuxi Customs</b>: import and export, bonded zone operations",
    )
    demo.page(
        parent,
        StandardPage,
        "regulatory-bodies",
        key="regulatory-bodies",
        title="Regulatory Bodies",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_image=demo.image(
            "Guides: regulatory bodies",
            "Illustration of office towers in slate grey",
            motif="skyline",
            palette="slate",
        ),
        listing_summary=(
            "Which government office does what, and how the approval green channel gets "
            "major projects through in 35 working days."
        ),
        body=stream(
            (
                "paragraph",
                rich(
                    "Investors in WND deal with one front door: the Government Service Centre, "
                    "where the Administrative Approval Bureau receives applications and passes "
                    "them to the offices concerned. For industrial projects a district project "
                    "manager is assigned as your single point of contact.",
                ),
            ),
            heading("Government service bodies"),
            ("paragraph", ul(*bodies)),
            heading("The approval green channel"),
            (
                "paragraph",
                rich(
                    "For industrial projects the district reviews planning, environmental, "
                    "energy and construction matters in parallel instead of one after another. "
                    "Major projects receive their construction permit within <b>35 working "
                    "days</b> and ordinary projects within <b>50 working days</b>, counted from "
                    "project filing and the signing of the land contract.",
                    "Where a missing document would hold up the whole file, the district can "
                    "accept a written commitment to supply it later, so that the other reviews "
                    "can go ahead.",
                ),
            ),
            ("contact_card", INVESTMENT_CONTACT),
            (
                "contact_card",
                {
                    "name": "Xinwu District Government Service Centre",
                    "address": "Enquire at the Investment Promotion Bureau for the current service hall address and opening hours.",
                    "postcode": "",
                    "email": "",
                    "telephone": "",
                    "fax": "",
                    "website": "",
                },
            ),
        ),
    )


def _advisory_institutions(demo: DemoBuilder, parent) -> None:
    demo.page(
        parent,
        StandardPage,
        "advisory-institutions",
        key="advisory-institutions",
        title="Advisory Institutions",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_image=demo.image(
            "Guides: advisory institutions",
            "Illustration of people meeting in front of an amber background",
            motif="people",
            palette="amber",
        ),
        listing_summary=(
            "Law firms, accountants, HR agencies and other advisers that help companies "
            "set up and run in WND, and how the district's service centre can refer you."
        ),
        body=stream(
            (
                "paragraph",
                rich(
                    "Most investors work with a few outside advisers in their first year. "
                    "Wuxi has a broad market of professional service firms, from the local "
                    "offices of international networks to small specialist practices. The "
                    "district does not recommend individual firms, but its enterprise service "
                    "centre keeps a list of firms that regularly work with foreign-invested "
                    "companies and can introduce you to several so you can compare.",
                ),
            ),
            table(
                "Types of advisers and when you need them",
                [
                    ("Adviser", "Typical services", "When you need them"),
                    (
                        "Law firms",
                        "Articles of association, joint-venture and land contracts, employment law, disputes",
                        "Before registration and before signing land or lease contracts",
                    ),
                    (
                        "Accounting and tax firms",
                        "Bookkeeping, monthly tax filing, annual audit, incentive applications",
                        "From the month the business licence is issued",
                    ),
                    (
                        "HR and recruitment agencies",
                        "Recruitment, payroll, social insurance, dispatch staff",
                        "Before the first hires",
                    ),
                    (
                        "Customs brokers and logistics firms",
                        "Customs declarations, bonded logistics, classification",
                        "Before the first shipment",
                    ),
                    (
                        "Intellectual property agencies",
                        "Trademark and patent filing, technology transfer contracts",
                        "As early as possible, ideally before entering the market",
                    ),
                    (
                        "Translation and notary services",
                        "Certified translations, notarisation of documents",
                        "For registration, permits and court or bank matters",
                    ),
                ],
                first_col_is_header=True,
            ),
            heading("The district's enterprise service centre"),
            (
                "paragraph",
                rich(
                    "The enterprise service centre is run by the district to help companies "
                    "after they have settled. It answers questions on policies and permits in "
                    "English, organises briefings on new regulations and refers companies to "
                    "accredited service providers. Its services are free of charge.",
                ),
            ),
            heading("Choosing an adviser", "h3"),
            (
                "paragraph",
                ul(
                    "Ask for references from other foreign-invested companies in the district.",
                    "Check that lawyers and accountants are licensed in China; foreign firms may advise only on foreign law.",
                    "Agree fees and deliverables in writing before work starts.",
                ),
            ),
            ("contact_card", INVESTMENT_CONTACT),
        ),
    )


# -- Q & A --------------------------------------------------------------------------------


def _qa(question, *paragraphs):
    return {"question": question, "answer": rich(*paragraphs)}


def _questions(demo: DemoBuilder, parent) -> None:
    topics = (
        (
            "Company setup",
            (
                _qa(
                    "How long does it take to set up a foreign-invested company in WND?",
                    "With complete documents, the business licence is usually issued within "
                    "three working days. Seals, bank accounts and tax registration take about "
                    "another week. Notarising the investor's documents abroad often takes "
                    "longer than the steps in China, so start that first.",
                ),
                _qa(
                    "Do I need approval from the commerce authorities?",
                    "Not in most cases. Since 2020 foreign investment is only reported, not "
                    "approved, unless the business is on the national negative list.",
                ),
                _qa(
                    "Is there a minimum registered capital?",
                    "There is no general minimum, but the capital should be realistic for the "
                    "planned business. Under the current Company Law the subscribed capital "
                    "must be paid in within five years.",
                ),
                _qa(
                    "Can the legal representative live outside China?",
                    "Yes, but they will need to sign documents and may be asked to verify "
                    "their identity, so many companies appoint a general manager based in "
                    "Wuxi.",
                ),
            ),
        ),
        (
            "Land and premises",
            (
                _qa(
                    "How do I obtain industrial land?",
                    "Industrial land is granted through a public listing. The Investment "
                    "Promotion Bureau helps you find a suitable plot and explains the planning "
                    "conditions before the listing.",
                ),
                _qa(
                    "Can I rent a ready-built factory instead?",
                    "Yes. Several of the district's theme parks offer standard factory "
                    "buildings and laboratories for rent, which lets you start production "
                    "within months rather than years.",
                ),
                _qa(
                    "How long does construction approval take?",
                    "Through the green channel, major projects get their construction permit "
                    "within 35 working days and ordinary projects within 50.",
                ),
            ),
        ),
        (
            "Tax and incentives",
            (
                _qa(
                    "What is the corporate income tax rate?",
                    "The standard rate is 25%. Recognised high-tech enterprises pay 15%, and "
                    "small low-profit enterprises benefit from reduced rates.",
                ),
                _qa(
                    "What support is available for high-tech companies?",
                    "Under the district's twelve measures of May 2020, a newly recognised "
                    "high-tech enterprise can receive up to 400,000 yuan, and a company that "
                    "goes public up to 5 million yuan.",
                ),
                _qa(
                    "Are policy awards taxable?",
                    "Some government awards are treated as non-taxable income if they are used "
                    "for the stated purpose and accounted for separately. Ask your tax adviser "
                    "before you book them.",
                ),
            ),
        ),
        (
            "Living and visas for foreign staff",
            (
                _qa(
                    "Which visa do foreign employees need?",
                    "A work (Z) visa, followed by a work permit and a residence permit after "
                    "arrival. Family members can apply for accompanying residence permits.",
                ),
                _qa(
                    "Are there international schools nearby?",
                    "Yes. Wuxi has several international schools and bilingual schools, and "
                    "some are in or close to the district.",
                ),
                _qa(
                    "How do we get to Shanghai?",
                    "High-speed trains reach Shanghai in about 30 minutes at best, and "
                    "Sunan Shuofang International Airport in the district has flights to "
                    "Hong Kong, Macau, Taiwan, Tokyo, Osaka, Singapore, Korea and Thailand.",
                ),
                _qa(
                    "Is there medical care in English?",
                    "Larger hospitals in Wuxi have international clinics, and Xinrui Hospital "
                    "in the district opened in 2019 with 501 beds.",
                ),
            ),
        ),
    )
    demo.page(
        parent,
        QAPage,
        "q-a",
        key="q-a",
        title="Q & A",
        show_in_menus=True,
        last_reviewed=REVIEWED,
        listing_image=demo.image(
            "Guides: questions and answers",
            "Illustration of a lake with hills in green",
            motif="lake",
            palette="green",
        ),
        listing_summary=(
            "Answers to the questions investors ask most: company setup, land, tax and "
            "incentives, and living in Wuxi."
        ),
        intro=rich(
            "Short answers to common questions. For anything specific to your project, "
            "write to the Investment Promotion Bureau at bizwnd@wnd.gov.cn."
        ),
        topics=stream(
            *(
                ("topic", {"heading": heading_text, "questions": list(qas)})
                for heading_text, qas in topics
            )
        ),
    )
