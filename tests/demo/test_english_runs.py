"""The English-run guard itself: what it reports and what it lets through."""

from .english_runs import english_runs


def _page(main: str) -> str:
    return f"<html><body><nav>Skip to the content</nav><main>{main}</main></body></html>"


def test_an_untranslated_sentence_in_main_content_is_reported():
    runs = english_runs(_page("<p>无锡高新区</p><p>Seals, bank accounts and tax registration</p>"))
    assert runs == ["Seals, bank accounts and tax registration"]


def test_table_cells_and_list_items_are_checked_one_by_one():
    html = _page(
        "<table><tr><td>Who it is for</td><td>Z visa</td></tr></table>"
        "<ul><li>Passport</li><li>Work permit</li><li>Registration form</li></ul>"
    )
    assert english_runs(html) == ["Who it is for"]


def test_names_two_word_terms_addresses_and_code_pass():
    html = _page(
        "<p>SK hynix 的工厂</p><p>5G 与 IC 设计</p><p>info@example.org https://example.org/a/b</p>"
        "<code>python manage.py load_demo</code><p>Murata Electronics 株式会社</p>"
    )
    assert english_runs(html) == []


def test_text_outside_main_and_in_scripts_is_ignored():
    html = (
        "<html><body><header>Leave Your Message Here</header><main><p>日本語の本文</p>"
        '<script type="application/ld+json">{"name": "An English name here"}</script>'
        "</main></body></html>"
    )
    assert english_runs(html) == []


def test_alt_text_of_images_in_main_is_checked():
    assert english_runs(_page('<img src="a.jpg" alt="A view of the science park">')) == [
        "A view of the science park"
    ]
