"""The Content-Security-Policy does not break the admin page editor or the public site.

Chromium reports every blocked script, style, frame or image as a
`securitypolicyviolation` event; a listener installed before any page script
collects them, and the test asserts there are none.
"""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

COLLECT_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener('securitypolicyviolation', (event) => {
    window.__cspViolations.push(event.violatedDirective + ' ' + event.blockedURI);
});
"""


@pytest.fixture
def admin_tab(browser, demo_server):
    """A tab for the admin. Wagtail's own table editor logs an unrelated Handsontable
    console error, so only CSP messages count here (the public `page` fixture keeps
    failing on any console error)."""
    context = browser.new_context(base_url=demo_server, viewport={"width": 1280, "height": 900})
    tab = context.new_page()
    csp_messages = []
    tab.on(
        "console",
        lambda msg: (
            csp_messages.append(msg.text)
            if "Content Security Policy" in msg.text or "Refused to" in msg.text
            else None
        ),
    )
    yield tab
    context.close()
    assert not csp_messages, csp_messages


def violations(page):
    return page.evaluate("window.__cspViolations")


def sign_in(page, username="admin", password="wnd-admin-demo"):  # noqa: S107 - demo login
    page.goto("/admin/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url("/admin/")


def test_admin_page_editor_loads_without_csp_violations(admin_tab):
    page = admin_tab
    page.add_init_script(COLLECT_VIOLATIONS)
    response = page.goto("/admin/login/")
    assert "'unsafe-inline'" in response.headers["content-security-policy"]
    sign_in(page)
    assert violations(page) == []
    # Walk the page explorer down to a StreamField page and open its editor.
    page.goto("/admin/pages/")
    explore = "Explore child pages of '{}'"
    page.get_by_role("link", name=explore.format("Wuxi National Hi-tech District")).first.click()
    page.get_by_role("link", name=explore.format("About")).click()
    page.get_by_role("link", name="Overview", exact=True).first.click()
    expect(page.locator("form#page-edit-form")).to_be_visible()
    expect(page.locator("[data-streamfield-stream-container], .w-panel").first).to_be_visible()
    page.wait_for_load_state("networkidle")
    assert violations(page) == []
    # The live preview is a same-origin frame: the admin policy allows it.
    page.goto(page.url.replace("/edit/", "/edit/preview/"))
    assert violations(page) == []


def test_public_pages_with_json_ld_load_without_csp_violations(page):
    page.add_init_script(COLLECT_VIOLATIONS)
    for url in ("/en/", "/en/media-center/news/", "/en/search/?q=park"):
        response = page.goto(url)
        policy = response.headers["content-security-policy"]
        assert "script-src 'self';" in policy
        assert "unsafe" not in policy
        page.wait_for_load_state("networkidle")
        assert violations(page) == [], url
        if "/search/" not in url:
            # JSON-LD is a data block, not script: the strict policy lets it stay inline.
            assert page.locator('script[type="application/ld+json"]').count() >= 1, url
