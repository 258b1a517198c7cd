"""Image alt text per language: SiteImage.alt_texts, the image form and `localized_alt`."""

import json
import re

import pytest
from django.urls import reverse
from django.utils import translation
from wagtail.models import Locale

from zoneportal.core.models import SiteImage, StandardPage
from zoneportal.core.templatetags.portal_tags import localized_alt
from zoneportal.demo.content.image_alt import ALT_TEXTS, translate_image_alt_texts

pytestmark = pytest.mark.django_db

ENGLISH = "Office towers beside Lake Taihu"
JAPANESE = "太湖のほとりに立つオフィスビル"
CHINESE = "太湖边的写字楼"


def translate(page, language_code):
    locale = Locale.objects.get(language_code=language_code)
    copy = page.copy_for_translation(locale, copy_parents=True)
    copy.save_revision().publish()
    return copy.specific_class.objects.get(pk=copy.pk)


def alts(html):
    return re.findall(r'<img [^>]*\balt="([^"]*)"', html)


@pytest.fixture
def towers(make_image):
    image = make_image(title="Towers", alt=ENGLISH)
    image.alt_texts = {"ja": JAPANESE, "zh-hans": CHINESE}
    image.save()
    return SiteImage.objects.get(pk=image.pk)


@pytest.fixture
def page_with_images(site_home, make_page, towers):
    body = [
        {"type": "image", "value": {"image": towers.pk, "caption": "Towers", "alt_text": ""}},
        {
            "type": "image",
            "value": {"image": towers.pk, "caption": "Again", "alt_text": "Block override"},
        },
    ]
    page = make_page(
        site_home, StandardPage, title="Towers", listing_image=towers, body=json.dumps(body)
    )
    for code in ("ja", "ko"):
        translate(site_home, code)
        translate(page, code)
    return page


def test_alt_text_follows_the_active_language_and_falls_back_to_the_description(towers):
    assert towers.alt_text_for("ja") == JAPANESE
    assert towers.alt_text_for("ja-JP") == JAPANESE
    assert towers.alt_text_for("zh-hans") == CHINESE
    assert towers.alt_text_for("ko") == ENGLISH
    assert towers.alt_text_for("en") == ENGLISH
    with translation.override("ja"):
        assert localized_alt(towers) == JAPANESE
    with translation.override("ko"):
        assert localized_alt(towers) == ENGLISH
    assert localized_alt(None) == ""


def test_blank_translation_falls_back(towers):
    towers.alt_texts = {"ja": "   "}
    assert towers.alt_text_for("ja") == ENGLISH


def test_the_filter_costs_no_query(towers, django_assert_num_queries):
    image = SiteImage.objects.get(pk=towers.pk)
    with django_assert_num_queries(0), translation.override("ja"):
        assert localized_alt(image) == JAPANESE


def test_japanese_page_renders_the_japanese_alt_and_block_overrides_win(client, page_with_images):
    html = client.get("/ja/towers/").content.decode()
    images = alts(html)
    # Lead/listing image is not shown on standard pages; the two body images are.
    assert JAPANESE in images
    assert "Block override" in images
    assert ENGLISH not in images
    english = alts(client.get("/en/towers/").content.decode())
    assert ENGLISH in english and JAPANESE not in english


def test_missing_translation_falls_back_to_the_english_description(client, page_with_images):
    images = alts(client.get("/ko/towers/").content.decode())
    assert ENGLISH in images
    assert JAPANESE not in images


def test_open_graph_alt_is_localised(client, page_with_images):
    html = client.get("/ja/towers/").content.decode()
    assert f'<meta property="og:image:alt" content="{JAPANESE}">' in html


@pytest.fixture
def admin_client(client, django_user_model):
    admin = django_user_model.objects.create_superuser("admin", "admin@example.com", "pw")
    client.force_login(admin)
    return client


def test_edit_form_has_one_field_per_language_labelled_with_its_name(admin_client, towers):
    html = admin_client.get(reverse("wagtailimages:edit", args=[towers.pk])).content.decode()
    for field, name, lang in [
        ("alt_text_zh_hans", "简体中文", "zh-Hans"),
        ("alt_text_ja", "日本語", "ja"),
        ("alt_text_ko", "한국어", "ko"),
    ]:
        assert f'name="{field}"' in html
        assert name in html
        assert re.search(
            rf'<input[^>]*lang="{lang}"[^>]*name="{field}"|name="{field}"[^>]*lang="{lang}"', html
        )
    assert 'name="alt_text_en"' not in html
    assert f'value="{JAPANESE}"' in html
    # The per-language fields follow the default alt text.
    assert html.index('name="description"') < html.index('name="alt_text_zh_hans"')


def test_edit_form_saves_the_alt_texts(admin_client, towers):
    url = reverse("wagtailimages:edit", args=[towers.pk])
    response = admin_client.post(
        url,
        {
            "title": towers.title,
            "description": ENGLISH,
            "alt_text_zh_hans": "",
            "alt_text_ja": "  新しい代替テキスト ",
            "alt_text_ko": "태호 옆의 사무용 빌딩",
            "credit": "wnd.gov.cn",
            "collection": towers.collection_id,
            "tags": "",
            "focal_point_x": "",
            "focal_point_y": "",
            "focal_point_width": "",
            "focal_point_height": "",
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    towers.refresh_from_db()
    # A blank field removes that language, so it falls back to the default alt text.
    assert towers.alt_texts == {"ja": "新しい代替テキスト", "ko": "태호 옆의 사무용 빌딩"}
    assert towers.description == ENGLISH


def test_every_demo_alt_text_is_translated_into_the_three_languages():
    assert len(ALT_TEXTS) >= 70
    for english, texts in ALT_TEXTS.items():
        assert set(texts) == {"zh-hans", "ja", "ko"}, english
        for code, text in texts.items():
            assert text.strip() and text != english, (english, code)
            if code in {"zh-hans", "ja"}:
                assert re.search(r"[\u3040-\u30ff\u4e00-\u9fff]", text), (english, code)
            else:
                assert re.search(r"[\uac00-\ud7a3]", text), (english, code)


def test_demo_alt_texts_fill_missing_languages_and_keep_edits(make_image):
    english = next(iter(ALT_TEXTS))
    image = make_image(title="Demo image", alt=english)
    image.alt_texts = {"ja": "編集済み"}
    image.save()
    assert translate_image_alt_texts() == 1
    image.refresh_from_db()
    assert image.alt_texts == {
        "ja": "編集済み",
        "zh-hans": ALT_TEXTS[english]["zh-hans"],
        "ko": ALT_TEXTS[english]["ko"],
    }
    assert translate_image_alt_texts() == 0
