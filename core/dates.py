"""Dates known only as precisely as their source gives them: a day, a month or a year.

One method formats them everywhere (the journey, governance stages, alliances, sources), so
"2015", "January 2016" and "11 February 2021" read the same on every page.
"""

import datetime

from django.db import models
from django.utils.formats import date_format


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


def format_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """The date as precisely as it is known: “2015”, “January 2016”, “11 February 2021”."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    if precision == DatePrecision.MONTH:
        return date_format(value, "F Y")
    return date_format(value, "j F Y")


def iso_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """For <time datetime="…">: only as precise as the fact."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return f"{value:%Y}"
    if precision == DatePrecision.MONTH:
        return f"{value:%Y-%m}"
    return value.isoformat()


def format_period(
    start: datetime.date | None,
    end: datetime.date | None,
    *,
    start_precision: str = DatePrecision.DAY,
    end_precision: str = DatePrecision.DAY,
) -> str:
    """A period with either end possibly unknown: “1 July 2022 to 30 June 2023”,
    “since 1 July 2022”, “until 30 June 2022”, or "" when neither is known."""
    since = format_date(start, start_precision)
    until = format_date(end, end_precision)
    if since and until:
        return f"{since} to {until}"
    if since:
        return f"since {since}"
    if until:
        return f"until {until}"
    return ""
