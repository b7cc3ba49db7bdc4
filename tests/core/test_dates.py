"""`core.dates.years_with`: the years a list's year filter offers."""

import datetime

import pytest

from core.dates import years_with
from governance.models import Meeting
from tests import factories as f


def on(*dates: str) -> None:
    body = f.make_body()
    for when in dates:
        f.make_meeting(body=body, date=datetime.date.fromisoformat(when))


@pytest.mark.django_db
def test_no_rows_no_years():
    with_no_rows = Meeting.objects.all()
    assert years_with(with_no_rows, "date") == []


@pytest.mark.django_db
def test_each_year_with_a_row_newest_first_and_none_between(django_assert_num_queries):
    # The first and last day of a year are in it; 2020 and 2022 to 2023 have nothing.
    on("2019-12-31", "2021-01-01", "2021-06-30", "2024-02-29", "2024-12-31")
    with django_assert_num_queries(1):  # however many years and rows
        assert years_with(Meeting.objects.all(), "date") == [2024, 2021, 2019]


@pytest.mark.django_db
def test_only_the_rows_of_the_queryset_count():
    on("2018-05-05", "2021-03-01", "2023-03-01")
    later = Meeting.objects.filter(date__gte=datetime.date(2021, 1, 1))
    assert years_with(later, "date") == [2023, 2021]  # 2018 is outside the span too
    assert years_with(Meeting.objects.filter(date__year=2019), "date") == []
