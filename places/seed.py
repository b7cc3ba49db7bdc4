"""Loads systems, places and their system memberships, population estimates, neighbourhoods
and milestones from places/data/places.toml.

Through `core.seeding`: what is missing is created, and a field is updated only while staff
have not changed it since the loader wrote it. Rows under a system or place that staff
deleted are skipped.
"""

from pathlib import Path

from django.utils.text import slugify

from core.models import CITATION_FIELDS
from core.seeding import LoadReport, find, read_toml, upsert
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
    for row in data.get("systems", []):
        slug = row.pop("slug")
        upsert(IntegratedCareSystem, key={"slug": slug}, values=row, report=report)

    for row in data.get("places", []):
        slug = row.pop("slug")
        row["system"] = find(IntegratedCareSystem, row.pop("system"))
        if row["system"] is not None:
            upsert(Place, key={"slug": slug}, values=row, report=report)

    for row in data.get("memberships", []):
        place = find(Place, row.pop("place"))
        system = find(IntegratedCareSystem, row.pop("system"))
        if place and system:
            upsert(
                SystemMembership,
                key={"place": place, "system": system},
                values=row,
                report=report,
            )

    for group in data.get("populations", []):
        citation = _citation(group)
        for figure in group["figures"]:
            place = find(Place, figure["place"])
            if place is None:
                continue
            upsert(
                PopulationEstimate,
                key={"place": place, "year": figure["year"], "series": group["series"]},
                values={"population": figure["population"], **citation},
                report=report,
            )

    for group in data.get("neighbourhoods", []):
        place = find(Place, group["place"])
        if place is None:
            continue
        for name in group["names"]:
            upsert(
                Neighbourhood,
                key={"place": place, "slug": slugify(name)},
                values={"name": name, "kind": group["kind"], **_citation(group)},
                report=report,
            )

    for row in data.get("neighbourhood_counts", []):
        place = find(Place, row.pop("place"))
        if place is not None:
            upsert(
                NeighbourhoodCount,
                key={"place": place, "kind": row.pop("kind")},
                values=row,
                report=report,
            )

    for row in data.get("milestones", []):
        system = find(IntegratedCareSystem, row.pop("system"))
        slug = row.pop("slug")
        if system is not None:
            upsert(Milestone, key={"system": system, "slug": slug}, values=row, report=report)


def _citation(group: dict) -> dict:
    return {key: group[key] for key in CITATION_FIELDS if key in group}
