"""Phones: nothing wider than a 360 px screen on any page type, and the Menu button."""

import pytest
from playwright.sync_api import expect

pytestmark = pytest.mark.browser

WIDTH = 360

# One page of every page type of the demo; the same paths exist under /ja/.
PAGE_TYPES = {
    "home": "/",
    "section": "/about/",
    "standard (with a table)": "/living/visa/",
    "news index": "/media-center/news/",
    "news article": "/media-center/news/wuxi-to-deepen-cooperation-with-japan-and-south-korea/",
    "video index": "/media-center/videos/",
    "video": "/media-center/videos/taihu-bay-sci-tech-innovation-city/",
    "procedure": "/investment-guides/investment-procedures/"
    "setting-up-a-foreign-invested-enterprise/",
    "policy": "/investment-guides/preferential-policies/twelve-measures-for-high-tech-enterprises/",
    "Q&A": "/investment-guides/q-a/",
    "key industry index": "/business/key-industries/",
    "key industry": "/business/key-industries/integrated-circuits/",
    "park index (with filters)": "/business/industrial-parks/",
    "park": "/business/industrial-parks/wuxi-singapore-industrial-park/",
    "company index": "/business/star-companies/",
    "company": "/business/star-companies/sk-hynix/",
    "events index": "/culture-tourism/events/",
    "event": "/culture-tourism/events/erhu-workshop-open-day/",
    "attraction": "/culture-tourism/attractions/hongshan-national-archaeological-park/",
    "specialty": "/culture-tourism/specialties/meicun-erhu/",
    "message page": "/leave-your-message/",
    "404": "/no-such-page/",
}
SEARCHES = {"en": "investment", "ja": "投資"}

# Elements whose right edge passes the screen, except those inside a box that scrolls
# or clips them (a wide table scrolls inside its region). Only the deepest offenders
# are named: their ancestors are wide because of them.
OVERFLOW_JS = """(limit) => {
  const name = (el) => el.tagName.toLowerCase() + (el.id ? "#" + el.id : "") +
    Array.from(el.classList).map((c) => "." + c).join("");
  const contained = (el) => {
    for (let box = el.parentElement; box && box !== document.body; box = box.parentElement) {
      const overflow = getComputedStyle(box).overflowX;
      if (overflow !== "visible") return box.getBoundingClientRect().right <= limit + 0.5;
    }
    return false;
  };
  const wide = [];
  for (const el of document.querySelectorAll("body *")) {
    const box = el.getBoundingClientRect();
    if ((box.width || box.height) && box.right > limit + 0.5 && !contained(el)) wide.push([el, box.right]);
  }
  const causes = wide
    .filter(([el]) => !wide.some(([other]) => other !== el && el.contains(other)))
    .sort((a, b) => b[1] - a[1]);
  return {
    scrollWidth: document.documentElement.scrollWidth,
    offenders: causes.map(([el, right]) => name(el) + " (right edge " + Math.round(right) + " px)"),
  };
}"""


@pytest.fixture(scope="module")
def phone(browser, demo_server):
    context = browser.new_context(
        base_url=demo_server,
        viewport={"width": WIDTH, "height": 740},
        is_mobile=True,
        has_touch=True,
    )
    yield context.new_page()
    context.close()


def _assert_fits(phone, url):
    phone.goto(url)
    found = phone.evaluate(OVERFLOW_JS, WIDTH)
    assert found["scrollWidth"] <= WIDTH and not found["offenders"], (
        f"{url} is {found['scrollWidth']} px wide at {WIDTH} px; too wide: {found['offenders'][:6]}"
    )


@pytest.mark.parametrize("language", ["en", "ja"])
@pytest.mark.parametrize("page_type", list(PAGE_TYPES))
def test_every_page_type_fits_a_360_px_screen(phone, language, page_type):
    _assert_fits(phone, f"/{language}{PAGE_TYPES[page_type]}")


@pytest.mark.parametrize("language", ["en", "ja"])
def test_search_results_fit_a_360_px_screen(phone, language):
    _assert_fits(phone, f"/{language}/search/?q={SEARCHES[language]}")
    expect(phone.locator(".search-result").first).to_be_visible()


def test_a_wide_table_scrolls_in_a_labelled_focusable_region(phone):
    phone.goto("/en/living/visa/")
    region = phone.get_by_role("region", name="Main permits and visas", exact=False).first
    expect(region).to_have_attribute("tabindex", "0")
    region.focus()
    expect(region).to_be_focused()
    box = region.bounding_box()
    assert box["x"] + box["width"] <= WIDTH


def test_menu_button_is_hidden_on_a_wide_screen_where_the_menu_shows(page):
    page.goto("/en/")
    expect(page.locator("#primary-nav")).to_be_visible()
    expect(page.locator("#menu-button")).to_be_hidden()


def test_menu_button_toggles_the_menu_on_a_phone(phone):
    phone.goto("/en/about/")
    menu = phone.get_by_role("button", name="Menu")
    nav = phone.locator("#primary-nav")
    expect(menu).to_be_visible()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "true")
    expect(nav).to_be_visible()
    menu.click()
    expect(menu).to_have_attribute("aria-expanded", "false")
    expect(nav).to_be_hidden()
