"""Demo content for Business: Key Industries, Industrial Parks and Star Companies.

Figures come from the reference facts table (/work/shared/reference/site.md, §3) and
carry their year; the wording is our own. Park coordinates are plausible positions in
the district, not surveyed ones, and each park page says so. Company logos are
generated monograms, described as placeholders in their alt text.

Pages are registered under keys so later modules can link them: "key-industries",
"industrial-parks", "star-companies", "industry-<key>", "park-<key>", "company-<key>".
"""

import io
from decimal import Decimal

from django.core.files.base import ContentFile
from PIL import Image, ImageDraw, ImageFont

from zoneportal.business.models import (
    CompanyIndexPage,
    CompanyPage,
    IndustryIndexPage,
    IndustryPage,
    ParkGalleryImage,
    ParkIndexPage,
    ParkPage,
)
from zoneportal.core.models import SiteImage

from ..builder import DemoBuilder, rich, stream

CREDIT = "ZonePortal demo"  # shown as "[Photo/ZonePortal demo]" in the page language
OVERVIEW_SOURCE = "bizwnd.gov.cn overview"

CONTACT = {
    "name": "Investment Promotion Bureau, Wuxi National Hi-tech District",
    "address": "No. 28 Hefeng Road, Xinwu District, Wuxi, Jiangsu Province, China",
    "postcode": "214135",
    "email": "bizwnd@wnd.gov.cn",
    "telephone": "+86 510 6855 9016 / +86 510 6855 9086",
    "fax": "+86 510 8521 3006",
    "website": "",
}

MOTIF_ALT = {
    "circuit": "Illustration of circuit-board traces around a dark square chip",
    "molecule": "Illustration of linked circles forming a molecule-like chain",
    "park": "Illustration of a low white building among trees on a green lawn",
    "skyline": "Illustration of a row of office towers with lit windows",
    "lake": "Illustration of hills beside a lake under a round sun",
    "people": "Illustration of a row of people standing side by side",
}


def load(demo: DemoBuilder) -> None:
    business = demo.get("business")
    industry_index = demo.page(
        business,
        IndustryIndexPage,
        "key-industries",
        key="key-industries",
        title="Key Industries",
        show_in_menus=True,
        listing_image=_art(demo, "Key industries", "circuit", "blue"),
        listing_summary=(
            "Six emerging industries, led by integrated circuits, the Internet of Things and "
            "biomedicine, plus a fast-growing software and digital economy."
        ),
        intro=rich(
            "In 2015 the district's six emerging industries together produced 237.8 billion "
            "yuan of output. Each page below explains what the cluster makes, which "
            "companies lead it and which parks host it."
        ),
    )
    park_index = demo.page(
        business,
        ParkIndexPage,
        "industrial-parks",
        key="industrial-parks",
        title="Industrial Parks",
        show_in_menus=True,
        listing_image=_art(demo, "Industrial parks", "park", "green"),
        listing_summary=(
            "Theme parks for chips, life sciences, software and zero-carbon technology, "
            "from the 1993 Wuxi-Singapore Industrial Park to parks opened this decade."
        ),
        intro=rich(
            "The district groups companies in theme parks so that suppliers, laboratories "
            "and talent sit close together. Filter the list by the industry you work in."
        ),
    )
    company_index = demo.page(
        business,
        CompanyIndexPage,
        "star-companies",
        key="star-companies",
        title="Star Companies",
        show_in_menus=True,
        listing_image=_art(demo, "Star companies", "skyline", "slate"),
        listing_summary=(
            "Global names and home-grown champions: more than 1,600 foreign-invested "
            "companies work in the district (2020)."
        ),
        intro=rich(
            "A selection of the companies that have grown in the district, from memory-chip "
            "and pharmaceutical multinationals to listed Chinese chip designers. Filter by "
            "industry or by the company's country of origin."
        ),
    )
    industries = _industries(demo, industry_index)
    parks = _parks(demo, park_index, industries)
    _companies(demo, company_index, industries, parks)


# -- images -----------------------------------------------------------------------------


def _art(demo: DemoBuilder, title: str, motif: str, palette: str, size=(1200, 675)):
    return demo.image(
        f"Business: {title}",
        MOTIF_ALT[motif],
        credit=CREDIT,
        motif=motif,
        palette=palette,
        size=size,
    )


LOGO_COLOURS = {
    "blue": ((11, 79, 138), "dark blue"),
    "red": ((153, 27, 27), "dark red"),
    "teal": ((15, 94, 97), "teal"),
    "green": ((22, 101, 52), "green"),
    "slate": ((30, 41, 59), "slate grey"),
    "amber": ((146, 64, 14), "brown"),
    "purple": ((76, 29, 149), "purple"),
}


def _logo(demo: DemoBuilder, company: str, letters: str, colour: str) -> SiteImage:
    """A square monogram standing in for the company's real logo (created once)."""
    title = f"Logo placeholder: {company}"
    existing = SiteImage.objects.filter(title=title).first()
    if existing is not None:
        return existing
    rgb, colour_name = LOGO_COLOURS[colour]
    size = 400
    image = Image.new("RGB", (size, size), rgb)
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle([16, 16, size - 16, size - 16], radius=36, outline="white", width=8)
    font = ImageFont.load_default(size=190 if len(letters) <= 2 else 130)
    draw.text((size / 2, size / 2), letters, fill="white", font=font, anchor="mm")
    buffer = io.BytesIO()
    image.save(buffer, format="PNG", optimize=True)
    logo = SiteImage(
        title=title,
        description=(
            f"Placeholder logo for {company}: the letters {letters} in white on a "
            f"{colour_name} square"
        ),
        credit=CREDIT,
        collection=demo.collection(),
        file=ContentFile(buffer.getvalue(), name=f"logo-{letters.lower()}-{colour}.png"),
        width=size,
        height=size,
    )
    logo.save()
    return logo


# -- industries -------------------------------------------------------------------------


def _figures(title, *figures):
    return (
        "key_figures",
        {
            "title": title,
            "figures": [
                {"value": value, "unit": unit, "label": label, "year": year, "source": source}
                for value, unit, label, year, source in figures
            ],
        },
    )


def _output_2015(value):
    return (value, "bn yuan", "Industry output", "2015", OVERVIEW_SOURCE)


INDUSTRIES = (
    {
        "key": "semiconductors",
        "slug": "integrated-circuits",
        "title": "Integrated Circuits & Semiconductors",
        "motif": ("circuit", "blue"),
        "summary": (
            "The district's largest cluster: memory fabs, chip design, power devices and "
            "equipment, about one ninth of China's IC output at the end of 2022."
        ),
        "overview": (
            "Chip making is the district's signature industry. The cluster covers the whole "
            "chain, from design houses and wafer fabs to packaging, testing and the parts "
            "that keep production lines running.",
            "At the end of 2022 the integrated-circuit cluster's output reached 135.2 billion "
            "yuan, roughly one ninth of the national total, and it was named to the national "
            "list of manufacturing innovation clusters.",
        ),
        "figures": (
            _output_2015("54.6"),
            ("135.2", "bn yuan", "IC cluster output", "end of 2022", "chinaservicesinfo.com"),
            ("8", "", "Listed companies in the IC cluster", "2022", "chinaservicesinfo.com"),
        ),
        "body": (
            "SK hynix has made memory chips here since 2005; its second fab started mass "
            "production in May 2019. In January 2020 the company and the district signed an "
            "agreement on a dedicated IC industrial park.",
            "Listed Chinese firms such as CR Micro, Chipown, NCE Power and Lead Intelligent "
            "are also part of the cluster.",
        ),
    },
    {
        "key": "biomedicine",
        "slug": "biomedicine",
        "title": "Biomedicine",
        "motif": ("molecule", "teal"),
        "summary": (
            "More than 150 biomedical firms, from AstraZeneca's I-Campus to WuXi AppTec, Dizal "
            "and Jemincare."
        ),
        "overview": (
            "Pharmaceuticals, contract research and medical devices make up the district's "
            "biomedical cluster. AstraZeneca, present since 1993, anchors it, and its "
            "I-Campus incubates younger companies next door.",
            "Biomedical output passed 53 billion yuan in 2019.",
        ),
        "figures": (
            _output_2015("18"),
            ("53+", "bn yuan", "Biomedical output", "2019", "wndonline.cn"),
            ("150+", "", "Biomedical companies", "2020", "wndonline.cn"),
        ),
        "body": (
            "The I-Campus agreement was signed at the Boao forum in 2019. The first ten "
            "companies moved in in April 2020, and the third phase was launched on 19 May "
            "2023.",
        ),
    },
    {
        "key": "iot",
        "slug": "internet-of-things",
        "title": "Internet of Things & Sensor Networks",
        "motif": ("circuit", "teal"),
        "summary": (
            "Sensors, MEMS devices and networked systems: the largest of the six emerging "
            "industries by 2015 output."
        ),
        "overview": (
            "Wuxi is known in China as a birthplace of the sensor-network industry. In the "
            "district, MEMS chips, sensors and the software that connects them are developed "
            "side by side, with a dedicated MEMS park and a Sensor-Network University park.",
        ),
        "figures": (_output_2015("72.2"),),
        "body": (),
    },
    {
        "key": "new-energy",
        "slug": "new-energy",
        "title": "New Energy & New Energy Vehicles",
        "motif": ("skyline", "amber"),
        "summary": (
            "Photovoltaics, batteries and vehicle parts, with the first zero-carbon "
            "technology park in Jiangsu."
        ),
        "overview": (
            "Photovoltaics and auto parts were among the district's early pillar industries. "
            "Today the focus is on clean power, energy storage and parts for new energy "
            "vehicles, with the Wuxi Zero Carbon Technology Industrial Park as a testbed.",
        ),
        "figures": (_output_2015("7.6"),),
        "body": (),
    },
    {
        "key": "new-materials",
        "slug": "new-materials",
        "title": "New Materials & Displays",
        "motif": ("lake", "dusk"),
        "summary": "Advanced materials and display components for electronics and industry.",
        "overview": (
            "Advanced materials and display components supply the district's electronics "
            "makers and customers across China. Japanese manufacturers such as Sumitomo "
            "Electric have added projects here.",
        ),
        "figures": (_output_2015("52"),),
        "body": (),
    },
    {
        "key": "energy-saving",
        "slug": "energy-saving",
        "title": "Energy Saving & Environmental Protection",
        "motif": ("park", "green"),
        "summary": "Technologies and services that cut energy use and pollution.",
        "overview": (
            "Companies in this cluster design equipment and services that save energy, treat "
            "water and reduce emissions, and test them on the district's own sites.",
        ),
        "figures": (_output_2015("34.6"),),
        "body": (),
    },
    {
        "key": "software",
        "slug": "software",
        "title": "Software & Digital Economy",
        "motif": ("people", "slate"),
        "summary": "Software, platforms and e-commerce, centred on the National Software Park.",
        "overview": (
            "Software developers, platform companies and e-commerce services cluster around "
            "the National Software Park. In March 2025 JD signed an agreement with the "
            "district on a cross-border e-commerce industrial park.",
        ),
        "figures": (),
        "body": (),
    },
)


def _industries(demo: DemoBuilder, parent) -> dict:
    pages = {}
    for spec in INDUSTRIES:
        motif, palette = spec["motif"]
        figures = spec["figures"]
        pages[spec["key"]] = demo.page(
            parent,
            IndustryPage,
            spec["slug"],
            key=f"industry-{spec['key']}",
            title=spec["title"],
            listing_image=_art(demo, spec["title"], motif, palette),
            listing_summary=spec["summary"],
            overview=rich(*spec["overview"]),
            key_figures=stream(_figures("Key figures", *figures)) if figures else "[]",
            body=stream(("paragraph", rich(*spec["body"]))) if spec["body"] else "[]",
        )
    return pages


# -- parks ------------------------------------------------------------------------------

APPROXIMATE = "The map position given on this page is approximate."

PARKS = (
    {
        "key": "wuxi-singapore",
        "slug": "wuxi-singapore-industrial-park",
        "title": "Wuxi-Singapore Industrial Park",
        "industries": ("semiconductors", "new-materials"),
        "motif": ("skyline", "blue"),
        "lat": "31.530000",
        "lon": "120.380000",
        "area": None,
        "year": 1993,
        "address": "Xinwu District, Wuxi, Jiangsu Province",
        "summary": (
            "The district's first international park, developed with Singapore's Sembcorp "
            "since the end of 1993."
        ),
        "body": (
            "The park was founded at the end of 1993 together with Sembcorp of Singapore. By "
            "2007 about 3 km² had been developed and 88 foreign companies were at work here.",
            "The park celebrated its 30th anniversary in 2023.",
        ),
        "facilities": (),
    },
    {
        "key": "taihu-science",
        "slug": "taihu-international-science-park",
        "title": "Taihu International Science Park",
        "industries": ("iot", "software", "biomedicine"),
        "motif": ("park", "teal"),
        "lat": "31.495000",
        "lon": "120.400000",
        "area": "23",
        "year": None,
        "address": "Xinwu District, Wuxi, Jiangsu Province",
        "summary": "A 23 km² science park three kilometres from Sunan Shuofang airport.",
        "body": (
            "Covering 23 km², the science park lies only about 3 km from Sunan Shuofang "
            "International Airport, which makes it convenient for research teams that travel "
            "often.",
        ),
        "facilities": ("About 3 km from Sunan Shuofang International Airport",),
    },
    {
        "key": "zero-carbon",
        "slug": "zero-carbon-technology-industrial-park",
        "title": "Wuxi Zero Carbon Technology Industrial Park",
        "industries": ("new-energy", "energy-saving"),
        "motif": ("park", "green"),
        "lat": "31.520000",
        "lon": "120.460000",
        "area": "24",
        "year": 2021,
        "address": "Xinwu District, Wuxi, Jiangsu Province",
        "summary": "Jiangsu's first zero-carbon technology park, opened in May 2021 on 24 km².",
        "body": (
            "Opened in May 2021, this 24 km² park was the first of its kind in Jiangsu "
            "Province. It is meant for companies working on clean energy, energy storage and "
            "low-carbon technology.",
        ),
        "facilities": (),
    },
    {
        "key": "xingang-ic",
        "slug": "xingang-ic-equipment-parts-industrial-park",
        "title": "Xingang IC Equipment Parts Industrial Park",
        "industries": ("semiconductors",),
        "motif": ("circuit", "slate"),
        "lat": "31.485000",
        "lon": "120.350000",
        "area": None,
        "year": None,
        "address": "Xinwu District, Wuxi, Jiangsu Province",
        "summary": "Suppliers of parts and equipment for chip production lines.",
        "body": (
            "The park gathers makers of the parts and equipment that semiconductor fabs "
            "depend on. Korea's Gigalane opened its China headquarters here on 20 March 2025.",
        ),
        "facilities": (),
    },
    {
        "key": "life-science",
        "slug": "wuxi-life-science-park",
        "title": "Wuxi Life Science Park",
        "industries": ("biomedicine",),
        "motif": ("molecule", "blue"),
        "lat": "31.505000",
        "lon": "120.355000",
        "area": None,
        "year": None,
        "address": "Xinwu District, Wuxi, Jiangsu Province",
        "summary": "One of the district's nine theme parks, for drug makers and researchers.",
        "body": (
            "The Life Science park is one of the district's nine theme parks. It hosts "
            "pharmaceutical, contract-research and medical-device companies within reach of "
            "the district's hospitals.",
        ),
        "facilities": (),
    },
    {
        "key": "software",
        "slug": "national-software-park",
        "title": "National Software Park (Wuxi)",
        "industries": ("software", "iot"),
        "motif": ("skyline", "dusk"),
        "lat": "31.492000",
        "lon": "120.362000",
        "area": None,
        "year": None,
        "address": "Xinwu District, Wuxi, Jiangsu Province",
        "summary": "Offices for software, platform and IoT companies.",
        "body": (
            "One of the district's nine theme parks, the National Software Park offers "
            "offices for developers of software, online platforms and IoT applications.",
        ),
        "facilities": (),
    },
    {
        "key": "xingzhou",
        "slug": "xingzhou-industrial-park",
        "title": "Xingzhou Industrial Park",
        "industries": ("new-materials", "semiconductors"),
        "motif": ("park", "amber"),
        "lat": "31.560000",
        "lon": "120.400000",
        "area": None,
        "year": None,
        "address": "Xinwu District, Wuxi, Jiangsu Province",
        "summary": "A manufacturing park where Sumitomo Electric signed a new project in 2020.",
        "body": (
            "On 10 January 2020 the park signed five projects worth more than 600 million "
            "yuan in total, among them one by Sumitomo Electric.",
        ),
        "facilities": (),
    },
)


def _parks(demo: DemoBuilder, parent, industries: dict) -> dict:
    pages = {}
    for spec in PARKS:
        motif, palette = spec["motif"]
        cover = _art(demo, spec["title"], motif, palette)
        detail = _art(demo, f"{spec['title']} (offices)", "skyline", palette)
        body = [("paragraph", rich(*spec["body"], APPROXIMATE))]
        pages[spec["key"]] = demo.page(
            parent,
            ParkPage,
            spec["slug"],
            key=f"park-{spec['key']}",
            title=spec["title"],
            listing_image=cover,
            listing_summary=spec["summary"],
            address=spec["address"],
            latitude=Decimal(spec["lat"]),
            longitude=Decimal(spec["lon"]),
            area_km2=Decimal(spec["area"]) if spec["area"] else None,
            established_year=spec["year"],
            focus_industries=[industries[key] for key in spec["industries"]],
            facilities=stream(*[("facility", text) for text in spec["facilities"]]),
            body=stream(*body),
            contact=stream(("contact_card", CONTACT)),
            gallery_images=[
                ParkGalleryImage(image=cover, caption=f"{spec['title']}: an artist's impression."),
                ParkGalleryImage(image=detail, caption="Offices and laboratories in the park."),
            ],
        )
    return pages


# -- companies --------------------------------------------------------------------------

COMPANIES = (
    {
        "key": "sk-hynix",
        "title": "SK hynix",
        "logo": ("SK", "red"),
        "country": "KR",
        "industry": "semiconductors",
        "park": None,
        "year": 2005,
        "website": "https://www.skhynix.com/",
        "summary": "Korean memory-chip maker, in Wuxi since 2005.",
        "description": (
            "SK hynix opened its Wuxi memory-chip operation in 2005 and has invested about "
            "20 billion US dollars in the city since. Its second fab, a project of 8.6 billion "
            "dollars, began mass production in May 2019.",
            "The company also runs a hospital and a school in the district, and in January "
            "2020 it agreed with the district to build an IC industrial park. Its foreign "
            "trade grew by 47% in the first eight months of 2024.",
        ),
    },
    {
        "key": "astrazeneca",
        "title": "AstraZeneca",
        "logo": ("AZ", "purple"),
        "country": "GB",
        "industry": "biomedicine",
        "park": None,
        "year": 1993,
        "website": "https://www.astrazeneca.com/",
        "summary": "British-Swedish drug maker, in the district since 1993 and host of I-Campus.",
        "description": (
            "The British-Swedish pharmaceutical group has worked in the district since 1993. "
            "Its I-Campus, agreed in 2019, welcomed its first ten start-ups in April 2020 and "
            "opened a third phase on 19 May 2023.",
        ),
    },
    {
        "key": "murata",
        "title": "Murata",
        "logo": ("M", "blue"),
        "country": "JP",
        "industry": "iot",
        "park": None,
        "year": None,
        "website": "https://www.murata.com/",
        "summary": "Japanese maker of electronic components.",
        "description": (
            "The Japanese electronic-components maker is one of the best-known Japanese "
            "investors in the district.",
        ),
    },
    {
        "key": "sumitomo-electric",
        "title": "Sumitomo Electric",
        "logo": ("SE", "slate"),
        "country": "JP",
        "industry": "new-materials",
        "park": "xingzhou",
        "year": None,
        "website": "https://sumitomoelectric.com/",
        "summary": "Japanese manufacturer that signed a project at Xingzhou Industrial Park.",
        "description": (
            "Sumitomo Electric's project was one of five signed at Xingzhou Industrial Park "
            "on 10 January 2020.",
        ),
    },
    {
        "key": "wuxi-apptec",
        "title": "WuXi AppTec",
        "logo": ("WA", "teal"),
        "country": "CN",
        "industry": "biomedicine",
        "park": None,
        "year": None,
        "website": "https://www.wuxiapptec.com/",
        "summary": "Research and manufacturing services for drug developers.",
        "description": (
            "WuXi AppTec offers research, development and manufacturing services to "
            "pharmaceutical companies and is one of the best-known names in the district's "
            "biomedical cluster.",
        ),
    },
    {
        "key": "dizal",
        "title": "Dizal",
        "logo": ("DZ", "green"),
        "country": "CN",
        "industry": "biomedicine",
        "park": None,
        "year": None,
        "website": "",
        "summary": "Drug developer in the district's biomedical cluster.",
        "description": (
            "Dizal develops new medicines and belongs to the group of more than 150 "
            "biomedical companies in the district.",
        ),
    },
    {
        "key": "jemincare",
        "title": "Jemincare",
        "logo": ("JM", "amber"),
        "country": "CN",
        "industry": "biomedicine",
        "park": None,
        "year": None,
        "website": "",
        "summary": "Pharmaceutical company in the district's biomedical cluster.",
        "description": (
            "Jemincare is one of the pharmaceutical companies the district names among the "
            "leaders of its biomedical cluster.",
        ),
    },
    {
        "key": "cr-micro",
        "title": "CR Micro",
        "logo": ("CR", "blue"),
        "country": "CN",
        "industry": "semiconductors",
        "park": None,
        "year": None,
        "website": "",
        "summary": "Listed chip maker in the district's IC cluster.",
        "description": (
            "China Resources Microelectronics is one of the eight listed companies in the "
            "district's integrated-circuit cluster.",
        ),
    },
    {
        "key": "chipown",
        "title": "Chipown",
        "logo": ("CP", "teal"),
        "country": "CN",
        "industry": "semiconductors",
        "park": None,
        "year": None,
        "website": "",
        "summary": "Listed chip designer in the district's IC cluster.",
        "description": (
            "Chipown designs integrated circuits and is one of the listed companies in the "
            "district's IC cluster.",
        ),
    },
    {
        "key": "nce-power",
        "title": "NCE Power",
        "logo": ("NCE", "slate"),
        "country": "CN",
        "industry": "semiconductors",
        "park": None,
        "year": None,
        "website": "",
        "summary": "Listed power-semiconductor company in the IC cluster.",
        "description": (
            "NCE Power works on power semiconductors and is one of the listed companies in "
            "the district's IC cluster.",
        ),
    },
    {
        "key": "lead-intelligent",
        "title": "Lead Intelligent",
        "logo": ("LI", "green"),
        "country": "CN",
        "industry": "semiconductors",
        "park": None,
        "year": None,
        "website": "",
        "summary": "Listed equipment maker counted in the district's IC cluster.",
        "description": (
            "Lead Intelligent builds automated production equipment and is counted among "
            "the listed companies of the district's integrated-circuit cluster.",
        ),
    },
    {
        "key": "gigalane",
        "title": "Gigalane",
        "logo": ("GL", "purple"),
        "country": "KR",
        "industry": "semiconductors",
        "park": "xingang-ic",
        "year": 2025,
        "website": "",
        "summary": "Korean company that opened its China headquarters here in March 2025.",
        "description": (
            "The Korean company opened its China headquarters at the Xingang IC Equipment "
            "Parts Industrial Park on 20 March 2025.",
        ),
    },
    {
        "key": "sembcorp",
        "title": "Sembcorp",
        "logo": ("SC", "red"),
        "country": "SG",
        "industry": None,
        "park": "wuxi-singapore",
        "year": 1993,
        "website": "https://www.sembcorp.com/",
        "summary": "Singapore group that co-founded the Wuxi-Singapore Industrial Park.",
        "description": (
            "Sembcorp of Singapore developed the Wuxi-Singapore Industrial Park with the "
            "district from the end of 1993.",
        ),
    },
    {
        "key": "jd",
        "title": "JD",
        "logo": ("JD", "red"),
        "country": "CN",
        "industry": "software",
        "park": None,
        "year": None,
        "website": "https://www.jd.com/",
        "summary": "E-commerce group planning a cross-border e-commerce park with the district.",
        "description": (
            "JD, one of China's largest online retailers, signed an agreement with the "
            "district on 19 March 2025 to develop a cross-border e-commerce industrial park.",
        ),
    },
)


def _companies(demo: DemoBuilder, parent, industries: dict, parks: dict) -> None:
    for spec in COMPANIES:
        letters, colour = spec["logo"]
        demo.page(
            parent,
            CompanyPage,
            spec["key"],
            key=f"company-{spec['key']}",
            title=spec["title"],
            logo=_logo(demo, spec["title"], letters, colour),
            country=spec["country"],
            industry=industries[spec["industry"]] if spec["industry"] else None,
            park=parks[spec["park"]] if spec["park"] else None,
            year_of_arrival=spec["year"],
            website=spec["website"],
            listing_summary=spec["summary"],
            description=rich(*spec["description"]),
        )
