"""User journeys in a real browser, against the demo site (see conftest.py)."""

import re
import time

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

DELEGATION_TITLE = "Wuxi to deepen cooperation with Japan and South Korea"


def test_reader_goes_from_home_to_news_to_the_2019_delegation_article(page):
    page.goto("/en/")
    expect(page).to_have_title(re.compile("Wuxi National Hi-tech District"))
    main_nav = page.get_by_role("navigation", name="Main")
    # News sits in the Media Center drop-down, which opens on hover (and on focus).
    main_nav.get_by_role("link", name="Media Center", exact=True).hover()
    main_nav.get_by_role("link", name="News", exact=True).click()
    expect(page.get_by_role("heading", level=1)).to_have_text("News")
    # The 2019 article sits deep in the archive: use the year filter like a reader would.
    page.get_by_label("Year").select_option("2019")
    page.get_by_role("button", name=re.compile("Filter|Apply|Show")).click()
    page.get_by_role("link", name=DELEGATION_TITLE).click()

    expect(page.get_by_role("heading", level=1)).to_have_text(DELEGATION_TITLE)
    breadcrumb = page.get_by_role("navigation", name="Breadcrumb")
    expect(breadcrumb).to_contain_text("Home")
    expect(breadcrumb).to_contain_text("News")
    expect(page.locator(".source-line")).to_contain_text("(chinadaily.com.cn)")
    expect(page.locator(".source-line")).to_contain_text("Updated: 2019-06-04")
    captions = page.locator("article figcaption")
    assert captions.count() >= 2
    for index in range(captions.count()):
        expect(captions.nth(index)).to_be_visible()
        expect(captions.nth(index)).to_contain_text("[Photo/wnd.gov.cn]")
    images = page.locator("article figure img")
    for index in range(images.count()):
        assert images.nth(index).get_attribute("alt"), "every photo needs alt text"


def _root_font_px(page) -> float:
    return page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")


def test_zoom_button_grows_text_and_the_choice_survives_navigation(page):
    page.goto("/en/about/")
    base = _root_font_px(page)
    zoom = page.locator("#zoom-button")
    zoom.focus()
    page.keyboard.press("Enter")  # keyboard-operable
    assert _root_font_px(page) == pytest.approx(base * 1.15, rel=0.02)
    expect(page.locator("#zoom-status")).to_have_text(re.compile("115"))
    zoom.click()
    assert _root_font_px(page) == pytest.approx(base * 1.30, rel=0.02)

    page.goto("/en/media-center/news/")
    assert _root_font_px(page) == pytest.approx(base * 1.30, rel=0.02)
    page.locator("#zoom-button").click()  # wraps around to 100 %
    assert _root_font_px(page) == pytest.approx(base, rel=0.02)


def test_menu_button_opens_navigation_on_a_phone(mobile_page):
    mobile_page.goto("/en/")
    nav = mobile_page.locator("#primary-nav")
    menu = mobile_page.get_by_role("button", name="Menu")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    nav.get_by_role("link", name="Living", exact=True).click()
    expect(mobile_page.get_by_role("heading", level=1)).to_have_text("Living")
    width = mobile_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 375, "no horizontal scrolling at 375 px"


def test_search_finds_the_delegation_article_by_sk_hynix(page):
    page.goto("/en/")
    search = page.get_by_role("search").first
    search.get_by_role("searchbox").fill("SK Hynix")
    search.get_by_role("button", name="Search").click()
    expect(page).to_have_url(re.compile(r"/en/search/\?q=SK\+Hynix"))
    result = page.get_by_role("link", name=DELEGATION_TITLE)
    expect(result).to_be_visible()
    expect(page.locator("mark").first).to_have_text(re.compile("SK|Hynix", re.I))


def _wait_until(page, expression: str, timeout: float) -> None:
    """Poll `expression` in the page until it is truthy.

    Playwright's wait_for_function compiles its predicate with eval, which the site's
    Content-Security-Policy (rightly) forbids; page.evaluate is not affected.
    """
    deadline = time.monotonic() + timeout
    while not page.evaluate(expression):
        assert time.monotonic() < deadline, f"timed out waiting for: {expression}"
        page.wait_for_timeout(100)


def test_video_page_plays_the_file_with_captions(page):
    page.goto("/en/media-center/videos/erhu-makers-of-meicun/")
    video = page.locator("video")
    expect(video).to_be_visible()
    assert video.get_attribute("poster"), "the player shows a poster before playing"
    # Start playback the way a keyboard or mouse user would: the native play control.
    page.evaluate("document.querySelector('video').muted = true")
    page.evaluate("document.querySelector('video').play()")
    _wait_until(page, "document.querySelector('video').currentTime > 0.5", timeout=15)
    assert page.evaluate("document.querySelector('video').error") is None
    # The default captions track loads and its first cue becomes active at the start.
    _wait_until(
        page,
        "(() => { const t = document.querySelector('video').textTracks[0];"
        " return t && t.mode === 'showing' && t.cues && t.cues.length >= 3; })()",
        timeout=10,
    )
    first_cue = page.evaluate("document.querySelector('video').textTracks[0].cues[0].text")
    assert first_cue == "[Title: Erhu makers of Meicun]"


def test_japanese_video_page_shows_japanese_captions_first(page):
    page.goto("/ja/media-center/videos/erhu-makers-of-meicun/")
    expect(page.locator("video")).to_be_visible()
    tracks = "document.querySelector('video').textTracks"
    assert page.evaluate(f"{tracks}.length") == 4
    assert page.evaluate(f"Array.from({tracks}, t => t.language)") == ["ja", "en", "zh-Hans", "ko"]
    # The default (Japanese) track is the one showing, and its cues load without playing.
    _wait_until(
        page,
        f"(() => {{ const t = {tracks}[0];"
        " return t.mode === 'showing' && t.cues && t.cues.length >= 3; })()",
        timeout=10,
    )
    assert page.evaluate(f"Array.from({tracks}).slice(1).map(t => t.mode)") == ["disabled"] * 3
    cues = page.evaluate(f"Array.from({tracks}[0].cues, c => c.text)")
    assert cues[0] == "[タイトル：梅村の二胡職人]"
    assert all(re.search(r"[\u3040-\u30ff]", text) for text in cues), cues
    # The transcript under the player is the same Japanese text.
    page.locator(".video-transcript summary").click()
    expect(page.locator(".video-transcript p").first).to_have_text("[タイトル：梅村の二胡職人]")


def _parse_ics(payload: bytes):
    from icalendar import Calendar

    return Calendar.from_ical(payload)


def test_event_calendar_downloads_parse_as_icalendar(page, downloads_dir):
    page.goto("/en/culture-tourism/events/")
    expect(page.get_by_role("heading", level=1)).to_have_text("Events")
    with page.expect_download() as all_upcoming:
        page.get_by_role("link", name=re.compile("Add all upcoming events")).click()
    upcoming = _parse_ics(all_upcoming.value.path().read_bytes())
    events = upcoming.walk("VEVENT")
    assert len(events) >= 2, "the demo always has upcoming events"
    assert all(event.get("DTSTART") and event.get("UID") for event in events)

    page.get_by_role("region", name=re.compile("Upcoming")).get_by_role("link").first.click()
    title = page.get_by_role("heading", level=1).inner_text()
    with page.expect_download() as one_event:
        page.get_by_role("link", name="Add to calendar (.ics)").click()
    assert one_event.value.suggested_filename.endswith(".ics")
    (single,) = _parse_ics(one_event.value.path().read_bytes()).walk("VEVENT")
    assert str(single["SUMMARY"]) == title
    assert single["DTSTART"].dt.tzinfo is not None
    assert single["DTEND"].dt > single["DTSTART"].dt
