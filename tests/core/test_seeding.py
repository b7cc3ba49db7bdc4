"""The loader's building blocks: how values are compared, and how data files name records."""

import datetime
import zoneinfo

import pytest

from core.seeding import LoadReport, find, serialise, upsert
from news.models import NewsItem
from places.models import Place, PopulationEstimate, SystemMembership
from tests.factories import make_place, make_system

UK = zoneinfo.ZoneInfo("Europe/London")


def field(model, name):
    return model._meta.get_field(name)


@pytest.mark.parametrize(
    ("model_field", "first", "second"),
    [
        (
            field(NewsItem, "publish_at"),
            datetime.datetime(2021, 7, 1, 9, tzinfo=UK),
            datetime.datetime(2021, 7, 1, 8, tzinfo=datetime.UTC),
        ),
        (
            field(SystemMembership, "ended_on"),
            datetime.date(2022, 6, 30),
            datetime.date(2022, 6, 30),
        ),
        (field(PopulationEstimate, "population"), 573252, 573252),
    ],
)
def test_equal_values_serialise_alike(model_field, first, second):
    assert serialise(model_field, first) == serialise(model_field, second)


@pytest.mark.parametrize(
    ("model_field", "first", "second"),
    [
        (field(PopulationEstimate, "population"), None, 0),
        (field(Place, "name"), "", None),
        (
            field(SystemMembership, "ended_on"),
            datetime.date(2022, 6, 30),
            datetime.date(2022, 7, 1),
        ),
    ],
)
def test_different_values_serialise_apart(model_field, first, second):
    assert serialise(model_field, first) != serialise(model_field, second)


@pytest.mark.django_db
def test_a_related_record_is_written_as_its_natural_key():
    system = make_system(slug="south-yorkshire")
    assert serialise(field(Place, "system"), system) == "south-yorkshire"


@pytest.mark.django_db
def test_a_slug_no_data_file_loaded_is_an_error_not_a_skip():
    with pytest.raises(Place.DoesNotExist):
        find(Place, "atlantis")


@pytest.mark.django_db
def test_a_slug_the_loader_created_and_staff_deleted_is_skipped():
    system = make_system()
    upsert(
        Place,
        key={"slug": "atlantis"},
        values={"name": "Atlantis", "system": system},
        report=LoadReport(),
    )
    Place.objects.get(slug="atlantis").delete()

    assert find(Place, "atlantis") is None


@pytest.mark.django_db
def test_a_record_staff_made_before_the_loader_named_it_keeps_its_values():
    place = make_place(slug="atlantis", name="Atlantis (staff)")
    report = LoadReport()

    upsert(
        Place,
        key={"slug": "atlantis"},
        values={"name": "Atlantis", "system": place.system},
        report=report,
    )

    place.refresh_from_db()
    assert place.name == "Atlantis (staff)"
    assert report.kept == ["kept staff change: place atlantis.name"]
    assert report.lines()[0] == "places: 0 created, 0 updated, 1 unchanged, 1 staff change kept"
