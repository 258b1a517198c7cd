"""Plain text of a page for search snippets, without database queries.

The text comes from the summary fields and from the page's own indexed
`search_fields` (text, rich text and StreamFields). StreamFields are read from
their raw JSON, guided by the block definitions, so chooser blocks (images,
documents, pages) are never resolved: building a snippet costs no query.
Related fields (tags ...) are skipped for the same reason.

Separate pieces of text (paragraphs, list items, table cells, the label and value
of a key figure, separate fields) are joined with " · " unless the first ends a
sentence, so a snippet reads "Year founded · 1992 · Land area · 220 km²" rather
than "Year founded 1992 Land area 220 km²", and no word or CJK bigram is made of
the end of one cell and the start of the next.
"""

import html
import re

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.html import strip_tags
from wagtail import blocks
from wagtail.blocks import StreamValue
from wagtail.search import index

MAX_TEXT_LENGTH = 20_000
"""Stop collecting text after this many characters; snippets need far less."""

_SUMMARY_FIELDS = ("listing_summary", "search_description")
_SKIPPED_FIELDS = {"title", "seo_title", "slug", *_SUMMARY_FIELDS}
_WHITESPACE = re.compile(r"\s+")
_BLOCK_BREAK = re.compile(r"<(?:/p|br|/li|/h\d|/td|/th|/blockquote|/div)\b[^>]*>", re.IGNORECASE)
_PIECE_BREAK = "\x00"

SEPARATOR = " · "
"""Between two pieces of text (cells, list items, paragraphs) that do not end a sentence."""

_SENTENCE_END = tuple(".!?:;。！？：；…")


def join_pieces(pieces) -> str:
    """Pieces of text joined into one line: " · " between them, or a space after a
    piece that ends a sentence. Whitespace is collapsed, empty pieces dropped."""
    out = ""
    for piece in pieces:
        piece = _WHITESPACE.sub(" ", piece or "").strip()
        if not piece:
            continue
        if out:
            out += " " if out.endswith(_SENTENCE_END) else SEPARATOR
        out += piece
    return out


def html_to_text(value: str) -> str:
    """Rich text HTML to plain text: tags dropped, entities decoded, paragraphs, list
    items and cells kept apart (`join_pieces`)."""
    text = html.unescape(strip_tags(_BLOCK_BREAK.sub(_PIECE_BREAK, value)))
    return join_pieces(text.split(_PIECE_BREAK))


def _block_text(block, value, out: list[str]) -> None:
    """Append the human-readable text in `value` (raw JSON of `block`) to `out`."""
    if value is None or value == "":
        return
    if isinstance(block, blocks.StreamBlock):
        for item in value if isinstance(value, list) else []:
            if isinstance(item, dict):
                child = block.child_blocks.get(item.get("type"))
                if child is not None:
                    _block_text(child, item.get("value"), out)
    elif isinstance(block, blocks.ListBlock):
        for item in value if isinstance(value, list) else []:
            # Wagtail stores list items as {"type": "item", "value": ..., "id": ...}.
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                item = item["value"]
            _block_text(block.child_block, item, out)
    elif isinstance(block, blocks.StructBlock):
        if isinstance(value, dict):
            for name, child in block.child_blocks.items():
                _block_text(child, value.get(name), out)
    elif isinstance(block, blocks.RichTextBlock):
        out.append(html_to_text(str(value)))
    elif isinstance(block, blocks.CharBlock | blocks.TextBlock):
        out.append(str(value))
    elif isinstance(value, dict) and isinstance(value.get("data"), list):
        # TableBlock: a caption and rows of cells.
        if value.get("table_caption"):
            out.append(str(value["table_caption"]))
        for row in value["data"]:
            out.extend(str(cell) for cell in row or [] if cell)
    # Choosers, choices, URLs, e-mails, numbers, dates: not snippet text.


def stream_text(stream_value: StreamValue) -> str:
    out: list[str] = []
    _block_text(stream_value.stream_block, list(stream_value.raw_data), out)
    return join_pieces(out)


def _field_text(page, field_name: str) -> str:
    try:
        field = page._meta.get_field(field_name)
    except FieldDoesNotExist:
        return ""  # a method or property: may query, so not used for snippets
    if field.is_relation or not isinstance(field, models.Field):
        return ""
    value = getattr(page, field.attname, None)
    if isinstance(value, StreamValue):
        return stream_text(value)
    if isinstance(value, str):
        return html_to_text(value) if "<" in value else value
    return ""


def page_text(page, limit: int = MAX_TEXT_LENGTH) -> str:
    """Summary, search description and indexed body text of a specific page, as one string."""
    parts: list[str] = []
    seen: set[str] = set()
    length = 0

    def add(text: str) -> bool:
        nonlocal length
        text = _WHITESPACE.sub(" ", text or "").strip()
        if text and text not in seen:
            seen.add(text)
            parts.append(text)
            length += len(text)
        return length < limit

    for name in _SUMMARY_FIELDS:
        add(getattr(page, name, "") or "")
    search_fields = page.get_search_fields() if hasattr(page, "get_search_fields") else []
    for field in search_fields:
        if not isinstance(field, index.SearchField) or field.field_name in _SKIPPED_FIELDS:
            continue
        if not add(_field_text(page, field.field_name)):
            break
    return join_pieces(parts)[:limit]
