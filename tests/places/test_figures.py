"""A system's figures are kept with the records they are summed from (places/figures.py): after
any change, in the change's own transaction, the stored figures of every system equal the
figures summed afresh from the places; a change undone leaves them as they were."""

import datetime

import pytest
from django.apps import apps
from django.db import connection, transaction
from django.db.migrations.loader import MigrationLoader
from django.test.utils import CaptureQueriesContext

from icsportal.factories import (
    make_neighbourhood,
    make_place,
    make_population_estimate,
    make_system,
)
from places import figures
from places.figures import figures_of
from places.models import (
    IntegratedCareSystem,
    Neighbourhood,
    NeighbourhoodCount,
    NeighbourhoodKind,
    Place,
    PopulationEstimate,
    SystemFigures,
)

pytestmark = pytest.mark.django_db


def citations(population: dict) -> list[tuple]:
    return [
        (c.series, c.source, c.source_url, c.source_date, c.source_date_precision, c.confidence)
        for c in population["citations"]
    ]


def summed(system) -> tuple:
    """The figures summed afresh from the system's places."""
    places = Place.objects.filter(system=system)
    population = places.population_total()
    shown = {key: value for key, value in population.items() if key != "citations"}
    largest = list(places.largest().values_list("pk", flat=True)[: figures.LARGEST_KEPT])
    return shown, citations(population), list(places.neighbourhood_totals().items()), largest


def stored(system) -> tuple:
    """The figures a page reads: the system's row, which must be there."""
    system = IntegratedCareSystem.objects.select_related("figures").get(pk=system.pk)
    assert SystemFigures.objects.filter(system=system).exists()
    found = figures_of(system)
    shown = {key: value for key, value in found.population.items() if key != "citations"}
    return (
        shown,
        citations(found.population),
        list(found.neighbourhood_totals.items()),
        found.largest,
    )


def assert_in_step() -> None:
    for system in IntegratedCareSystem.objects.all():
        assert stored(system) == summed(system), system.slug


def test_the_loader_leaves_every_system_with_its_figures(seeded):
    portal = IntegratedCareSystem.objects.portal()
    assert SystemFigures.objects.count() == IntegratedCareSystem.objects.count()
    assert_in_step()
    population, sources, totals, largest = stored(portal)
    assert largest[0] == Place.objects.get(slug="sheffield").pk
    assert len(largest) == population["counted"] == 4
    assert population["total"] > 1_000_000
    assert population["counted"] == population["places"]
    assert sources, "the population's sources are kept with it"
    assert dict(totals)["primary care network"] > 0


def other_system_place() -> Place:
    return Place.objects.exclude(system__slug="south-yorkshire").order_by("pk").first()


def add_place(portal):
    place = make_place(system=portal, name="Figures Town", slug="figures-town")
    make_population_estimate(place=place, population=123_456)


def move_place(portal):
    place = Place.objects.get(slug="sheffield")
    place.system = other_system_place().system
    place.save()


def edit_estimate(portal):
    estimate = PopulationEstimate.objects.filter(place__system=portal).latest("year")
    estimate.population += 1_000
    estimate.save()


def outgrow_the_largest(portal):
    """The smallest place becomes the largest: the chart's order changes, not the places."""
    smallest = Place.objects.filter(system=portal).largest().last()
    estimate = smallest.population_estimates.latest("year")
    estimate.population = 10_000_000
    estimate.save()


def rename_a_place(portal):
    """Two places of one size are charted by name: renaming one changes their order."""
    for name in ("Aaa Figures Town", "Bbb Figures Town"):
        place = make_place(system=portal, name=name)
        make_population_estimate(place=place, population=9_000_000)
    place = Place.objects.get(name="Aaa Figures Town")
    place.name = "Zzz Figures Town"
    place.save()


def cite_estimate_afresh(portal):
    for estimate in PopulationEstimate.objects.filter(place__system=portal):
        estimate.source = "A newer source"
        estimate.source_date = datetime.date(2026, 6, 30)
        estimate.save()


def delete_estimate(portal):
    PopulationEstimate.objects.filter(place__slug="barnsley").delete()


def move_estimate(portal):
    estimate = PopulationEstimate.objects.filter(place__slug="barnsley").latest("year")
    estimate.place = other_system_place()
    estimate.year = 2030  # the latest there, so the other system's total moves too
    estimate.save()


def add_neighbourhood(portal):
    make_neighbourhood(place=Place.objects.get(slug="rotherham"), kind=NeighbourhoodKind.PCN)


def move_neighbourhood(portal):
    neighbourhood = Neighbourhood.objects.filter(place__system=portal).first()
    neighbourhood.place = other_system_place()
    neighbourhood.save()


def rekind_neighbourhood(portal):
    neighbourhood = Neighbourhood.objects.filter(place__system=portal).first()
    kinds = [kind for kind in NeighbourhoodKind.values if kind != neighbourhood.kind]
    neighbourhood.kind = kinds[0]
    neighbourhood.save()


def delete_neighbourhood(portal):
    Neighbourhood.objects.filter(place__system=portal).first().delete()


def count_neighbourhoods(portal):
    place = make_place(system=portal)
    NeighbourhoodCount.objects.create(place=place, kind=NeighbourhoodKind.PCN, count=7)


def recount_neighbourhoods(portal):
    count = NeighbourhoodCount.objects.filter(place__system=portal).first()
    count.count += 5
    count.save()


def delete_place(portal):
    place = make_place(system=portal)
    make_population_estimate(place=place, population=50_000)
    NeighbourhoodCount.objects.create(place=place, kind=NeighbourhoodKind.PCN, count=2)
    place.delete()  # its estimate and count go with it


CHANGES = [
    add_place,
    move_place,
    edit_estimate,
    outgrow_the_largest,
    rename_a_place,
    cite_estimate_afresh,
    delete_estimate,
    move_estimate,
    add_neighbourhood,
    move_neighbourhood,
    rekind_neighbourhood,
    delete_neighbourhood,
    count_neighbourhoods,
    recount_neighbourhoods,
    delete_place,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_every_change_keeps_the_figures_in_step(seeded, change):
    portal = IntegratedCareSystem.objects.portal()
    other = other_system_place().system
    before = {system.pk: summed(system) for system in (portal, other)}
    change(portal)
    after = {system.pk: summed(system) for system in (portal, other)}
    # The change moved what a page shows (delete_place's place comes and goes: the same).
    assert after != before or change is delete_place
    assert_in_step()


def test_a_change_undone_leaves_the_figures_as_they_were(seeded):
    portal = IntegratedCareSystem.objects.portal()
    before = stored(portal)

    def change_then_fail():
        with transaction.atomic():
            add_place(portal)
            assert stored(portal) != before  # inside, the change is counted
            raise RuntimeError("undone")

    with pytest.raises(RuntimeError, match="undone"):
        change_then_fail()
    assert stored(portal) == before == summed(portal)


def test_bulk_work_refreshes_once_at_the_end(seeded):
    portal = IntegratedCareSystem.objects.portal()
    before = stored(portal)
    with figures.deferred():
        add_place(portal)
        add_neighbourhood(portal)
        assert stored(portal) == before != summed(portal)
    assert_in_step()


def test_bulk_work_left_on_an_error_refreshes_nothing(seeded):
    portal = IntegratedCareSystem.objects.portal()
    before = stored(portal)

    def bulk_then_fail():
        with transaction.atomic(), figures.deferred():
            add_place(portal)
            raise RuntimeError("undone")

    with pytest.raises(RuntimeError, match="undone"):
        bulk_then_fail()
    assert stored(portal) == before
    add_place(portal)  # no longer deferred: refreshed as it is saved
    assert_in_step()


def test_figures_unchanged_are_not_written_again(seeded):
    with CaptureQueriesContext(connection) as queries:
        figures.refresh_all()
    assert queries.captured_queries, "every system was summed again"
    assert not [q for q in queries.captured_queries if q["sql"].startswith("UPDATE")]
    edit_estimate(IntegratedCareSystem.objects.portal())
    assert_in_step()


def test_a_new_system_has_figures_at_once():
    system = make_system()
    assert stored(system) == summed(system)
    assert stored(system)[0]["places"] == 0
    place = make_place(system=system)
    make_population_estimate(place=place, population=9_999)
    assert stored(system)[0]["total"] == 9_999


def test_a_system_without_its_row_is_summed_and_migrate_gives_it_one(seeded):
    portal = IntegratedCareSystem.objects.portal()
    expected = summed(portal)
    SystemFigures.objects.all().delete()
    found = figures_of(IntegratedCareSystem.objects.portal())
    assert found.population["total"] == expected[0]["total"]
    assert list(found.neighbourhood_totals.items()) == expected[2]
    assert found.largest == expected[3]
    figures.after_migrate(sender=apps.get_app_config("places"))
    assert SystemFigures.objects.count() == IntegratedCareSystem.objects.count()
    assert_in_step()


def test_migrate_puts_right_a_row_made_before_a_figure_was_added(seeded):
    SystemFigures.objects.update(largest=[])  # as the migration that added it left each row
    figures.after_migrate(sender=apps.get_app_config("places"))
    assert_in_step()
    assert stored(IntegratedCareSystem.objects.portal())[3], "the largest places are kept"


@pytest.mark.parametrize(
    ("migrated_to", "recomputed"),
    [
        ("0007_neighbourhood_kind_name", False),  # before the figures' table
        ("0008_system_figures", False),  # before the largest places were kept
        ("0009_system_figures_largest", True),
    ],
)
def test_migrate_recomputes_the_figures_only_where_the_table_has_them(
    seeded, migrated_to, recomputed
):
    """Migrated back (a release rolled back), the table lacks what this code writes: nothing
    is written; migrated to the latest, every row is put right."""
    state = MigrationLoader(connection).project_state(("places", migrated_to))
    SystemFigures.objects.update(largest=[])
    figures.after_migrate(sender=apps.get_app_config("places"), apps=state.apps)
    if recomputed:
        assert_in_step()
        assert stored(IntegratedCareSystem.objects.portal())[3]
    else:  # nothing written: every row as the test left it
        rows = list(SystemFigures.objects.values_list("largest", flat=True))
        assert rows == [[]] * IntegratedCareSystem.objects.count()


def test_the_portal_is_read_with_its_figures(seeded, django_assert_num_queries):
    with django_assert_num_queries(1):
        found = figures_of(IntegratedCareSystem.objects.portal())
    ours = Place.objects.filter(system__slug="south-yorkshire")
    assert found.population["places"] == ours.count()
