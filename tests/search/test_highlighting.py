"""The pure snippet/highlighting module and query normalisation."""

from zoneportal.search.highlighting import ELLIPSIS, find_spans, highlight, snippet
from zoneportal.search.query import MAX_QUERY_LENGTH, normalise_query


def words(n, word="filler"):
    return " ".join(f"{word}{i}" for i in range(n))


def test_phrase_terms_are_marked_as_one_phrase():
    html = snippet("Chipmaker SK Hynix opened a packaging plant.", ["SK", "Hynix"])
    assert "<mark>SK Hynix</mark>" in html


def test_matching_is_case_insensitive_and_keeps_original_case():
    html = snippet("Investment from SK HYNIX and sk hynix", ["sk", "hynix"])
    assert html.count("<mark>") == 2
    assert "<mark>SK HYNIX</mark>" in html
    assert "<mark>sk hynix</mark>" in html


def test_multiple_terms_are_all_marked():
    html = highlight("Semiconductors, biomedicine and logistics", ["logistics", "semiconductors"])
    assert html == "<mark>Semiconductors</mark>, biomedicine and <mark>logistics</mark>"


def test_partial_words_marked_whole_but_short_terms_need_whole_words():
    assert highlight("Investment incentives", ["invest"]) == "<mark>Investment</mark> incentives"
    # "SK" must not light up "skills" or "task".
    assert highlight("skills task SK", ["sk"]) == "skills task <mark>SK</mark>"


def test_simple_plural_query_marks_singular_word():
    assert "<mark>investment</mark>" in highlight("one investment", ["investments"])
    assert highlight("Incentive Policies", ["policy"]) == "Incentive <mark>Policies</mark>"
    assert highlight("a tax policy", ["policies"]) == "a tax <mark>policy</mark>"
    assert highlight("Industrial Park", ["parks"]) == "Industrial <mark>Park</mark>"


def test_overlapping_terms_merge_into_one_mark():
    assert find_spans("Hynix", ["hyn", "hynix", "ynix"]) == [(0, 5)]
    # CJK terms match inside unspaced text, and overlaps are merged.
    assert highlight("无锡新区欢迎你", ["无锡", "锡新"]) == "<mark>无锡新</mark>区欢迎你"


def test_content_and_query_html_is_escaped():
    text = 'Beware <script>alert("x")</script> & <b>bold</b> claims'
    html = snippet(text, ["<script>", "script", "bold"])
    assert "<script>" not in html
    assert "<b>" not in html
    assert "<mark>&lt;script&gt;</mark>alert" in html
    assert "&lt;/<mark>script</mark>&gt;" in html
    assert "&amp;" in html
    assert "&quot;x&quot;" in html


def test_term_with_regex_and_html_characters_is_literal():
    assert highlight("a+b, < c", ["a+b", "<"]) == "<mark>a+b</mark>, <mark>&lt;</mark> c"
    assert highlight("AT&T results", ["at&t"]) == "<mark>AT&amp;T</mark> results"


def test_window_around_first_match_with_ellipses():
    text = f"{words(50)} SK Hynix {words(50, 'tail')}"
    html = snippet(text, ["hynix"])
    assert html.startswith(f"{ELLIPSIS} ")
    assert html.endswith(f" {ELLIPSIS}")
    assert "<mark>Hynix</mark>" in html
    assert len(html.replace(ELLIPSIS, "").split()) == 30
    # A few words of context are kept before the match.
    assert "filler49 SK <mark>Hynix</mark>" in html


def test_match_near_start_has_no_leading_ellipsis_and_near_end_shows_full_window():
    start = snippet(f"Hynix {words(60)}", ["hynix"])
    assert start.startswith("<mark>Hynix</mark>")
    assert start.endswith(ELLIPSIS)
    end = snippet(f"{words(60)} Hynix", ["hynix"])
    assert end.startswith(ELLIPSIS)
    assert end.endswith("<mark>Hynix</mark>")
    assert len(end.replace(ELLIPSIS, "").split()) == 30


def test_no_match_shows_opening_words_and_short_text_has_no_ellipsis():
    html = snippet(words(40), ["absent"])
    assert html.startswith("filler0 ")
    assert html.endswith(ELLIPSIS)
    assert "<mark>" not in html
    assert snippet("Short text.", ["absent"]) == "Short text."
    assert snippet("", ["x"]) == ""


def test_normalise_collapses_whitespace_and_removes_invisible_characters():
    query = normalise_query("  SK\t\n  Hy\u200bnix \x00 ")
    assert query.text == "SK Hynix"
    assert query.terms == ("SK", "Hynix")
    assert query.search_string == "SK Hynix"
    assert not query.truncated


def test_normalise_drops_backend_syntax_and_duplicates():
    query = normalise_query('"SK" AND -hynix* sk (NEAR')
    assert query.terms == ("SK", "AND", "hynix", "NEAR")
    assert not normalise_query("  <>!!  ")
    assert not normalise_query(None)


def test_normalise_folds_full_width_letters():
    assert normalise_query("ＳＫ　Ｈｙｎｉｘ").text == "SK Hynix"


def test_normalise_truncates_long_queries_at_a_word_boundary():
    query = normalise_query("semiconductor " * 1000)
    assert query.truncated
    assert len(query.text) <= MAX_QUERY_LENGTH
    assert query.text.endswith("semiconductor")
    assert query.terms == ("semiconductor",)
