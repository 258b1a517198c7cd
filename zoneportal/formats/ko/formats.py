"""Date formats for ko pages (Django FORMAT_MODULE_PATH); see docs/architecture.md."""

DATE_FORMAT = "Y년 n월 j일"
SHORT_DATE_FORMAT = "Y-m-d"
DATETIME_FORMAT = "Y년 n월 j일 H:i"
TIME_FORMAT = "H:i"
MONTH_DAY_FORMAT = "n월 j일"
YEAR_MONTH_FORMAT = "Y년 n월"
