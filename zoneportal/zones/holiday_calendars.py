"""The holiday calendars a zone may choose (zoneportal/inquiries/holidays.py CALENDARS).

A function, not a constant: Django calls it for the field's choices, so a calendar
added to CALENDARS needs no migration here.
"""


def calendar_choices():
    from zoneportal.inquiries.holidays import CALENDARS

    return [(code, code) for code in sorted(CALENDARS)]
