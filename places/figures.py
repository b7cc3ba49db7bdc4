"""A system's figures over all its places, kept in the database with the records they come from.

The home page, `/places/`, `/about/`, `/in-pictures/` and `/neighbourhoods/` show the summed
latest populations of the system's places (with their years and sources) and the totals of its
neighbourhoods by kind, and `/in-pictures/` charts its largest places. Summed on every request,
the figures cost 2.9 ms and 1.8 ms of the ORM's work at seed size and grew with the number of
places, as did finding the largest (every place sorted by its latest population); each page
now reads them from one row, `SystemFigures` (or with the system itself:
`SystemQuerySet.portal()` joins it).

How the row stays right:

- **In the same transaction as the change.** Saving or deleting a place, a population
  estimate, a neighbourhood or a neighbourhood count recomputes, before the change commits,
  the figures of the system the record belongs to and of the one it belonged to before (a
  place moved to another system, a neighbourhood moved to another place). A change rolled
  back takes its recomputed figures with it; no page ever reads figures ahead of or behind
  the records.
- **One change at a time.** The row is locked (`select_for_update`) before it is recomputed,
  so a change committed meanwhile by another request is counted, not overwritten with figures
  summed before it. A refresh of two systems locks them in the order of their keys.
- **Bulk work** (the loader, growing the data for the benchmark) runs inside `deferred()`,
  which recomputes every system's figures once at the end instead of after every save.
- **After `migrate`** every system's figures are recomputed (`post_migrate`), so a system
  without a row gets one and a row made before a figure was added gains it; a system created
  gets its row at once. A system with no row (none yet) is summed on request, as before.

What is not seen: changes made with `QuerySet.update()`, `bulk_create()` or SQL, which send no
signals. None of the site's code changes these records that way; anything that does must
call `refresh_all()` after it, as `deferred()` does.
"""

import datetime
import threading
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from django.apps import apps as global_apps
from django.db import transaction
from django.db.models.signals import post_delete, post_migrate, post_save, pre_delete, pre_save

from core.models import CITATION_FIELDS
from places.models import (
    IntegratedCareSystem,
    Neighbourhood,
    NeighbourhoodCount,
    Place,
    PopulationEstimate,
    SystemFigures,
)

# The records the figures are summed from, each with the path from it to its system.
SOURCES = {
    Place: "system_id",
    PopulationEstimate: "place__system_id",
    Neighbourhood: "place__system_id",
    NeighbourhoodCount: "place__system_id",
}

_state = threading.local()


# The largest places kept, by key: as many as a page charts (`/in-pictures/`).
LARGEST_KEPT = 10


@dataclass
class Figures:
    """What a page shows: `population` as `PlaceQuerySet.population_total()` gives it (the
    citations as unsaved estimates, for the citation template), `neighbourhood_totals`, a
    dict of total by kind's label in the kinds' order, and `largest`, the keys of the places
    with the largest latest populations (at most `LARGEST_KEPT`), largest first."""

    population: dict
    neighbourhood_totals: dict[str, int]
    largest: list[int]


def figures_of(system: IntegratedCareSystem) -> Figures:
    """The system's figures from its row (no query where the system was read with it, as
    `portal()` reads it; one otherwise), or summed from its places where it has no row."""
    try:
        row = system.figures
    except SystemFigures.DoesNotExist:
        row = SystemFigures(system_id=system.pk, **computed(system.pk))
    population = dict(row.population)
    population["citations"] = [citation(fields) for fields in population.get("citations", [])]
    return Figures(population, dict(row.neighbourhood_totals), list(row.largest))


def citation(fields: dict) -> PopulationEstimate:
    """An unsaved estimate carrying a stored citation, its date a date again."""
    fields = dict(fields)
    if fields.get("source_date"):
        fields["source_date"] = datetime.date.fromisoformat(fields["source_date"])
    return PopulationEstimate(**fields)


def computed(system_id: int) -> dict:
    """The system's figures summed from its places, as the row stores them."""
    places = Place.objects.filter(system_id=system_id)
    population = places.population_total()
    population["citations"] = [
        {name: stored(getattr(estimate, name)) for name in ("series", *CITATION_FIELDS)}
        for estimate in population["citations"]
    ]
    return {
        "population": population,
        "neighbourhood_totals": [[label, n] for label, n in places.neighbourhood_totals().items()],
        "largest": list(places.largest().values_list("pk", flat=True)[:LARGEST_KEPT]),
    }


def stored(value):
    """A value as JSON keeps it: a date in ISO form, read back by `citation()`."""
    return value.isoformat() if isinstance(value, datetime.date) else value


def refresh(system_ids: Iterable[int | None]) -> None:
    """Recompute the figures of these systems, each row locked first, in key order."""
    with transaction.atomic():
        for system_id in sorted({pk for pk in system_ids if pk is not None}):
            row, created = SystemFigures.objects.select_for_update().get_or_create(
                system_id=system_id
            )
            figures = computed(system_id)
            # Written only when they changed: an unchanged row is no change to any page.
            if created or any(getattr(row, name) != value for name, value in figures.items()):
                SystemFigures.objects.filter(pk=system_id).update(**figures)


def refresh_all() -> None:
    """Recompute every system's figures: on leaving `deferred()`, or after changes that send no
    signals."""
    refresh(IntegratedCareSystem.objects.values_list("pk", flat=True))


@contextmanager
def deferred() -> Iterator[None]:
    """Changes made inside recompute nothing as they are saved; every system's figures are
    recomputed once on leaving (not when leaving on an error: the transaction is undone)."""
    _state.depth = getattr(_state, "depth", 0) + 1
    try:
        yield
    except BaseException:
        _state.depth -= 1
        raise
    _state.depth -= 1
    if not _state.depth:
        refresh_all()


def _deferring() -> bool:
    return bool(getattr(_state, "depth", 0))


def _system_in_database(sender, pk) -> int | None:
    return sender._base_manager.filter(pk=pk).values_list(SOURCES[sender], flat=True).first()


def _system_of(sender, instance) -> int | None:
    if sender is Place:
        return instance.system_id
    places = Place._base_manager.filter(pk=instance.place_id)
    return places.values_list("system_id", flat=True).first()


def before_save(sender, instance, **kwargs) -> None:
    """The system the record belongs to until now, read before the save changes it."""
    if _deferring() or instance._state.adding or instance.pk is None:
        instance._figures_before = None
        return
    instance._figures_before = _system_in_database(sender, instance.pk)


def after_save(sender, instance, **kwargs) -> None:
    if _deferring():
        return
    refresh({getattr(instance, "_figures_before", None), _system_of(sender, instance)})


def before_delete(sender, instance, **kwargs) -> None:
    # Read now: a place's estimates are deleted with it, after which their place is gone.
    instance._figures_before = None if _deferring() else _system_in_database(sender, instance.pk)


def after_delete(sender, instance, **kwargs) -> None:
    if not _deferring():
        refresh({getattr(instance, "_figures_before", None)})


def system_created(sender, instance, created=False, **kwargs) -> None:
    if created and not _deferring():
        refresh({instance.pk})


def after_migrate(sender, apps=global_apps, **kwargs) -> None:
    """Every system's figures recomputed once the places app is migrated: a system with none
    gets them, and a row made before a figure was added (or summed differently) is put right;
    a row already right is not written. Not when the database was migrated back to before the
    figures as this code keeps them (`apps`, the models as migrated), which it cannot write."""
    if sender.name != "places" or not figures_as_migrated(apps):
        return
    refresh_all()


def figures_as_migrated(apps) -> bool:
    """Whether the figures' table, as migrated, has the columns this code writes."""
    try:
        migrated = apps.get_model("places", "SystemFigures")
    except LookupError:  # migrated back to before the table
        return False
    columns = {field.column for field in SystemFigures._meta.concrete_fields}
    return columns <= {field.column for field in migrated._meta.concrete_fields}


def connect_signals() -> None:
    for model in SOURCES:
        uid = f"places.figures.{model.__name__}"
        pre_save.connect(before_save, sender=model, dispatch_uid=uid)
        post_save.connect(after_save, sender=model, dispatch_uid=uid)
        pre_delete.connect(before_delete, sender=model, dispatch_uid=uid)
        post_delete.connect(after_delete, sender=model, dispatch_uid=uid)
    post_save.connect(system_created, sender=IntegratedCareSystem, dispatch_uid="places.figures")
    post_migrate.connect(after_migrate, dispatch_uid="places.figures")
