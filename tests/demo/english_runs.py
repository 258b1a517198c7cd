"""Find runs of English words in the main content of a translated page.

A Chinese, Japanese or Korean page may name things in Latin letters (company names,
"5G", "SK hynix"), but a sentence or a phrase of three or more English words means
a text was left untranslated. Proper names that do have three such words are on an
explicit allow-list (ALLOWED_NAMES); everything else is reported with the page.
"""

import re
from html.parser import HTMLParser

ENGLISH_RUN = re.compile(r"[A-Za-z][A-Za-z'’&.\-]*(?:[ ,:;/]+[A-Za-z][A-Za-z'’&.\-]*){2,}")
"""Three or more Latin words in a row (one text node: cells and list items never join)."""

ALLOWED_NAMES = (
    # Companies, institutions and places known by their Latin names in every language.
    "SK hynix",
    "AstraZeneca",
    "Murata Electronics",
    "Bosch Automotive Diesel",
    "Wuxi Sunan Shuofang International Airport",
    # Latin names given in brackets after the local name, as a gloss.
    "China Resources Microelectronics",
    "Wuxi New District",
    "Yangtze River Delta",
    "Mon.–Fri.",
)

SKIPPED_ELEMENTS = {"script", "style", "code", "kbd", "samp", "template"}
BLOCK_ELEMENTS = {
    "p", "li", "td", "th", "dd", "dt", "h1", "h2", "h3", "h4", "h5", "h6", "figcaption",
    "caption", "blockquote", "div", "section", "article", "br", "option", "summary",
    "button", "label", "time", "nav", "ul", "ol", "table", "tr", "figure", "header", "footer",
}  # fmt: skip


class _MainText(HTMLParser):
    """Text nodes inside <main>, split at element boundaries, without code or scripts."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.in_main = 0
        self.skipping = 0
        self.chunks: list[str] = []
        self._current: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self.in_main += 1
        if tag in SKIPPED_ELEMENTS:
            self.skipping += 1
        if tag in BLOCK_ELEMENTS:
            self._flush()
        if self.in_main and not self.skipping and tag == "img":
            self.chunks.append(dict(attrs).get("alt") or "")

    def handle_endtag(self, tag):
        if tag in SKIPPED_ELEMENTS and self.skipping:
            self.skipping -= 1
        if tag in BLOCK_ELEMENTS:
            self._flush()
        if tag == "main":
            self._flush()
            self.in_main -= 1

    def handle_data(self, data):
        if self.in_main and not self.skipping:
            self._current.append(data)

    def _flush(self):
        text = " ".join("".join(self._current).split())
        if text:
            self.chunks.append(text)
        self._current = []


def english_runs(html: str, allowed=ALLOWED_NAMES) -> list[str]:
    """The runs of three or more English words in the page's <main>, names excepted."""
    parser = _MainText()
    parser.feed(html)
    parser.close()
    runs = []
    for chunk in parser.chunks:
        for name in allowed:
            chunk = chunk.replace(name, " ")
        chunk = re.sub(r"\S+@\S+|https?://\S+|www\.\S+", " ", chunk)
        runs += ENGLISH_RUN.findall(chunk)
    return runs
