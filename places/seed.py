"""Loads systems, places, neighbourhoods and milestones from places/data/places.toml.

Through `core.seeding`: what is missing is created, and a field is updated only while staff
have not changed it since the loader wrote it. Rows under a system or place that staff
deleted are skipped.
"""

from pathlib import Path

from django.utils.text import slugify

from core.seeding import LoadReport, find, read_toml, upsert
from places.models import IntegratedCareSystem, Milestone, Neighbourhood, Place

DATA_FILE = Path(__file__).parent / "data" / "places.toml"


def load_places(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    data = read_toml(path)
    for row in data.get("systems", []):
        slug = row.pop("slug")
        upsert(IntegratedCareSystem, key={"slug": slug}, values=row, report=report)
    systems = {s.slug: s for s in IntegratedCareSystem.objects.all()}

    for row in data.get("places", []):
        slug = row.pop("slug")
        row["system"] = _system(systems, row.pop("system"))
        if row["system"] is not None:
            upsert(Place, key={"slug": slug}, values=row, report=report)

    for group in data.get("neighbourhoods", []):
        place = find(Place, group["place"])
        if place is None:
            continue
        for name in group["names"]:
            upsert(
                Neighbourhood,
                key={"place": place, "slug": slugify(name)},
                values={
                    "name": name,
                    "source": group.get("source", ""),
                    "verified": group.get("verified", True),
                },
                report=report,
            )

    for row in data.get("milestones", []):
        system = _system(systems, row.pop("system"))
        slug = row.pop("slug")
        if system is not None:
            upsert(Milestone, key={"system": system, "slug": slug}, values=row, report=report)


def _system(loaded: dict, slug: str) -> IntegratedCareSystem | None:
    return loaded.get(slug) or find(IntegratedCareSystem, slug)
