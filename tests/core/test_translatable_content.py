"""Every visible text of a page reaches wagtail-localize and shows translated.

Covers what wagtail-localize skips on its own: table cells, list items stored in the
old list format (content written by code), document links without their own text,
and news tag names (topics).
"""

import json
import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.base import ContentFile
from django.urls import reverse
from wagtail.documents import get_document_model
from wagtail.models import Locale
from wagtail_localize.models import StringSegment, StringTranslation, Translation, TranslationSource
from wagtail_localize.segments import StringSegmentValue

from zoneportal.core.models import StandardPage
from zoneportal.core.translatable_blocks import restore_table
from zoneportal.news.models import NewsArticlePage, NewsIndexPage, NewsTopic

from ..news.conftest import day

PREFIX = "訳:"


@pytest.fixture
def japanese(db):
    return Locale.objects.get(language_code="ja")


@pytest.fixture
def fact_sheet(db):
    document = get_document_model()(title="Fact sheet of the district")
    document.file.save("fact-sheet.txt", ContentFile(b"figures"), save=False)
    document.save()
    return document


@pytest.fixture
def living_page(site_home, make_page, fact_sheet):
    """A page as code writes it: lists as bare values, a table, a document without text."""
    body = [
        {
            "type": "table",
            "value": {
                "caption": "Visa types",
                "table": {
                    "data": [["Visa", "Who it is for"], ["Z visa", "People taking up a job"]],
                    "first_row_is_table_header": True,
                    "first_col_is_header": False,
                },
            },
        },
        {
            "type": "key_figures",
            "value": {
                "title": "At a glance",
                "figures": [
                    {"value": "8", "unit": "firms", "label": "Listed companies", "year": "2022",
                     "source": "Annual report"},
                ],
            },
        },
        {
            "type": "documents",
            "value": {"title": "Download", "documents": [{"document": fact_sheet.pk, "title": ""}]},
        },
    ]  # fmt: skip
    return make_page(site_home, StandardPage, title="Visa", slug="visa", body=json.dumps(body))


def _shows(html: str, text: str) -> bool:
    """`text` is the whole content of an element (whitespace around it aside)."""
    return re.search(rf">\s*{re.escape(text)}\s*<", html) is not None


def _texts(page) -> set[str]:
    source, _created = TranslationSource.get_or_create_from_instance(page)
    return set(StringSegment.objects.filter(source=source).values_list("string__data", flat=True))


def _translate(page, locale, capture, missing=()):
    """Translate every segment except `missing` with a prefix, then publish the translation."""
    source, _created = TranslationSource.get_or_create_from_instance(page)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        if segment.string.data in missing:
            continue
        StringTranslation.objects.create(
            translation_of=segment.string,
            locale=locale,
            context=segment.context,
            data=PREFIX + segment.string.data,
        )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    with capture(execute=True):
        translation.save_target(publish=True)
    return page.get_translation(locale).specific


def test_table_cells_list_items_and_document_titles_are_segments(living_page):
    texts = _texts(living_page)

    assert {"Who it is for", "People taking up a job", "Z visa", "Visa types"} <= texts
    assert {"Listed companies", "firms", "Annual report", "At a glance"} <= texts
    assert "Fact sheet of the district" in texts


def test_translated_page_shows_translated_cells_figures_and_link_text(
    living_page, japanese, client, django_capture_on_commit_callbacks
):
    japanese_page = _translate(living_page, japanese, django_capture_on_commit_callbacks)

    html = client.get(japanese_page.url).content.decode()

    for text in ("Who it is for", "People taking up a job", "Listed companies", "firms"):
        assert _shows(html, PREFIX + text), text
    assert PREFIX + "Annual report" in html  # "Source: …" in the page's language
    assert _shows(html, PREFIX + "Fact sheet of the district")
    assert not _shows(html, "Who it is for")
    # The English page keeps its own text and the document's own title.
    english = client.get(living_page.url).content.decode()
    assert _shows(english, "Who it is for") and _shows(english, "Fact sheet of the district")


def test_a_cell_left_untranslated_falls_back_to_english_and_the_rest_is_translated(
    living_page, japanese, client, django_capture_on_commit_callbacks
):
    japanese_page = _translate(
        living_page, japanese, django_capture_on_commit_callbacks, missing={"Z visa"}
    )

    html = client.get(japanese_page.url).content.decode()

    assert _shows(html, "Z visa")
    assert _shows(html, PREFIX + "People taking up a job")


def test_a_table_segment_outside_the_table_is_refused_with_a_clear_error():
    table = {"data": [["a", "b"]]}
    with pytest.raises(ValueError, match="outside the table"):
        restore_table(table, [StringSegmentValue("r3c0", "x")])
    assert table == {"data": [["a", "b"]]}, "the source table must not change"


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'msgid "a"\nmsgstr "b"\nthis is not PO\n', "not a PO file that can be read"),
        (b'msgid "Who it is for"\nmsgstr "x"\n', "not downloaded from this translation"),
        (b"\xff\xfe\x00garbage", "not a PO file that can be read"),
    ],
)
def test_a_malformed_po_upload_shows_an_error_and_changes_nothing(
    living_page, japanese, admin_client, django_capture_on_commit_callbacks, content, message
):
    japanese_page = _translate(living_page, japanese, django_capture_on_commit_callbacks)
    translation = Translation.objects.get(target_locale=japanese)
    before = set(StringTranslation.objects.values_list("pk", "data"))

    response = admin_client.post(
        reverse("wagtail_localize:upload_pofile", args=[translation.pk]),
        {"file": ContentFile(content, name="broken.po")},
    )

    assert response.status_code == 302
    shown = [str(m) for m in get_messages(response.wsgi_request)]
    assert len(shown) == 1 and message in shown[0] and "Nothing was imported" in shown[0]
    assert set(StringTranslation.objects.values_list("pk", "data")) == before
    living_page.refresh_from_db()
    assert "Who it is for" in json.dumps(list(living_page.body.raw_data))
    assert PREFIX in json.dumps(
        list(StandardPage.objects.get(pk=japanese_page.pk).body.raw_data), ensure_ascii=False
    )


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    return client


@pytest.fixture
def tagged_article(site_home, make_page):
    index = make_page(site_home, NewsIndexPage, title="News", slug="news")
    article = NewsArticlePage(
        title="Chip plant opens", slug="chip-plant", publication_date=day(2024)
    )
    index.add_child(instance=article)
    article.tags.add("Semiconductors")
    article.save_revision().publish()
    return NewsArticlePage.objects.get(pk=article.pk)


def test_publishing_a_tagged_article_names_its_topic_in_the_article_language(tagged_article):
    topic = NewsTopic.objects.get(tag__name="Semiconductors")
    assert (topic.name, topic.locale.language_code) == ("Semiconductors", "en")


def test_news_topics_show_in_the_page_language(
    tagged_article, japanese, client, django_capture_on_commit_callbacks
):
    topic = NewsTopic.objects.get(tag__name="Semiconductors")
    japanese_topic = _translate_snippet(
        topic, japanese, "半導体", django_capture_on_commit_callbacks
    )
    japanese_article = _translate(tagged_article, japanese, django_capture_on_commit_callbacks)
    assert japanese_topic.tag_id == topic.tag_id

    article_html = client.get(japanese_article.url).content.decode()
    index_html = client.get(japanese_article.get_parent().url).content.decode()

    assert 'rel="tag">半導体</a>' in article_html
    assert ">半導体</option>" in index_html
    assert ">Semiconductors<" not in article_html + index_html
    assert 'rel="tag">Semiconductors</a>' in client.get(tagged_article.url).content.decode()


def _translate_snippet(snippet, locale, text, capture):
    source, _created = TranslationSource.get_or_create_from_instance(snippet)
    for segment in StringSegment.objects.filter(source=source).select_related("string"):
        StringTranslation.objects.create(
            translation_of=segment.string, locale=locale, context=segment.context, data=text
        )
    translation, _created = Translation.objects.get_or_create(source=source, target_locale=locale)
    with capture(execute=True):
        translation.save_target(publish=True)
    return snippet.get_translation(locale)
