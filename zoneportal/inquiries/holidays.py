"""Default public holidays and working weekend days (调休) for service-level arithmetic.

Pure data, imported by the settings: `ZONEPORTAL_HOLIDAYS` and
`ZONEPORTAL_WORKING_WEEKEND_DAYS` default to these lists. Override them in the
settings of a deployment; keep them as ISO dates.

2026: the State Council's schedule (国办发明电〔2025〕7号), holidays and the
weekend days worked in exchange.
2027: only the statutory holiday dates (New Year, Spring Festival eve to the third
day, Qingming, Labour Day, Dragon Boat, Mid-Autumn, National Day). The State
Council publishes the full schedule with its swapped days around November of the
year before: replace the 2027 lines then.
"""

PRC_HOLIDAYS_2026 = [
    # New Year
    "2026-01-01", "2026-01-02", "2026-01-03",
    # Spring Festival
    "2026-02-15", "2026-02-16", "2026-02-17", "2026-02-18", "2026-02-19",
    "2026-02-20", "2026-02-21", "2026-02-22", "2026-02-23",
    # Qingming
    "2026-04-04", "2026-04-05", "2026-04-06",
    # Labour Day
    "2026-05-01", "2026-05-02", "2026-05-03", "2026-05-04", "2026-05-05",
    # Dragon Boat
    "2026-06-19", "2026-06-20", "2026-06-21",
    # Mid-Autumn
    "2026-09-25", "2026-09-26", "2026-09-27",
    # National Day
    "2026-10-01", "2026-10-02", "2026-10-03", "2026-10-04",
    "2026-10-05", "2026-10-06", "2026-10-07",
]  # fmt: skip

PRC_WORKING_WEEKEND_DAYS_2026 = [
    "2026-01-04",  # Sunday, after New Year
    "2026-02-14",  # Saturday, before Spring Festival
    "2026-02-28",  # Saturday, after Spring Festival
    "2026-05-09",  # Saturday, after Labour Day
    "2026-09-20",  # Sunday, before National Day
    "2026-10-10",  # Saturday, after National Day
]

# Statutory days only (see the module docstring).
PRC_HOLIDAYS_2027 = [
    "2027-01-01",
    "2027-02-05", "2027-02-06", "2027-02-07", "2027-02-08",
    "2027-04-05",
    "2027-05-01", "2027-05-02",
    "2027-06-09",
    "2027-09-15",
    "2027-10-01", "2027-10-02", "2027-10-03",
]  # fmt: skip

PRC_HOLIDAYS = PRC_HOLIDAYS_2026 + PRC_HOLIDAYS_2027
PRC_WORKING_WEEKEND_DAYS = PRC_WORKING_WEEKEND_DAYS_2026
