"""Loads systems, places and their system memberships, population estimates, neighbourhoods
and milestones from places/data/places.toml."""

from pathlib import Path

from django.utils.text import slugify

from core.models import CITATION_FIELDS
from core.seeding import LoadReport, read_toml, upsert
from places.models import (
    IntegratedCareSystem,
    Milestone,
    Neighbourhood,
    NeighbourhoodCount,
    Place,
    PopulationEstimate,
    SystemMembership,
)

DATA_FILE = Path(__file__).parent / "data" / "places.toml"


def load_places(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    data = read_toml(path)
    systems = {}
    for row in data.get("systems", []):
        slug = row.pop("slug")
        systems[slug] = upsert(IntegratedCareSystem, key={"slug": slug}, values=row, report=report)

    places = {}
    for row in data.get("places", []):
        slug = row.pop("slug")
        row["system"] = _system(systems, row.pop("system"))
        places[slug] = upsert(Place, key={"slug": slug}, values=row, report=report)

    for row in data.get("memberships", []):
        place = _place(places, row.pop("place"))
        system = _system(systems, row.pop("system"))
        upsert(SystemMembership, key={"place": place, "system": system}, values=row, report=report)

    for group in data.get("populations", []):
        citation = _citation(group)
        for figure in group["figures"]:
            upsert(
                PopulationEstimate,
                key={
                    "place": _place(places, figure["place"]),
                    "year": figure["year"],
                    "series": group["series"],
                },
                values={"population": figure["population"], **citation},
                report=report,
            )

    for group in data.get("neighbourhoods", []):
        place = _place(places, group["place"])
        for name in group["names"]:
            upsert(
                Neighbourhood,
                key={"place": place, "slug": slugify(name)},
                values={"name": name, "kind": group["kind"], **_citation(group)},
                report=report,
            )

    for row in data.get("neighbourhood_counts", []):
        place = _place(places, row.pop("place"))
        upsert(
            NeighbourhoodCount,
            key={"place": place, "kind": row.pop("kind")},
            values=row,
            report=report,
        )

    for row in data.get("milestones", []):
        system = _system(systems, row.pop("system"))
        slug = row.pop("slug")
        upsert(Milestone, key={"system": system, "slug": slug}, values=row, report=report)


def _citation(group: dict) -> dict:
    return {key: group[key] for key in CITATION_FIELDS if key in group}


def _system(loaded: dict, slug: str) -> IntegratedCareSystem:
    return loaded.get(slug) or IntegratedCareSystem.objects.get(slug=slug)


def _place(loaded: dict, slug: str) -> Place:
    return loaded.get(slug) or Place.objects.get(slug=slug)
