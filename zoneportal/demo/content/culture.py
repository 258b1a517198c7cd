"""Demo content: Culture & Tourism — events, attractions and local specialties.

Upcoming events are dated relative to the moment the demo is first loaded, so a
fresh demo always has something coming up. Pages are looked up by slug, so loading
again later keeps the dates that were set the first time.
"""

import datetime as dt
from zoneinfo import ZoneInfo

from django.conf import settings
from django.utils import timezone

from zoneportal.core.models import SectionPage
from zoneportal.culture.models import AttractionPage, EventIndexPage, EventPage, SpecialtyPage

from ..builder import DemoBuilder, rich, stream

CREDIT = "ZonePortal demo"
# Every demo event is in the district: the parts of its address after the street.
EVENT_ADDRESS = {
    "venue_locality": "Wuxi",
    "venue_region": "Jiangsu",
    "venue_postal_code": "214135",
    "venue_country": "CN",
}


def _local(year, month, day, hour=0, minute=0):
    return dt.datetime(year, month, day, hour, minute, tzinfo=ZoneInfo(settings.TIME_ZONE))


def _from_today(days, hour, minute=0):
    """A wall-clock time in the site time zone, `days` after today."""
    today = timezone.localdate()
    day = today + dt.timedelta(days=days)
    return _local(day.year, day.month, day.day, hour, minute)


def _gallery(*items):
    return stream(
        *[
            ("image", {"image": image.pk, "caption": caption, "credit": "", "alt_text": ""})
            for image, caption in items
        ]
    )


def _hours(*periods):
    return stream(*[("period", {"days": days, "hours": hours}) for days, hours in periods])


def _body(*paragraphs):
    return stream(("paragraph", rich(*paragraphs)))


def load(demo: DemoBuilder) -> None:
    section = demo.get("culture-tourism")
    _events(demo, section)
    _attractions(demo, section)
    _specialties(demo, section)


# -- events -------------------------------------------------------------------------------


def _events(demo: DemoBuilder, section) -> None:
    index = demo.page(
        section,
        EventIndexPage,
        "events",
        key="events",
        title="Events",
        show_in_menus=True,
        listing_summary=(
            "Festivals, concerts, open days and investment conferences in Xinwu, with "
            "calendar files you can add to your own diary."
        ),
        intro=(
            "<p>What is on in the Wuxi National Hi-tech District: temple fairs and concerts, "
            "factory and museum open days, and the conferences where investors meet the "
            "district. Times are given in China Standard Time.</p>"
        ),
    )

    crowd = demo.image(
        "Culture: temple fair crowd",
        "Illustration of a crowd of people gathered at an outdoor fair",
        credit=CREDIT,
        motif="people",
        palette="red",
    )
    hall = demo.image(
        "Culture: concert hall by the river",
        "Illustration of a modern building beside a river at dusk",
        credit=CREDIT,
        motif="lake",
        palette="dusk",
    )
    park = demo.image(
        "Culture: industrial park skyline",
        "Illustration of an industrial park skyline with office towers",
        credit=CREDIT,
        motif="skyline",
        palette="blue",
    )
    visitors = demo.image(
        "Culture: visiting group",
        "Illustration of a small group of visitors on a guided tour",
        credit=CREDIT,
        motif="people",
        palette="teal",
    )
    dig = demo.image(
        "Culture: archaeological park",
        "Illustration of green parkland with paths and low mounds",
        credit=CREDIT,
        motif="park",
        palette="green",
    )
    conference = demo.image(
        "Culture: signing ceremony",
        "Illustration of a stage with a screen and rows of delegates",
        credit=CREDIT,
        motif="people",
        palette="slate",
    )

    upcoming = (
        {
            "slug": "erhu-workshop-open-day",
            "title": "Erhu workshop open day in Meicun",
            "start": _from_today(10, 9, 30),
            "end": _from_today(10, 16, 30),
            "venue_name": "Meicun Erhu Industrial Park",
            "venue_address": "Meicun Subdistrict, Xinwu District, Wuxi, Jiangsu",
            "organiser": "Meicun Subdistrict Office",
            "listing_image": visitors,
            "listing_summary": (
                "Workshops in Meicun open their doors: see how an erhu is carved, covered "
                "and strung, then try a few notes yourself."
            ),
            "body": _body(
                "Meicun has made the two-stringed erhu for generations. On this open day "
                "several workshops in the erhu industrial park welcome visitors to watch the "
                "stages of the craft, from shaping the hardwood neck to stretching python "
                "skin over the sound box.",
                "Short demonstrations run through the day and a teacher offers a beginners' "
                "corner. The programme is in Chinese with English help on request.",
            ),
        },
        {
            "slug": "hongshan-archaeology-weekend",
            "title": "Archaeology weekend at Hongshan",
            "start": _from_today(30, 9),
            "end": _from_today(31, 16),
            "venue_name": "Hongshan National Archaeological Park",
            "venue_address": "Hongshan Subdistrict, Xinwu District, Wuxi, Jiangsu",
            "organiser": "Xinwu District culture and tourism office",
            "registration_deadline": _from_today(25, 0).date(),
            "listing_image": dig,
            "listing_summary": (
                "Two days of guided walks through the archaeological park, with family "
                "activities and talks on what the excavations found."
            ),
            "body": _body(
                "Guides lead small groups around the park's zones and explain how the Wu "
                "culture sites were surveyed and dug. Children can try a sand-pit dig and "
                "piece together replica pottery.",
                "Places on the guided walks are limited: register before the deadline through "
                "the Leave Your Message Here form. "
                "Wear comfortable shoes: the paths are long and partly unpaved.",
            ),
        },
        {
            "slug": "investor-open-day-taihu-bay",
            "title": "Investor open day: Taihu Bay Sci-Tech Innovation City",
            "start": _from_today(45, 14),
            "end": _from_today(45, 17, 30),
            "venue_name": "Taihu Bay Sci-Tech Innovation City",
            "venue_address": "Xinwu District, Wuxi, Jiangsu",
            "organiser": "Wuxi National Hi-tech District investment promotion bureau",
            "registration_deadline": _from_today(38, 0).date(),
            "listing_image": park,
            "listing_summary": (
                "An afternoon briefing and site tour for companies considering a base in "
                "the district's lakeside innovation city."
            ),
            "body": _body(
                "The afternoon opens with a short briefing on land, policy support and "
                "approval times, followed by a bus tour of available buildings and a "
                "question-and-answer session with the investment team.",
                "Interpreters for English, Japanese and Korean are available if you ask "
                "for one when registering.",
            ),
        },
        {
            "slug": "symphony-hall-season-concert",
            "title": "Season concert at Wuxi Symphony Hall",
            "start": _from_today(60, 19, 30),
            "end": _from_today(60, 21, 30),
            "venue_name": "Wuxi Symphony Hall",
            "venue_address": "Beside the Feicui River, Xinwu District, Wuxi, Jiangsu",
            "organiser": "Wuxi Symphony Hall",
            "listing_image": hall,
            "listing_summary": (
                "An evening of orchestral music in the 1,500-seat main hall beside the "
                "Feicui River."
            ),
            "body": _body(
                "The orchestra's season programme pairs well-known symphonic works with "
                "pieces for Chinese instruments, including a concerto for erhu.",
                "Tickets are sold by the hall's box office. Doors open 45 minutes before "
                "the concert.",
            ),
        },
    )
    past = (
        {
            "slug": "taibo-temple-fair-2025",
            "title": "Taibo Temple Fair 2025",
            "start": _local(2025, 2, 6, 0),
            "end": _local(2025, 2, 6, 23, 59),
            "all_day": True,
            "venue_name": "Taibo Temple",
            "venue_address": "Meicun Subdistrict, Xinwu District, Wuxi, Jiangsu",
            "organiser": "Meicun Subdistrict Office",
            "listing_image": crowd,
            "listing_summary": (
                "The Spring Festival fair at Taibo Temple brought more than 100,000 "
                "people to Meicun on 6 February 2025."
            ),
            "body": _body(
                "Each year after the Lunar New Year the lanes around Taibo Temple fill with "
                "food stalls, folk performances and families paying their respects. The "
                "2025 fair, held on 6 February, counted well over 100,000 visitors.",
                "The temple honours Taibo, remembered locally as the founder of the ancient "
                "Wu culture, which makes the fair one of the oldest customs in the district.",
            ),
        },
        {
            "slug": "young-visitors-erhu-park-2025",
            "title": "Young international visitors tour Meicun Erhu Industrial Park",
            "start": _local(2025, 10, 27, 9),
            "end": _local(2025, 10, 28, 17),
            "venue_name": "Meicun Erhu Industrial Park",
            "venue_address": "Meicun Subdistrict, Xinwu District, Wuxi, Jiangsu",
            "organiser": "Xinwu District",
            "listing_image": visitors,
            "listing_summary": (
                "Seventeen young people from 12 countries spent two days in Xinwu, "
                "including a visit to the erhu makers of Meicun."
            ),
            "body": _body(
                "On 27 and 28 October 2025 a group of 17 young visitors, coming from 12 "
                "different countries, explored Xinwu District. A highlight of the programme "
                "was the Meicun Erhu Industrial Park, where they met instrument makers and "
                "heard the erhu played up close.",
            ),
        },
        {
            "slug": "symphony-hall-new-year-concert-2025",
            "title": "New Year's Eve concert at Wuxi Symphony Hall",
            "start": _local(2025, 12, 31, 19, 30),
            "end": _local(2025, 12, 31, 22),
            "venue_name": "Wuxi Symphony Hall",
            "venue_address": "Beside the Feicui River, Xinwu District, Wuxi, Jiangsu",
            "organiser": "Wuxi Symphony Hall",
            "listing_image": hall,
            "listing_summary": (
                "Music to see out the year in the hall's 1,500-seat auditorium by the Feicui River."
            ),
            "body": _body(
                "The district's concert hall stands next to the Feicui River. Its main "
                "auditorium seats about 1,500 listeners and hosted a festive programme to "
                "close 2025.",
            ),
        },
        {
            "slug": "wuxi-singapore-industrial-park-30-years",
            "title": "Wuxi-Singapore Industrial Park celebrates 30 years",
            "start": _local(2023, 12, 18, 9, 30),
            "end": _local(2023, 12, 18, 12),
            "venue_name": "Wuxi-Singapore Industrial Park",
            "venue_address": "Xinwu District, Wuxi, Jiangsu",
            "organiser": "Wuxi National Hi-tech District",
            "listing_image": park,
            "listing_summary": (
                "Three decades after it was founded with Sembcorp, the park marked its "
                "anniversary as the Sci-Tech Innovation City launched 23 projects."
            ),
            "body": _body(
                "Set up at the end of 1993 as a joint venture with Singapore's Sembcorp, the "
                "Wuxi-Singapore Industrial Park was one of the district's first international "
                "parks. Its 30th anniversary in 2023 was celebrated together with the launch "
                "of 23 projects in the Sci-Tech Innovation City, together worth 46.4 billion "
                "yuan.",
            ),
        },
        {
            "slug": "xingzhou-industrial-park-signing-2020",
            "title": "Xingzhou Industrial Park investment promotion conference",
            "start": _local(2020, 1, 10, 14),
            "end": _local(2020, 1, 10, 17),
            "venue_name": "Xingzhou Industrial Park",
            "venue_address": "Xinwu District, Wuxi, Jiangsu",
            "organiser": "Xingzhou Industrial Park",
            "listing_image": conference,
            "listing_summary": (
                "Five projects, Sumitomo Electric among them, signed up at the park's "
                "promotion conference, bringing in more than 600 million yuan."
            ),
            "body": _body(
                "At the conference on 10 January 2020, Xingzhou Industrial Park signed five "
                "new projects with a combined investment of over 600 million yuan. Sumitomo "
                "Electric was one of the companies that signed.",
            ),
        },
    )
    for fields in (*upcoming, *past):
        slug = fields.pop("slug")
        demo.page(index, EventPage, slug, **EVENT_ADDRESS, **fields)


# -- attractions ----------------------------------------------------------------------------


def _attractions(demo: DemoBuilder, section) -> None:
    attractions = demo.page(
        section,
        SectionPage,
        "attractions",
        key="attractions",
        title="Attractions",
        show_in_menus=True,
        listing_summary="Heritage sites, lakeside walks and a concert hall worth a detour.",
        intro=(
            "<p>Between meetings, Xinwu has more to see than factories: some of the oldest "
            "sites of the Wu culture, the shore of Lake Taihu and a new home for music.</p>"
        ),
    )
    mound = demo.image(
        "Attractions: Hongshan park mounds",
        "Illustration of grassy mounds and footpaths in a park",
        credit=CREDIT,
        motif="park",
        palette="green",
    )
    trench = demo.image(
        "Attractions: Hongshan visitor paths",
        "Illustration of a park with trees and a winding path",
        credit=CREDIT,
        motif="park",
        palette="teal",
    )
    temple = demo.image(
        "Attractions: Taibo Temple courtyard",
        "Illustration of people gathered in a courtyard",
        credit=CREDIT,
        motif="people",
        palette="amber",
    )
    hall = demo.image(
        "Attractions: Symphony Hall at dusk",
        "Illustration of a modern building reflected in a river at dusk",
        credit=CREDIT,
        motif="lake",
        palette="dusk",
    )
    lake = demo.image(
        "Attractions: Lake Taihu shore",
        "Illustration of a calm lake with hills on the far shore",
        credit=CREDIT,
        motif="lake",
        palette="blue",
    )
    lake_evening = demo.image(
        "Attractions: Lake Taihu evening",
        "Illustration of a lake under an evening sky",
        credit=CREDIT,
        motif="lake",
        palette="slate",
    )
    note = "Hours are indicative; please check with the site before you travel."

    demo.page(
        attractions,
        AttractionPage,
        "hongshan-national-archaeological-park",
        title="Hongshan National Archaeological Park",
        listing_image=mound,
        listing_summary=(
            "A 7.5-million-square-metre park protecting early Wu culture sites, divided "
            "into six zones."
        ),
        gallery=_gallery(
            (mound, "Grass-covered mounds mark where ancient tombs lie."),
            (trench, "Paths link the six zones of the park."),
        ),
        body=stream(
            (
                "paragraph",
                rich(
                    "Hongshan is one of China's national archaeological parks. It spreads "
                    "over about 7.5 million square metres and is laid out in six zones, each "
                    "around a different group of remains from the early Wu state.",
                    "The most recent work took place at the Wujiabang site, which covers "
                    "roughly 800,000 square metres and was excavated between 2019 and 2021. "
                    "Information boards along the paths explain what was found there.",
                ),
            ),
            (
                "key_figures",
                {
                    "title": "The park in figures",
                    "figures": [
                        {
                            "value": "7.5",
                            "unit": "million m²",
                            "label": "Park area",
                            "year": "",
                            "source": "",
                        },
                        {
                            "value": "6",
                            "unit": "",
                            "label": "Zones",
                            "year": "",
                            "source": "",
                        },
                        {
                            "value": "800,000",
                            "unit": "m²",
                            "label": "Wujiabang site",
                            "year": "2019–2021",
                            "source": "",
                        },
                    ],
                },
            ),
        ),
        address="Hongshan Subdistrict, Xinwu District, Wuxi, Jiangsu",
        opening_hours=_hours(("Tuesday–Sunday", "09:00–17:00"), ("Monday", "Closed")),
        opening_hours_note=note,
        ticket_info="<p>The park grounds are free to enter. Guided tours are booked separately.</p>",
        getting_there=(
            "<p>About 20 minutes by taxi from Wuxi Xinqu railway station. Car parks are "
            "located at the main entrance.</p>"
        ),
    )
    demo.page(
        attractions,
        AttractionPage,
        "taibo-temple",
        title="Taibo Temple",
        listing_image=temple,
        listing_summary=(
            "The Meicun temple dedicated to Taibo, founder of the Wu culture, and home of a "
            "Spring Festival fair that draws over 100,000 people."
        ),
        gallery=_gallery(
            (temple, "The courtyard fills with visitors during the temple fair."),
        ),
        body=_body(
            "Taibo Temple in Meicun honours Taibo, who local tradition credits with "
            "bringing the culture of the Zhou court to the Wu region more than 3,000 years "
            "ago. The halls and courtyards are a quiet place for most of the year.",
            "After the Lunar New Year the temple hosts its fair. On 6 February 2025 more "
            "than 100,000 visitors came for food, performances and crafts.",
        ),
        address="Meicun Subdistrict, Xinwu District, Wuxi, Jiangsu",
        opening_hours=_hours(("Every day", "08:00–16:30")),
        opening_hours_note=note,
        ticket_info="<p>A small entrance fee may apply; fair days can have separate arrangements.</p>",
        getting_there="<p>Meicun is a short taxi ride from central Xinwu.</p>",
    )
    demo.page(
        attractions,
        AttractionPage,
        "wuxi-symphony-hall",
        title="Wuxi Symphony Hall",
        listing_image=hall,
        listing_summary=(
            "The district's concert hall on the Feicui River, with a 1,500-seat main auditorium."
        ),
        gallery=_gallery((hall, "The hall beside the Feicui River in the evening.")),
        body=_body(
            "Wuxi Symphony Hall gives the district a venue for orchestral music, opera and "
            "touring shows. Its main auditorium holds about 1,500 people, and the building "
            "sits on the bank of the Feicui River.",
            "Upcoming performances are listed on our events page.",
        ),
        address="Beside the Feicui River, Xinwu District, Wuxi, Jiangsu",
        opening_hours=_hours(("Performance days", "Doors open 45 minutes before the show")),
        opening_hours_note=note,
        ticket_info="<p>Tickets are sold per performance through the hall's box office.</p>",
    )
    demo.page(
        attractions,
        AttractionPage,
        "lake-taihu-shore",
        title="Lake Taihu shore",
        listing_image=lake,
        listing_summary=(
            "Open water, wetlands and lakeside paths a short drive from the district's "
            "business parks."
        ),
        gallery=_gallery(
            (lake, "Looking across Lake Taihu towards the hills."),
            (lake_evening, "The shore after sunset."),
        ),
        body=_body(
            "Lake Taihu, one of China's largest freshwater lakes, is only a short trip from "
            "the district's offices and labs. Paths along the shore make it a popular place "
            "for a walk or a bicycle ride after work and at weekends.",
        ),
        address="Taihu Bay, Xinwu District, Wuxi, Jiangsu",
        opening_hours=_hours(("Every day", "Open access")),
        ticket_info="<p>Free.</p>",
        getting_there="<p>By taxi or bicycle from the Taihu Bay Sci-Tech Innovation City.</p>",
    )


# -- specialties ----------------------------------------------------------------------------


def _specialties(demo: DemoBuilder, section) -> None:
    specialties = demo.page(
        section,
        SectionPage,
        "specialties",
        key="specialties",
        title="Specialties",
        show_in_menus=True,
        listing_summary="Instruments, food and crafts that visitors take home from Wuxi.",
        intro=(
            "<p>Things that Wuxi and Xinwu are known for, and where to find them: from hand-"
            "made erhu to sweet-and-savoury spare ribs.</p>"
        ),
    )
    erhu = demo.image(
        "Specialties: erhu workshop",
        "Illustration of craftspeople at work in a workshop",
        credit=CREDIT,
        motif="people",
        palette="amber",
    )
    ribs = demo.image(
        "Specialties: Wuxi spare ribs",
        "Abstract illustration in warm red tones",
        credit=CREDIT,
        motif="molecule",
        palette="red",
    )
    peaches = demo.image(
        "Specialties: peach orchard",
        "Illustration of an orchard with rows of trees",
        credit=CREDIT,
        motif="park",
        palette="green",
    )
    clay = demo.image(
        "Specialties: clay figurines",
        "Abstract illustration in earthy amber tones",
        credit=CREDIT,
        motif="molecule",
        palette="amber",
    )

    demo.page(
        specialties,
        SpecialtyPage,
        "meicun-erhu",
        title="Meicun erhu",
        listing_image=erhu,
        listing_summary=(
            "Two-stringed fiddles made by hand in Meicun, where instrument making is a "
            "local industry."
        ),
        gallery=_gallery((erhu, "An instrument maker fitting the neck of an erhu.")),
        body=_body(
            "The erhu is a bowed instrument with two strings, a long neck and a small "
            "sound box. Meicun's workshops have turned this craft into an industry with its "
            "own industrial park, supplying players across China and abroad.",
            "Good workshops let you try several instruments and will explain the "
            "difference between woods, skins and finishes before you choose.",
        ),
        address="Meicun Erhu Industrial Park, Meicun Subdistrict, Xinwu District, Wuxi",
        opening_hours=_hours(("Monday–Saturday", "09:00–17:30")),
        opening_hours_note="Individual workshops set their own hours.",
        where_to_buy=(
            "<p>Directly from the workshops in the Meicun Erhu Industrial Park, which can "
            "also pack instruments for air travel.</p>"
        ),
    )
    demo.page(
        specialties,
        SpecialtyPage,
        "wuxi-style-spare-ribs",
        title="Wuxi-style spare ribs",
        listing_image=ribs,
        listing_summary="Slow-braised pork ribs in a glossy, sweet soy sauce: Wuxi on a plate.",
        gallery=_gallery((ribs, "Braised ribs are served in a dark, shiny sauce.")),
        body=_body(
            "Wuxi's best-known dish is pork spare ribs braised slowly with soy sauce, rice "
            "wine and plenty of sugar until the meat comes away from the bone. The result "
            "is sweeter than most Chinese cooking, which is typical of the city's cuisine.",
            "Restaurants serve them hot; vacuum-packed versions travel well as gifts.",
        ),
        where_to_buy=(
            "<p>Most local restaurants have them on the menu. Packed ribs are sold in "
            "supermarkets and at the railway stations.</p>"
        ),
    )
    demo.page(
        specialties,
        SpecialtyPage,
        "yangshan-honey-peaches",
        title="Yangshan honey peaches",
        listing_image=peaches,
        listing_summary=(
            "Large, juicy peaches from the orchards of Yangshan town, a short drive from Xinwu."
        ),
        gallery=_gallery((peaches, "Orchards around Yangshan in early summer.")),
        body=_body(
            "Yangshan, a town just outside the district, is famous for its honey peaches: "
            "soft, fragrant fruit with thin skin and very sweet flesh. They bruise easily, "
            "so growers pick them by hand and pack them with care.",
        ),
        season="Mainly July and August",
        where_to_buy=(
            "<p>From farm stalls in Yangshan during the season, or ordered in gift boxes "
            "for delivery.</p>"
        ),
    )
    demo.page(
        specialties,
        SpecialtyPage,
        "huishan-clay-figurines",
        title="Huishan clay figurines",
        listing_image=clay,
        listing_summary=(
            "Brightly painted clay figures from Wuxi's Huishan area, made by hand for centuries."
        ),
        gallery=_gallery((clay, "Painted clay figurines in a craft shop.")),
        body=_body(
            "Huishan figurines are modelled from fine local clay and then painted in bold "
            "colours. The best known are chubby children holding animals, meant as symbols "
            "of good luck, while opera characters show off the painters' detailed work.",
            "Watching an artisan shape and paint a figure takes only a few minutes and "
            "makes a memorable stop for visitors.",
        ),
        where_to_buy=(
            "<p>Craft shops in the Huishan old town area of Wuxi, a short drive from Xinwu.</p>"
        ),
    )
