"""The database itself refuses bad rows of systems, places, populations, neighbourhoods and
milestones: each case bypasses forms and model validation."""

import datetime

import pytest
from django.db import transaction
from django.db.models import ProtectedError

from places.models import Neighbourhood, SystemMembership
from tests import factories as f
from tests.helpers import assert_database_refuses


def _bad_rows():
    """(description, callable that writes one bad row)."""
    return [
        ("population of zero", lambda: f.make_population_estimate(population=0)),
        ("population year far out of range", lambda: f.make_population_estimate(year=3000)),
        ("population of an unknown series", lambda: f.make_population_estimate(series="guess")),
        (
            "two populations for one place, year and series",
            lambda: [
                f.make_population_estimate(place=(p := f.make_place())),
                f.make_population_estimate(place=p),
            ],
        ),
        ("fact with an unknown confidence", lambda: f.make_place(confidence="sure")),
        ("previous GSS code without its date", lambda: f.make_place(previous_gss_code="E1")),
        (
            "place leaving a system before it joined",
            lambda: SystemMembership.objects.create(
                place=f.make_place(),
                system=f.make_system(),
                started_on=datetime.date(2022, 7, 1),
                ended_on=datetime.date(2022, 6, 30),
            ),
        ),
        (
            "two places with one name in a system",
            lambda: [
                f.make_place(name="Same", slug="same-1", system=(s := f.make_system())),
                f.make_place(name="Same", slug="same-2", system=s),
            ],
        ),
        ("neighbourhood with population zero", lambda: f.make_neighbourhood(population=0)),
        (
            "two neighbourhoods with one slug in a place",
            lambda: [
                f.make_neighbourhood(slug="twin", place=(p := f.make_place())),
                f.make_neighbourhood(slug="twin", name="Other", place=p),
            ],
        ),
        (
            "milestone ending before it starts",
            lambda: f.make_milestone(
                date=datetime.date(2022, 1, 1), end_date=datetime.date(2021, 1, 1)
            ),
        ),
        ("milestone with an unknown precision", lambda: f.make_milestone(precision="week")),
        ("system with an unknown status", lambda: f.make_system(status="imaginary")),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "write"), _bad_rows(), ids=[c for c, _ in _bad_rows()])
def test_database_refuses(case, write):
    assert_database_refuses(write)


@pytest.mark.django_db
def test_a_place_with_neighbourhoods_cannot_be_deleted():
    neighbourhood = f.make_neighbourhood()
    with pytest.raises(ProtectedError), transaction.atomic():
        neighbourhood.place.delete()
    assert Neighbourhood.objects.filter(pk=neighbourhood.pk).exists()


@pytest.mark.django_db
def test_neighbourhood_totals_take_names_over_a_count_kind_by_kind():
    from places.models import (
        NeighbourhoodCount,
        Place,
        neighbourhood_totals,
        summarise_neighbourhoods,
    )

    system = f.make_system()
    named_and_counted, counted_only, areas = (f.make_place(system=system) for _ in range(3))
    for _ in range(3):
        f.make_neighbourhood(place=named_and_counted)
    NeighbourhoodCount.objects.create(place=named_and_counted, count=10, source="Test")
    NeighbourhoodCount.objects.create(place=counted_only, count=6, source="Test")
    NeighbourhoodCount.objects.create(place=counted_only, kind="area", count=4, source="Test")
    for _ in range(2):
        f.make_neighbourhood(place=areas, kind="area")
    f.make_neighbourhood()  # a place in another system: not counted
    places = Place.objects.filter(system=system)
    expected = {"primary care network": 3 + 6, "council area": 4 + 2}
    assert places.neighbourhood_totals() == expected
    # The same as adding up each place's tallies, as the neighbourhoods page shows them.
    tallied = list(places)
    summarise_neighbourhoods(tallied, shown=0)
    assert neighbourhood_totals(tallied) == expected
    assert Place.objects.none().neighbourhood_totals() == {}
