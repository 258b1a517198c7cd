"""CSV and XLSX exports of the (filtered) Inquiries list.

Investors type what they like into the form, so a cell must never turn into a
spreadsheet formula: a value starting with = + - @ (or a tab or carriage return,
which some programs skip before looking) stays text. In CSV it gets a leading
apostrophe, the convention spreadsheet programs understand; in XLSX the cell is
written as a string, which is never evaluated, and keeps its literal value.
"""

from __future__ import annotations

import csv
import datetime as dt
import io

from django.http import HttpResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .filters import country_name
from .service_levels import due

FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")

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
    """A CSV cell value that a spreadsheet program shows as text, never as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_TRIGGERS):
        return "'" + value
    return value


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
            "phone": inquiry.phone,
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
    writer = csv.writer(buffer)
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
