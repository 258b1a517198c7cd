"""Read a response as a visitor sees it, for assertions that markup cannot fool.

`"secret" not in html` passes as soon as the secret is rendered differently: a search
highlight (`<mark>Confidential</mark> land price`), a line break in the template,
`&amp;` or `&#x27;` escaping. Parse the page (html5lib, as a browser would) and assert
on what it lists or shows instead: the titles of search results, the links of the
language switch, the page's visible text.
"""

import re
from xml.etree import ElementTree

from bs4 import BeautifulSoup

ATOM = "{http://www.w3.org/2005/Atom}"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
CHOICE_MARKER = re.compile(r"[?&]set_language=[a-z-]+$")


def soup(html) -> BeautifulSoup:
    if isinstance(html, bytes):
        html = html.decode()
    elif not isinstance(html, str):  # a response
        html = html.content.decode()
    return BeautifulSoup(html, "html5lib")


def _text(element) -> str:
    """Its text as shown: inline tags add no space (`<mark>集成</mark>电路` is 集成电路)."""
    return " ".join(element.get_text("").split())


def visible_text(html, selector: str = "body") -> str:
    """The text of `selector` (the body by default) without tags, scripts and styles,
    entities decoded and white space collapsed to single spaces.

    Inline markup is dropped without a space, as a browser shows it, so
    `<mark>Confidential</mark> land price` reads "Confidential land price".
    """
    document = soup(html)
    for hidden in document.select("script, style, template, noscript"):
        hidden.decompose()
    return " ".join(" ".join(element.get_text("").split()) for element in document.select(selector))


def all_text(html) -> str:
    """Everything a visitor or a crawler can read: the visible text of the whole
    document (title included) plus every attribute value (meta descriptions, alt
    texts, link titles), each entity decoded and white space collapsed."""
    document = soup(html)
    for hidden in document.select("script:not([type='application/ld+json']), style"):
        hidden.decompose()
    attributes = [
        " ".join(value) if isinstance(value, list) else value
        for element in document.find_all(True)
        for value in element.attrs.values()
    ]
    return " ".join(" ".join([document.get_text(""), *attributes]).split())


def result_titles(html) -> list[str]:
    """The titles of the search results, in order."""
    return [_text(a) for a in soup(html).select(".search-result__title a")]


def result_links(html) -> list[str]:
    """The URLs the search results lead to, in order."""
    return [a["href"] for a in soup(html).select(".search-result__title a")]


def listing_titles(html) -> list[str]:
    """The titles of listed pages (cards of sections and the home page, news items), in order."""
    return [_text(title) for title in soup(html).select(".card__title, .news-item__title")]


def main_links(html) -> list[str]:
    """Every link inside <main>."""
    return [a["href"] for a in soup(html).select("main a[href]")]


def language_switch(html) -> dict[str, str]:
    """{hreflang: URL} of the language switch, without the choice marker."""
    return {
        a["hreflang"]: CHOICE_MARKER.sub("", a["href"])
        for a in soup(html).select("nav.language-switch a[hreflang]")
    }


def hreflang_alternates(html) -> dict[str, str]:
    """{hreflang: absolute URL} of the <link rel="alternate" hreflang> in the head."""
    return {
        link["hreflang"]: link["href"]
        for link in soup(html).select('head link[rel="alternate"][hreflang]')
    }


def feed_items(xml) -> list[tuple[str, str]]:
    """(title, link) of every item of an RSS feed or entry of an Atom feed."""
    body = xml if isinstance(xml, bytes | str) else xml.content
    root = ElementTree.fromstring(body)  # noqa: S314 (our own feed, in a test)
    items = []
    for item in root.iter():
        if item.tag not in ("item", f"{ATOM}entry"):
            continue
        title = item.find("title") if item.tag == "item" else item.find(f"{ATOM}title")
        if item.tag == "item":
            link = item.findtext("link", "").strip()
        else:
            link = item.find(f"{ATOM}link").get("href")
        items.append((" ".join("".join(title.itertext()).split()), link))
    return items


def sitemap_locations(xml) -> set[str]:
    """The <loc> URLs of a sitemap."""
    body = xml if isinstance(xml, bytes | str) else xml.content
    root = ElementTree.fromstring(body)  # noqa: S314 (our own sitemap, in a test)
    return {loc.text for loc in root.iter(f"{SITEMAP}loc")}
