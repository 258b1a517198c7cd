"""Stored and reflected XSS: search, titles, every StreamField block, rich text links."""

import datetime as dt
import json
import re

import pytest
from django.core.files.base import ContentFile
from django.test import RequestFactory
from wagtail import blocks
from wagtail.contrib.table_block.blocks import TableBlock
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.fields import StreamField
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Page, get_page_models
from wagtail.rich_text import RichText

from zoneportal.core.models import StandardPage

from .conftest import XSS, assert_escaped


@pytest.mark.django_db
def test_reflected_search_payload_is_escaped(client, site_home):
    response = client.get("/en/search/", {"q": XSS})
    assert response.status_code == 200
    assert_escaped(response.content.decode())


@pytest.mark.django_db
def test_page_title_payload_is_escaped_everywhere(client, site_home, make_page, news_index):
    page = make_page(site_home, StandardPage, title=f"Title {XSS}", slug="xss-title")
    html = client.get(page.url).content.decode()
    assert_escaped(html)
    # JSON-LD: a title cannot close the data block.
    for block in re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S):
        json.loads(block)
        assert "</script" not in block.lower()
    assert_escaped(client.get("/en/").content.decode())  # menus and cards
    assert_escaped(client.get("/en/search/", {"q": "Title"}).content.decode())


def _all_stream_blocks():
    """Every distinct block type used in any StreamField of any page model."""
    found = {}

    def walk(block):
        key = type(block)
        if key not in found:
            found[key] = block
        for child in getattr(block, "child_blocks", {}).values():
            walk(child)
        if isinstance(block, blocks.ListBlock):
            walk(block.child_block)

    for model in get_page_models():
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                walk(field.stream_block)
    return found


@pytest.fixture
def payload_image(make_image):
    return make_image(title=f"img {XSS}", alt=f"alt {XSS}", credit=f"credit {XSS}")


@pytest.fixture
def payload_document(db):
    document = get_document_model()(title=f"doc {XSS}")
    document.file.save("doc.pdf", ContentFile(b"%PDF-1.4\n"), save=True)
    return document


def payload_value(block, image, document, page):
    if isinstance(block, blocks.StructBlock):
        return block.to_python(
            {
                name: block.child_blocks[name].get_prep_value(
                    payload_value(child, image, document, page)
                )
                for name, child in block.child_blocks.items()
            }
        )
    if isinstance(block, blocks.ListBlock):
        return block.to_python(
            [
                block.child_block.get_prep_value(
                    payload_value(block.child_block, image, document, page)
                )
            ]
        )
    if isinstance(block, blocks.StreamBlock):
        return block.to_python([])
    if isinstance(block, blocks.RichTextBlock):
        return RichText(editor_rich_text(f"text {XSS}"))
    if isinstance(block, blocks.ChoiceBlock):
        return block.field.choices[-1][0]
    if isinstance(block, blocks.URLBlock):
        return "https://example.com/?q=%22%3E%3Cscript%3E"
    if isinstance(block, blocks.EmailBlock):
        return "a@example.com"
    if isinstance(block, blocks.BooleanBlock):
        return True
    if isinstance(block, (blocks.IntegerBlock, blocks.DecimalBlock, blocks.FloatBlock)):
        return 1
    if isinstance(block, blocks.DateBlock):
        return dt.date(2024, 1, 1)
    if isinstance(block, ImageChooserBlock):
        return image
    if isinstance(block, DocumentChooserBlock):
        return document
    if isinstance(block, blocks.PageChooserBlock):
        return page
    if isinstance(block, TableBlock):
        return {"data": [[XSS, XSS], [XSS, XSS]], "first_row_is_table_header": True}
    if isinstance(block, blocks.FieldBlock):
        return f"text {XSS}"
    return block.get_default()


@pytest.mark.django_db
def test_every_stream_block_escapes_a_payload(
    site_home, make_page, payload_image, payload_document
):
    page = make_page(site_home, StandardPage, title=f"Linked {XSS}", slug="linked")
    request = RequestFactory().get("/en/")
    rendered = 0
    for block_type, block in _all_stream_blocks().items():
        if isinstance(block, blocks.StreamBlock) or not isinstance(
            block, (blocks.StructBlock, blocks.ListBlock, blocks.RichTextBlock, TableBlock)
        ):
            continue
        value = payload_value(block, payload_image, payload_document, page)
        html = str(block.render(value, context={"request": request, "page": page}))
        assert_escaped(html)
        assert 'href="javascript:' not in html, block_type
        rendered += 1
    assert rendered >= 10  # the body blocks, guides blocks, footer and park blocks


def editor_rich_text(text: str, url: str = "javascript:alert(1)") -> str:
    """Rich text as the page editor (Draftail) stores it, with `url` linked on the first word."""
    from wagtail.admin.rich_text.converters.contentstate import ContentstateConverter

    from zoneportal.core.blocks import RICH_TEXT_FEATURES

    contentstate = {
        "blocks": [
            {
                "key": "k",
                "type": "unstyled",
                "text": text,
                "depth": 0,
                "inlineStyleRanges": [],
                "entityRanges": [{"offset": 0, "length": 4, "key": 0}],
            }
        ],
        "entityMap": {"0": {"type": "LINK", "mutability": "MUTABLE", "data": {"url": url}}},
    }
    return ContentstateConverter(features=RICH_TEXT_FEATURES).to_database_format(
        json.dumps(contentstate)
    )


@pytest.mark.parametrize(
    "url",
    [
        "javascript:alert(1)",
        " JaVaScRiPt:alert(1)",
        "java\tscript:alert(1)",
        "data:text/html,<script>",
    ],
)
def test_rich_text_from_the_editor_drops_javascript_links(url):
    stored = editor_rich_text("link here", url)
    assert "href" not in stored
    assert "javascript" not in str(RichText(stored)).lower()


def test_rich_text_from_the_editor_escapes_markup():
    from wagtail.admin.rich_text.converters.editor_html import EditorHTMLConverter

    from zoneportal.core.blocks import RICH_TEXT_FEATURES

    stored = editor_rich_text(XSS)
    assert_escaped(str(RichText(stored)))
    legacy = EditorHTMLConverter(features=RICH_TEXT_FEATURES).to_database_format(
        '<p onclick="x"><a href="javascript:alert(1)">x</a><script>alert(1)</script>'
        "<img src=x onerror=alert(1)></p>"
    )
    assert "onclick" not in legacy
    assert "javascript" not in legacy
    assert "<script" not in legacy
    assert "onerror" not in legacy


def test_url_blocks_refuse_javascript_urls():
    from django.core.exceptions import ValidationError

    for url in ("javascript:alert(1)", "data:text/html,<script>alert(1)</script>", "vbscript:x"):
        with pytest.raises(ValidationError):
            blocks.URLBlock().clean(url)


@pytest.mark.django_db
def test_stored_payload_in_a_published_page_body_is_escaped(client, site_home, make_page):
    body = [
        ("heading", {"text": XSS, "level": "h2"}),
        ("paragraph", RichText(editor_rich_text(f"text {XSS}"))),
        ("quote", {"text": XSS, "attribution": XSS}),
        ("contact_card", {"name": XSS, "address": XSS, "telephone": XSS}),
    ]
    page = make_page(site_home, StandardPage, title="Body", slug="body", body=body)
    assert_escaped(client.get(page.url).content.decode())
    assert Page.objects.filter(pk=page.pk).exists()
