"""The public inquiry form: fields, validation in the visitor's language, accessibility."""

import re

import pytest
from django.utils import translation

from zoneportal.inquiries.countries import country_choices, country_name
from zoneportal.inquiries.models import Inquiry

from .conftest import form_key

pytestmark = pytest.mark.django_db


def _html(response):
    return response.content.decode()


def test_form_page_renders_every_field_without_javascript(client, inquiry_page):
    response = client.get(inquiry_page.url)
    assert response.status_code == 200
    html = _html(response)
    for name in (
        "name",
        "organisation",
        "country",
        "email",
        "phone",
        "industry",
        "stage",
        "message",
        "reply_language",
        "consent",
        "form_key",
        "website",
    ):
        assert f'name="{name}"' in html, name
    assert 'method="post"' in html and "csrfmiddlewaretoken" in html
    # The consent box starts unticked; the privacy notice and its version are shown.
    assert re.search(r'<input type="checkbox" name="consent"[^>]*>', html)
    assert "checked" not in re.search(r'<input type="checkbox" name="consent"[^>]*>', html)[0]
    assert "We use your details only to answer your message." in html
    assert "2026-11" in html
    # The old placeholder notice is gone.
    assert "opens soon" not in html
    # No inline script or style (CSP), the draft script is a file.
    assert "<script>" not in html and "style=" not in html
    assert "js/inquiry-draft.js" in html and "css/inquiries.css" in html
    assert "no-store" in response["Cache-Control"]


def test_honeypot_is_hidden_from_people_and_assistive_technology(client, inquiry_page):
    html = _html(client.get(inquiry_page.url))
    trap = re.search(r'<div class="inquiry-form__trap" aria-hidden="true">(.*?)</div>', html, re.S)
    assert trap
    assert 'tabindex="-1"' in trap[1] and 'autocomplete="off"' in trap[1]


def test_industry_choices_are_live_industries_in_the_visitors_language(
    client, ja_inquiry_page, ja_industries, industries
):
    html = _html(client.get(ja_inquiry_page.url))
    assert "集積回路" in html and "バイオ医薬" in html
    assert "Integrated Circuits" not in html
    english = _html(client.get("/en/leave-your-message/"))
    assert "Integrated Circuits" in english and "集積回路" not in english


def test_reply_language_defaults_to_the_page_language(client, inquiry_page, ja_inquiry_page):
    assert '<option value="ja" selected>' in _html(client.get(ja_inquiry_page.url))
    assert '<option value="en" selected>' in _html(client.get(inquiry_page.url))


def test_country_list_is_complete_and_localised():
    with translation.override("ja"):
        choices = dict(country_choices())
        assert len(choices) >= 249
        assert choices["DE"] == "ドイツ"
        assert choices["TW"] == country_name("TW") == "中国台湾"
    with translation.override("ko"):
        assert dict(country_choices())["DE"] == "독일"
    with translation.override("zh-hans"):
        assert dict(country_choices())["DE"] == "德国"
    with translation.override("en"):
        assert dict(country_choices())["TW"] == "Taiwan, China"


def test_valid_post_stores_everything_typed(client, ja_inquiry_page, ja_industries, industries):
    data_industry = str(ja_industries[0].pk)
    response = client.post(
        ja_inquiry_page.url,
        {
            "name": "  佐藤   花子 ",
            "organisation": "佐藤精密株式会社",
            "country": "JP",
            "email": "hanako@example.jp",
            "phone": "03-1234-5678",
            "industry": data_industry,
            "stage": "ready",
            "message": "工場用地を探しています。",
            "reply_language": "ja",
            "consent": "on",
            "website": "",
            "form_key": form_key(),
        },
    )
    assert response.status_code == 303
    inquiry = Inquiry.objects.get()
    assert inquiry.name == "佐藤 花子"
    assert inquiry.country == "JP"
    assert inquiry.phone == "+81312345678"  # national number read with the chosen country
    # Stored as the English source page and its English name, whatever the form language.
    assert inquiry.industry_id == industries[0].pk
    assert inquiry.industry_name == "Integrated Circuits"
    assert inquiry.stage == Inquiry.Stage.READY
    assert inquiry.reply_language == "ja"
    assert inquiry.submitted_language == "ja"
    assert inquiry.privacy_notice_version == "2026-11"
    assert inquiry.consented_at is not None
    assert inquiry.status == Inquiry.Status.NEW


# (field, bad value, English error, Japanese error)
INVALID = [
    ("name", "", "Enter your name.", "お名前を入力してください。"),
    ("name", "x" * 201, "Your name can be at most 200 characters long.", "200"),
    (
        "organisation",
        "x" * 201,
        "The organisation can be at most 200 characters long.",
        "200",
    ),
    ("country", "", "Choose your country or region.", "国または地域を選んでください。"),
    (
        "country",
        "XX",
        "Choose a country or region from the list.",
        "一覧から国または地域を選んでください。",
    ),
    ("email", "", "Enter your email address.", "メールアドレスを入力してください。"),
    (
        "email",
        "hanako@",
        "Enter an email address in the form name@example.com.",
        "name@example.com の形式でメールアドレスを入力してください。",
    ),
    (
        "phone",
        "12345",
        "Enter a valid phone number with its country code",
        "国番号を含む正しい電話番号を入力してください",
    ),
    ("industry", "999999", "Choose an industry from the list.", "一覧から業種を選んでください。"),
    ("stage", "", "Choose where your project is.", "プロジェクトの段階を選んでください。"),
    (
        "stage",
        "dreaming",
        "Choose one of the project stages.",
        "プロジェクトの段階を一覧から選んでください。",
    ),
    ("message", "", "Write your message.", "メッセージを入力してください。"),
    (
        "reply_language",
        "fr",
        "Choose one of the languages in the list.",
        "一覧から言語を選んでください。",
    ),
    (
        "consent",
        None,
        "Tick the box to agree to the privacy notice.",
        "プライバシーに関するお知らせに同意する場合は、チェックを入れてください。",
    ),
]


@pytest.mark.parametrize(("field", "value", "english", "japanese"), INVALID)
@pytest.mark.parametrize("language", ["en", "ja"])
def test_each_field_is_validated_in_the_visitors_language(
    post_form, inquiry_page, ja_inquiry_page, field, value, english, japanese, language
):
    page = ja_inquiry_page if language == "ja" else inquiry_page
    response = post_form(page, **{field: value})
    assert response.status_code == 200
    html = _html(response)
    expected = japanese if language == "ja" else english
    assert expected in html.replace("&#x27;", "'")
    assert not Inquiry.objects.exists()


def test_message_length_limit_is_an_error_with_the_count(post_form, inquiry_page, settings):
    settings.ZONEPORTAL_INQUIRY_MAX_MESSAGE_LENGTH = 100
    response = post_form(inquiry_page, message="a" * 101)
    assert response.status_code == 200
    assert "at most 100 characters (it has 101)" in _html(response)
    assert not Inquiry.objects.exists()


def test_errors_keep_everything_typed(post_form, inquiry_page, industries):
    key = form_key()
    response = post_form(
        inquiry_page,
        email="not-an-email",
        consent=None,
        name="Hans Müller",
        organisation="Müller GmbH",
        country="DE",
        phone="+49 30 1234567",
        industry=str(industries[1].pk),
        stage="invested",
        message="Line one\nLine two",
        reply_language="ko",
        form_key=key,
    )
    html = _html(response)
    assert 'value="Hans Müller"' in html
    assert 'value="Müller GmbH"' in html
    assert '<option value="DE" selected>' in html
    assert 'value="+49 30 1234567"' in html
    assert f'<option value="{industries[1].pk}" selected>' in html
    assert re.search(r'<input type="radio" name="stage" value="invested"[^>]*checked', html)
    assert "Line one\nLine two</textarea>" in html
    assert '<option value="ko" selected>' in html
    assert 'value="not-an-email"' in html
    # The same form key goes back, so the second post is the same submission.
    assert f'value="{key}"' in html


def test_error_summary_links_to_each_field_and_errors_are_described(post_form, inquiry_page):
    response = post_form(inquiry_page, name="", email="bad", stage="", consent=None)
    html = _html(response)
    assert "<title>Error:" in html
    summary = re.search(r'<div class="error-summary"(.*?)</div>', html, re.S)[0]
    assert 'role="alert"' in summary and 'tabindex="-1"' in summary
    links = re.findall(r'<a href="#([^"]+)">', summary)
    assert links == ["id_name", "id_email", "id_stage_0", "id_consent"]
    for target in links:
        assert f'id="{target}"' in html
    # Each invalid control points at its error (and hint) and says it is invalid.
    name_input = re.search(r'<input type="text" name="name"[^>]*>', html)[0]
    assert 'aria-describedby="id_name-error"' in name_input
    assert 'aria-invalid="true"' in name_input
    email_input = re.search(r'<input type="email" name="email"[^>]*>', html)[0]
    assert 'aria-describedby="id_email-hint id_email-error"' in email_input
    assert 'id="id_email-error"' in html and 'id="id_email-hint"' in html
    assert re.search(r'<fieldset[^>]*aria-describedby="id_stage-error"', html)
    # A valid field is not marked invalid.
    country = re.search(r'<select name="country"[^>]*>', html)[0]
    assert "aria-invalid" not in country


def test_japanese_error_summary(post_form, ja_inquiry_page):
    html = _html(post_form(ja_inquiry_page, name=""))
    assert "メッセージはまだ送信されていません" in html
    assert "お名前を入力してください。" in html


def test_phone_is_stored_in_e164(post_form, inquiry_page):
    post_form(inquiry_page, phone="+86 510 6855 9016", country="CN")
    assert Inquiry.objects.get().phone == "+8651068559016"


def test_phone_is_optional(post_form, inquiry_page):
    assert post_form(inquiry_page, phone="").status_code == 303
    assert Inquiry.objects.get().phone == ""


def test_message_page_is_linked_from_every_footer_and_the_sidebar(
    client, site_home, inquiry_page, make_page
):
    from zoneportal.core.models import StandardPage

    from .conftest import translate

    site_home.message_page = inquiry_page
    site_home.save_revision().publish()
    overview = make_page(site_home, StandardPage, title="Overview")
    html = client.get(overview.url).content.decode()
    footer = html[html.index("<footer") :]
    assert 'href="/en/leave-your-message/"' in footer
    sidebar = html[html.index('<aside class="sidebar"') :]
    assert 'href="/en/leave-your-message/"' in sidebar[: sidebar.index("</aside>")]
    # The home page (no sidebar) has it in the footer too, and in Japanese it leads
    # to the Japanese form.
    translate(inquiry_page, "ja")  # copies the home page (with its message page) too
    ja_html = client.get("/ja/").content.decode()
    assert 'href="/ja/leave-your-message/"' in ja_html[ja_html.index("<footer") :]
