"""A Japanese investor leaves a message: an error first, then the reference number.

Runs against the demo server (tests/browser/conftest.py), whose email goes to the
`demo_mailbox` folder, so the acknowledgement can be read as the investor would.
"""

import re
import time

import pytest

from .conftest import read_mailbox

pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"WND-\d{4}-\d{6}")


def test_visitor_sends_a_message_in_japanese(page, demo_mailbox):
    before = len(read_mailbox(demo_mailbox))
    page.goto("/ja/leave-your-message/")
    loaded = time.monotonic()
    assert page.locator("h1").inner_text() == "お問い合わせフォーム"
    assert "個人情報保護法" in page.locator(".privacy-notice").inner_text()
    # The reply language defaults to the page's language.
    assert page.locator("#id_reply_language").input_value() == "ja"

    page.get_by_label("お名前", exact=True).fill("佐藤 花子")
    page.get_by_label("会社・団体名（任意）", exact=True).fill("佐藤精密株式会社")
    page.locator("#id_country").select_option("JP")
    page.get_by_label("メールアドレス", exact=True).fill("hanako@example")  # no domain: an error
    page.get_by_label("電話番号（任意）", exact=True).fill("03-1234-5678")
    page.locator("#id_industry").select_option(index=1)
    page.locator("#id_stage_1").check()
    page.get_by_label("メッセージ", exact=True).fill(
        "2027年に工場用地を探しています。ご相談させてください。"
    )
    page.locator("#id_consent").check()
    page.get_by_role("button", name="送信する").click()

    # The error, in Japanese, at the top and at the field; the summary has focus.
    summary = page.locator(".error-summary")
    assert "メッセージはまだ送信されていません" in summary.inner_text()
    assert "name@example.com の形式でメールアドレスを入力してください。" in summary.inner_text()
    assert page.evaluate("document.activeElement.classList.contains('error-summary')")
    email = page.locator("#id_email")
    assert email.get_attribute("aria-invalid") == "true"
    assert "id_email-error" in email.get_attribute("aria-describedby")
    # Everything typed is still there.
    assert page.get_by_label("お名前", exact=True).input_value() == "佐藤 花子"
    assert page.locator("#id_country").input_value() == "JP"
    assert page.locator("#id_stage_1").is_checked()
    assert "工場用地" in page.get_by_label("メッセージ", exact=True).input_value()
    assert page.locator("#id_consent").is_checked()
    assert page.evaluate("Object.keys(localStorage).some(k => k.startsWith('inquiry-'))")

    # The summary link leads to the field; fix it and send.
    summary.get_by_role("link").first.click()
    assert page.evaluate("document.activeElement.id") == "id_email"
    email.fill("hanako@example.jp")
    time.sleep(max(0.0, 3.5 - (time.monotonic() - loaded)))  # a person takes a moment
    page.get_by_role("button", name="送信する").click()

    page.wait_for_selector(".inquiry-sent")
    text = page.locator(".inquiry-sent").inner_text()
    reference = REFERENCE.search(text)[0]
    assert "受付番号" in text
    assert "担当者が 2 営業日以内にご返信します。" in text
    assert page.locator("h1").inner_text() == "メッセージを送信しました。ありがとうございます"
    # The draft kept in this browser is cleared once the message is in.
    assert not page.evaluate("Object.keys(localStorage).some(k => k.startsWith('inquiry-'))")
    # Reloading the thank-you page does not send it again (POST/redirect/GET).
    page.reload()
    assert reference in page.locator(".inquiry-sent").inner_text()

    # The acknowledgement, in Japanese, with the same reference.
    deadline = time.monotonic() + 10
    while len(read_mailbox(demo_mailbox)) == before and time.monotonic() < deadline:
        time.sleep(0.2)
    messages = read_mailbox(demo_mailbox)[before:]
    acks = [m for m in messages if reference in m["subject"]]
    assert len(acks) == 1
    assert acks[0]["to"] == "hanako@example.jp"
    assert "メッセージを受け付けました" in acks[0]["subject"]
    body = acks[0].get_body(preferencelist=("plain",)).get_content()
    assert "佐藤 花子 様" in body and reference in body
    assert "担当者が 2 営業日以内にご返信します。" in body
