"""CSV and XLSX exports: filtered like the list, formula injection neutralised, audited."""

import csv
import io
import re

import pytest
from django.urls import reverse
from openpyxl import load_workbook

from zoneportal.inquiries.exports import neutralise_csv
from zoneportal.inquiries.models import Inquiry

from .factories import inquiry, officer

pytestmark = pytest.mark.django_db
NASTY = [
    '=HYPERLINK("http://evil.example","click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A2)",
    "\t=1+1",
    "\r=1+1",
]


@pytest.fixture
def ann(client):
    user = officer("ann")
    client.force_login(user)
    return user


@pytest.mark.parametrize("value", NASTY)
def test_neutralise_csv_prefixes_a_quote(value):
    # A tab or CR is also a place where a cell may start: the trigger after it too.
    assert neutralise_csv(value) == "'" + re.sub(r"^([\t\r])", r"\1'", value)


@pytest.mark.parametrize("value", ["Sato", "1+1", "", "a=b", "株式会社"])
def test_neutralise_csv_leaves_ordinary_values(value):
    assert neutralise_csv(value) == value


def _csv_rows(response):
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text)))


def test_csv_neutralises_every_trigger(client, ann):
    for index, value in enumerate(NASTY):
        inquiry(name=value, organisation=value, message=value, reference=f"WND-2026-7{index:05d}")
    response = client.get(reverse("inquiry:export", args=["csv"]))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = _csv_rows(response)
    assert sorted(row["Name"] for row in rows) == sorted(neutralise_csv(value) for value in NASTY)
    assert all(row["Name"].startswith("'") for row in rows)
    assert all(row["Message"] == row["Name"] for row in rows)


def test_xlsx_cells_are_strings_with_the_literal_value(client, ann):
    for index, value in enumerate(NASTY):
        inquiry(name=value, message=value, reference=f"WND-2026-8{index:05d}")
    response = client.get(reverse("inquiry:export", args=["xlsx"]))
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    header = [cell.value for cell in sheet[1]]
    name_col, message_col = header.index("Name"), header.index("Message")
    cells = [row[name_col] for row in sheet.iter_rows(min_row=2)]
    # XML turns a carriage return into a line feed when the file is read back.
    assert sorted(cell.value for cell in cells) == sorted(v.replace("\r", "\n") for v in NASTY)
    assert {cell.data_type for cell in cells} == {"s"}
    messages = [row[message_col] for row in sheet.iter_rows(min_row=2)]
    assert {cell.data_type for cell in messages} == {"s"}


def test_export_uses_the_list_filters_and_search(client, ann):
    inquiry(name="Spammer", status=Inquiry.Status.SPAM)
    inquiry(name="Tanaka", reply_language="ja")
    inquiry(name="Müller", reply_language="en")
    rows = _csv_rows(client.get(reverse("inquiry:export", args=["csv"]), {"reply_language": "ja"}))
    assert [row["Name"] for row in rows] == ["Tanaka"]
    rows = _csv_rows(client.get(reverse("inquiry:export", args=["csv"]), {"q": "Müller"}))
    assert [row["Name"] for row in rows] == ["Müller"]
    rows = _csv_rows(client.get(reverse("inquiry:export", args=["csv"]), {"status": "spam"}))
    assert [row["Name"] for row in rows] == ["Spammer"]


def test_export_is_audited_per_inquiry(client, ann):
    from wagtail.models import ModelLogEntry

    first, second = inquiry(), inquiry()
    client.get(reverse("inquiry:export", args=["xlsx"]))
    logged = set(
        ModelLogEntry.objects.filter(action="inquiries.export", user=ann).values_list(
            "object_id", flat=True
        )
    )
    assert logged == {str(first.pk), str(second.pk)}


def test_list_shows_export_buttons_only_with_the_permission(client, ann):
    inquiry()
    html = client.get(reverse("inquiry:index")).content.decode()
    assert reverse("inquiry:export", args=["xlsx"]) in html
    assert "?export=" not in html  # Wagtail's own list export stays off
    response = client.get(reverse("inquiry:index"), {"export": "csv"})
    assert response["Content-Type"].startswith("text/html")


def test_unknown_format_is_404(client, ann):
    response = client.get(reverse("inquiry:export", args=["pdf"]))
    # Django's LocaleMiddleware answers a 404 by trying the /en/ prefix, which 404s too.
    assert response.status_code == 404 or response["Location"].startswith("/en/admin/")


# -- Formulas after a separator (issue 13 item 8) --------------------------------------
# Excel in locales whose list separator is ";" (German, French ...) splits a comma-
# separated file at semicolons, an import may split at tabs, and a line-based reader
# at line breaks inside a quoted cell: each piece is a new cell, so "Acme;=cmd" gave a
# formula. Every piece that could start a cell is neutralised, and every cell is quoted.

SPLIT = [
    "Acme;=cmd|' /C calc'!A0",
    'Acme; =HYPERLINK("http://evil.example")',
    "Acme,=1+1",
    "Acme\t@SUM(A1:A2)",
    "Acme\n-2+3+cmd|' /C calc'!A0",
    "Acme\r\n+1+1",
    "Acme\r=1+1",
    "Acme;;\t=1",
]
TRIGGER_START = re.compile(r"^[\s\"]*[=+\-@]")


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("Acme;=cmd", "Acme;'=cmd"),
        ("Acme; =cmd", "Acme;' =cmd"),
        ("Acme,+1", "Acme,'+1"),
        ("Acme\t@SUM(A1)", "Acme\t'@SUM(A1)"),
        ("We need:\n- land\n- power", "We need:\n'- land\n'- power"),
        ("=1;=2", "'=1;'=2"),
        ("5,000 m²; 2027", "5,000 m²; 2027"),
    ],
)
def test_neutralise_csv_after_every_separator(value, expected):
    assert neutralise_csv(value) == expected


def _pieces(text: str, separator: str) -> list[str]:
    """What a reader that ignores quotes makes of the file: lines split at `separator`."""
    return [piece for line in re.split(r"\r\n|\r|\n", text) for piece in line.split(separator)]


@pytest.mark.parametrize("separator", [";", ",", "\t"])
def test_csv_opened_with_any_separator_has_no_formula_cell(client, ann, separator):
    for index, value in enumerate(SPLIT):
        inquiry(name=value, organisation=value, message=value, reference=f"WND-2026-6{index:05d}")
    response = client.get(reverse("inquiry:export", args=["csv"]))
    text = response.content.decode("utf-8-sig")
    # A reader that ignores quotes (Excel in a ";" locale, a tab import, line by line).
    formulas = [piece for piece in _pieces(text, separator) if TRIGGER_START.match(piece)]
    assert formulas == []
    # A reader that honours the quotes: one cell per field, the value readable.
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=separator)
    cells = [cell for row in reader for cell in row]
    assert not [cell for cell in cells if TRIGGER_START.match(cell)]
    names = sorted(row["Name"] for row in _csv_rows(response))
    assert names == sorted(neutralise_csv(value) for value in SPLIT)
    assert "Acme;'=cmd|' /C calc'!A0" in names


def test_every_csv_cell_is_quoted(client, ann):
    inquiry(name="Acme;=cmd", reference="WND-2026-500001")
    text = client.get(reverse("inquiry:export", args=["csv"])).content.decode("utf-8-sig")
    for line in text.splitlines():
        assert line.startswith('"') and line.endswith('"'), line


def test_xlsx_keeps_values_with_separators_as_literal_text(client, ann):
    for index, value in enumerate(SPLIT):
        inquiry(name=value, reference=f"WND-2026-5{index:05d}")
    sheet = load_workbook(io.BytesIO(client.get(reverse("inquiry:export", args=["xlsx"])).content))
    sheet = sheet.active
    name_col = [cell.value for cell in sheet[1]].index("Name")
    cells = [row[name_col] for row in sheet.iter_rows(min_row=2)]
    assert {cell.data_type for cell in cells} == {"s"}
    # XML turns CR LF and CR into LF when the file is read back.
    assert sorted(cell.value for cell in cells) == sorted(re.sub("\r\n?", "\n", v) for v in SPLIT)


def test_a_phone_number_shows_as_text_in_international_format(client, ann):
    """Decided: the CSV shows '+86 510 8123 4567 (the apostrophe marks text; without it
    Excel reads +86 510 ... as a formula, #NULL!), the XLSX +86 510 8123 4567."""
    inquiry(phone="+8651081234567", reference="WND-2026-400001")
    csv_rows = _csv_rows(client.get(reverse("inquiry:export", args=["csv"])))
    assert [row["Phone"] for row in csv_rows] == ["'+86 510 8123 4567"]
    sheet = load_workbook(io.BytesIO(client.get(reverse("inquiry:export", args=["xlsx"])).content))
    sheet = sheet.active
    phone_col = [cell.value for cell in sheet[1]].index("Phone")
    (cell,) = [row[phone_col] for row in sheet.iter_rows(min_row=2)]
    assert (cell.value, cell.data_type) == ("+86 510 8123 4567", "s")
