"""A Japanese investor reads the investment guides and Living pages: no English sentence.

The journey a Japanese reader makes before a site visit: the Q&A, a procedure with
its "documents needed" lists, a Living table, and the guides' navigation to them.
Each page is read as the browser shows it (the visible text of <main>, which includes
opened answers and table cells) and checked by the same English-run guard as the
demo tests.
"""

import re

import pytest
from playwright.sync_api import expect

from tests.demo.english_runs import english_runs

pytestmark = pytest.mark.browser

KATAKANA_OR_KANJI = re.compile(r"[\u3040-\u30ff\u4e00-\u9fff]")


def _main_is_japanese(page, minimum=100):
    main = page.locator("main")
    expect(main).to_be_visible()
    html = page.content()
    runs = english_runs(html)
    assert not runs, f"English on {page.url}: {runs[:5]}"
    text = main.inner_text()
    assert len(KATAKANA_OR_KANJI.findall(text)) > minimum, f"little Japanese on {page.url}"
    return main


def test_a_japanese_reader_finds_qa_procedure_and_living_table_in_japanese(page):
    page.goto("/ja/investment-guides/")
    _main_is_japanese(page, minimum=40)

    page.goto("/ja/investment-guides/q-a/")
    main = _main_is_japanese(page)
    # The questions are Japanese, and an opened answer is too.
    first_question = main.locator("details summary").first
    expect(first_question).to_contain_text(KATAKANA_OR_KANJI)
    first_question.click()
    expect(main.locator("details[open]").first).to_contain_text(KATAKANA_OR_KANJI)

    page.goto(
        "/ja/investment-guides/investment-procedures/setting-up-a-foreign-invested-enterprise/"
    )
    main = _main_is_japanese(page)
    expect(main.locator("li").first).to_contain_text(KATAKANA_OR_KANJI)

    page.goto("/ja/living/visa/")
    main = _main_is_japanese(page)
    header_cells = main.locator("table th")
    expect(header_cells.first).to_contain_text(KATAKANA_OR_KANJI)
    for cell in main.locator("table td").all()[:12]:
        assert not english_runs(f"<main><p>{cell.inner_text()}</p></main>"), cell.inner_text()
