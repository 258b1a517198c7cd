"""An investment officer handles a Japanese inquiry from the public form to closing.

The investor writes through the Japanese form; the officer signs in, finds the
inquiry by its reference, assigns it to themself, replies and closes it. The
investor's mailbox (the demo server's file backend, `demo_mailbox`) then holds the
acknowledgement and the reply, both in Japanese with the reference.
"""

import re
import time

import pytest

from .conftest import read_mailbox

pytestmark = pytest.mark.browser

REFERENCE = re.compile(r"WND-\d{4}-\d{6}")
INVESTOR = "kenji.tanaka@example.jp"


def _submit_japanese_form(page) -> str:
    page.goto("/ja/leave-your-message/")
    loaded = time.monotonic()
    page.get_by_label("お名前", exact=True).fill("田中 健二")
    page.locator("#id_country").select_option("JP")
    page.get_by_label("メールアドレス", exact=True).fill(INVESTOR)
    page.locator("#id_industry").select_option(index=1)
    page.locator("#id_stage_0").check()
    page.get_by_label("メッセージ", exact=True).fill(
        "無錫での研究開発拠点の設立について相談したいです。"
    )
    page.locator("#id_consent").check()
    time.sleep(max(0.0, 3.5 - (time.monotonic() - loaded)))
    page.get_by_role("button", name="送信する").click()
    page.wait_for_selector(".inquiry-sent")
    return REFERENCE.search(page.locator(".inquiry-sent").inner_text())[0]


def _to_investor(demo_mailbox, reference):
    return [
        message
        for message in read_mailbox(demo_mailbox)
        if INVESTOR in str(message["To"]) and reference in str(message["Subject"])
    ]


def test_officer_assigns_replies_and_closes_a_japanese_inquiry(page, demo_mailbox):
    reference = _submit_japanese_form(page)

    page.goto("/admin/login/")
    page.locator("#id_username").fill("officer")
    page.locator("#id_password").fill("wnd-officer-demo")
    page.locator("button[type=submit]").click()
    page.wait_for_url(re.compile(r"/admin/$"))
    # The dashboard panel and the menu item are there for officers.
    assert page.locator("[data-inquiry-dashboard]").count() == 1

    page.goto(f"/admin/inquiries/?q={reference}")
    page.get_by_role("link", name=reference).click()
    page.wait_for_selector("[data-inquiry]")
    assert "研究開発拠点" in page.locator("[data-field=message]").inner_text()
    assert page.locator("[data-field=reply-language]").inner_text() == "日本語"

    # Assign to themself (the form suggests the signed-in officer).
    page.locator("form[data-form=assign] button[type=submit]").click()
    page.wait_for_selector("[data-inquiry][data-status=assigned]")
    assert "Investment officer" in page.locator("[data-field=owner]").inner_text()

    page.locator("form[data-form=reply] textarea").fill(
        "ご相談ありがとうございます。太湖湾科創城の研究開発用オフィスをご案内できます。"
    )
    page.locator("form[data-form=reply] button[type=submit]").click()
    page.wait_for_selector("[data-inquiry][data-status=answered]")
    assert page.locator("tr[data-event=reply]").count() == 1
    assert page.locator("tr[data-email=reply]").count() == 1

    page.locator("form[data-form=status] select").select_option("closed")
    page.locator("form[data-form=status] button[type=submit]").click()
    page.wait_for_selector("[data-inquiry][data-status=closed]")
    kinds = page.locator("tr[data-event]").evaluate_all("rows => rows.map(r => r.dataset.event)")
    # ("email" events record deliveries, in between.)
    assert [kind for kind in kinds if kind != "email"] == [
        "received",
        "assigned",
        "reply",
        "status",
    ]

    deadline = time.monotonic() + 10
    while len(_to_investor(demo_mailbox, reference)) < 2 and time.monotonic() < deadline:
        time.sleep(0.2)
    acknowledgement, reply = _to_investor(demo_mailbox, reference)
    for message in (acknowledgement, reply):
        assert reference in str(message["Subject"])
    reply_body = reply.get_content()
    assert "田中 健二 様" in reply_body
    assert "太湖湾科創城の研究開発用オフィス" in reply_body
    assert "お問い合わせ番号" in reply_body
    assert re.search(r"[ぁ-んァ-ン]", acknowledgement.get_content())
