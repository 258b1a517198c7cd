"""CSV and XLSX exports: filtered like the list, formula injection neutralised, audited."""

import csv
import io

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
    assert neutralise_csv(value) == "'" + value


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
    assert sorted(row["Name"] for row in rows) == sorted("'" + value for value in NASTY)
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
