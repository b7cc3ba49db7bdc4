"""Loads systems, places, neighbourhoods and milestones from places/data/places.toml."""

from pathlib import Path

from django.utils.text import slugify

from core.seeding import LoadReport, read_toml, upsert
from places.models import IntegratedCareSystem, Milestone, Neighbourhood, Place

DATA_FILE = Path(__file__).parent / "data" / "places.toml"


def load_places(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    data = read_toml(path)
    systems = {}
    for row in data.get("systems", []):
        slug = row.pop("slug")
        systems[slug] = upsert(IntegratedCareSystem, key={"slug": slug}, values=row, report=report)

    for row in data.get("places", []):
        slug = row.pop("slug")
        row["system"] = _system(systems, row.pop("system"))
        upsert(Place, key={"slug": slug}, values=row, report=report)

    for group in data.get("neighbourhoods", []):
        place = Place.objects.get(slug=group["place"])
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
        upsert(Milestone, key={"system": system, "slug": slug}, values=row, report=report)


def _system(loaded: dict, slug: str) -> IntegratedCareSystem:
    return loaded.get(slug) or IntegratedCareSystem.objects.get(slug=slug)
