"""Segment extraction for blocks that wagtail-localize does not know by itself.

wagtail-localize walks a StreamField and turns every CharBlock, TextBlock and
RichTextBlock into a segment for translators; any other block type is skipped, so
its text would stay in the source language on every translated page. A block can
take part by defining `get_translatable_segments(value)` and
`restore_translated_segments(value, segments)` (wagtail-localize calls them instead
of its own handling). These helpers implement them for the portal's tables and
document links.
"""

import copy
import re

from wagtail_localize.segments import StringSegmentValue
from wagtail_localize.segments.extract import StreamFieldSegmentExtractor
from wagtail_localize.segments.ingest import StreamFieldSegmentsWriter

CELL_PATH = re.compile(r"r(\d+)c(\d+)")
TABLE_CAPTION_PATH = "caption"


def table_segments(value) -> list:
    """One segment per non-empty table cell (path "r<row>c<column>"), then the caption."""
    if not value:
        return []
    segments = [
        StringSegmentValue(f"r{row}c{column}", cell.strip())
        for row, cells in enumerate(value.get("data") or [])
        for column, cell in enumerate(cells or [])
        if isinstance(cell, str) and cell.strip()
    ]
    caption = value.get("table_caption")
    if isinstance(caption, str) and caption.strip():
        segments.append(StringSegmentValue(TABLE_CAPTION_PATH, caption.strip()))
    return segments


def restore_table(value, segments):
    """A copy of the table with each translated cell (or caption) put back in place."""
    translated = copy.deepcopy(value)
    rows = translated.get("data") or []
    for segment in segments:
        if not isinstance(segment, StringSegmentValue):
            continue
        if segment.path == TABLE_CAPTION_PATH:
            translated["table_caption"] = segment.render_text()
            continue
        match = CELL_PATH.fullmatch(segment.path)
        if match is None:
            raise ValueError(f"Unrecognised table segment path {segment.path!r}")
        row, column = (int(number) for number in match.groups())
        if row >= len(rows) or column >= len(rows[row]):
            raise ValueError(f"Table segment {segment.path!r} is outside the table")
        rows[row][column] = segment.render_text()
    return translated


def struct_segments_with_fallback(struct_value, field_name: str, fallback: str) -> list:
    """The struct's usual segments, plus `field_name` with `fallback` when it is blank.

    Used for link texts that default to another object's title (a document link
    without its own text shows the document's title): the title then reaches the
    translators, and the translation stores it as the link text of that language.
    """
    segments = StreamFieldSegmentExtractor(None, include_overridables=True).handle_struct_block(
        struct_value
    )
    if not (struct_value.get(field_name) or "").strip() and fallback.strip():
        segments.append(StringSegmentValue(field_name, fallback.strip()))
    return segments


def restore_struct(struct_value, segments):
    """wagtail-localize's own struct handling (no locale is needed for these children)."""
    return StreamFieldSegmentsWriter(None, None, None).handle_struct_block(struct_value, segments)
