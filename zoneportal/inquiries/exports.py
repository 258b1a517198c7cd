"""CSV and XLSX exports of the (filtered) Inquiries list.

Investors type what they like into the form, so a cell must never turn into a
spreadsheet formula.

- XLSX: every text cell is written as a string, which is never evaluated, and keeps
  its literal value ("Acme;=cmd" reads "Acme;=cmd").
- CSV: a file does not say which separator it uses. Excel in locales whose list
  separator is ";" (German, French, ...) splits a comma-separated file at
  semicolons, an import may split at tabs or commas regardless of quotes, and a
  line-based reader at the line breaks inside a quoted cell; each piece then starts
  a new cell. So every place where a cell could start - the value's start, and right
  after any `,` `;` tab, CR or LF - gets an apostrophe when a formula trigger
  (`= + - @`, after optional spaces/tabs) follows it: "Acme;=cmd" is written
  "Acme;'=cmd". A value starting with a tab or CR gets one too (some programs skip
  them before looking). The apostrophe is the convention spreadsheet programs read
  as "text"; it shows, which is the price of the file being safe in every locale.
  Every field is also quoted (QUOTE_ALL), so readers that honour quotes keep each
  value in one cell.
- Phone numbers are exported in international format ("+86 510 8123 4567", read
  from the stored E.164 value): in CSV they show as '+86 510 8123 4567 (without the
  apostrophe Excel would read a formula and show #NULL!), in XLSX without it.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import re

import phonenumbers
from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .filters import country_name
from .service_levels import due

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
# The start of the value or a separator, followed by a trigger (after spaces/tabs).
_CELL_START_BEFORE_TRIGGER = re.compile(r"(^|[,;\t\r\n])(?=[ \t]*[=+\-@])")

COLUMNS = [
    ("reference", _("Reference")),
    ("status", _("Status")),
    ("received", _("Received")),
    ("owner", _("Owner")),
    ("overdue", _("Overdue")),
    ("name", _("Name")),
    ("organisation", _("Organisation")),
    ("email", _("Email")),
    ("phone", _("Phone")),
    ("country", _("Country")),
    ("industry", _("Industry")),
    ("stage", _("Project stage")),
    ("reply_language", _("Reply language")),
    ("message", _("Message")),
    ("assigned", _("Assigned")),
    ("first_answered", _("First answered")),
    ("closed", _("Closed")),
]


def neutralise_csv(value):
    """A CSV cell value that a spreadsheet program shows as text, never as a formula,
    whichever separator it splits the file at (see the module docstring)."""
    if not isinstance(value, str):
        return value
    value = _CELL_START_BEFORE_TRIGGER.sub(r"\1'", value)
    if value.startswith(FORMULA_TRIGGERS):
        value = "'" + value
    return value


def readable_phone(value: str) -> str:
    """The stored (E.164) number in international format; anything else as stored."""
    try:
        number = phonenumbers.parse(value, None)
    except phonenumbers.NumberParseException:
        return value
    return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.INTERNATIONAL)


def _local(moment):
    return timezone.localtime(moment).replace(tzinfo=None, microsecond=0) if moment else None


def rows(queryset, now=None):
    """One dict per inquiry, values as Python objects (datetimes naive, in TIME_ZONE)."""
    now = now or timezone.now()
    for inquiry in queryset.select_related("owner"):
        owner = inquiry.owner
        yield {
            "reference": inquiry.reference or "",
            "status": str(inquiry.get_status_display()),
            "received": _local(inquiry.created_at),
            "owner": (owner.get_full_name() or owner.get_username()) if owner else "",
            "overdue": str(_("yes")) if due(inquiry, now).is_overdue else "",
            "name": inquiry.name,
            "organisation": inquiry.organisation,
            "email": inquiry.email,
            "phone": readable_phone(inquiry.phone) if inquiry.phone else "",
            "country": str(country_name(inquiry.country)),
            "industry": inquiry.industry_name,
            "stage": str(inquiry.get_stage_display()) if inquiry.stage else "",
            "reply_language": str(inquiry.get_reply_language_display()),
            "message": inquiry.message,
            "assigned": _local(inquiry.assigned_at),
            "first_answered": _local(inquiry.first_answered_at),
            "closed": _local(inquiry.closed_at),
        }


def write_csv(queryset) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, quoting=csv.QUOTE_ALL)
    writer.writerow([str(label) for _key, label in COLUMNS])
    for row in rows(queryset):
        writer.writerow(
            [
                neutralise_csv(
                    value.isoformat(sep=" ") if isinstance(value, dt.datetime) else value
                )
                for value in (row[key] for key, _label in COLUMNS)
            ]
        )
    return buffer.getvalue()


def _xlsx_cell(worksheet, value):
    if isinstance(value, str):
        value = ILLEGAL_CHARACTERS_RE.sub("", value)
    cell = WriteOnlyCell(worksheet, value=value)
    if isinstance(value, str):
        # openpyxl reads a leading "=" as a formula; a string cell is never evaluated.
        cell.data_type = "s"
    elif isinstance(value, dt.datetime):
        cell.number_format = "yyyy-mm-dd hh:mm"
    return cell


def write_xlsx(queryset) -> bytes:
    workbook = Workbook(write_only=True)
    worksheet = workbook.create_sheet(title=str(_("Inquiries"))[:31])
    worksheet.append([_xlsx_cell(worksheet, str(label)) for _key, label in COLUMNS])
    for row in rows(queryset):
        worksheet.append([_xlsx_cell(worksheet, row[key]) for key, _label in COLUMNS])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def filename(extension: str) -> str:
    return f"inquiries-{timezone.localdate().isoformat()}.{extension}"


def csv_response(queryset) -> HttpResponse:
    # A byte-order mark lets spreadsheet programs read the UTF-8 (Chinese, Japanese, Korean).
    response = HttpResponse("\ufeff" + write_csv(queryset), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename("csv")}"'
    return response


def xlsx_response(queryset) -> HttpResponse:
    response = HttpResponse(
        write_xlsx(queryset),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
    response["Content-Disposition"] = f'attachment; filename="{filename("xlsx")}"'
    return response
