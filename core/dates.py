"""Dates known only as precisely as their source gives them: a day, a month or a year.

One method formats them everywhere (the journey, governance stages, alliances, sources), so
"2015", "January 2016" and "11 February 2021" read the same on every page.
"""

import datetime
import functools

from django.db import models
from django.db.models.functions import ExtractYear
from django.utils.dates import MONTHS
from django.utils.translation import get_language


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


@functools.lru_cache(maxsize=128)
def _month_name(language: str | None, month: int) -> str:
    return str(MONTHS[month])


def month_name(month: int) -> str:
    """The month's name in the active language ("January"), translated once per language."""
    return _month_name(get_language(), month)


def format_date(value: datetime.date | None, precision: str = DatePrecision.DAY) -> str:
    """The date as precisely as it is known: “2015”, “January 2016”, “11 February 2021”."""
    if value is None:
        return ""
    if precision == DatePrecision.YEAR:
        return str(value.year)
    # As Django's date format "j F Y" ("F Y") gives, without parsing the format for each date:
    # a list of a page's rows formats many.
    if precision == DatePrecision.MONTH:
        return f"{month_name(value.month)} {value.year}"
    return f"{value.day} {month_name(value.month)} {value.year}"


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


def years_with(queryset: models.QuerySet, field: str) -> list[int]:
    """The years in which `queryset` has a row by its date `field`, newest first: what a list's
    year filter offers, so that every year it offers finds something. One query, the distinct
    years of the rows (a scan, cheaper at a few thousand rows than the ORM's building of a
    query that asks whether each year has one)."""
    years = queryset.filter(**{f"{field}__isnull": False}).annotate(listed_year=YearOf(field))
    return list(years.values_list("listed_year", flat=True).distinct().order_by("-listed_year"))


class YearOf(ExtractYear):
    """The year of a date, as ExtractYear, but on SQLite by its own strftime: Django's SQLite
    ExtractYear calls a Python function for every row, which a list of distinct years of
    every record pays in full."""

    def as_sqlite(self, compiler, connection, **extra_context):
        sql, params = compiler.compile(self.lhs)
        return f"CAST(strftime('%%Y', {sql}) AS integer)", params
