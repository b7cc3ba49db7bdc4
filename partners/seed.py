"""Loads partner organisations from partners/data/organisations.toml.

Through `core.seeding`: what is missing is created, a field is updated only while staff have
not changed it since the loader wrote it, and place links and successions the loader added
once are not added again after staff removed them.
"""

from pathlib import Path

from core.seeding import LoadReport, add_links, find, read_toml, upsert
from partners.models import Organisation, PreviousIdentifier, Succession
from places.models import Place

DATA_FILE = Path(__file__).parent / "data" / "organisations.toml"


def load_organisations(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    rows = read_toml(path).get("organisations", [])
    places = {p.slug: p for p in Place.objects.all()}
    links = []
    for row in rows:
        slug = row.pop("slug")
        place_slugs = row.pop("places", [])
        predecessor_slugs = row.pop("predecessors", [])
        previous = row.pop("previous", [])
        organisation = upsert(Organisation, key={"slug": slug}, values=row, report=report)
        if organisation is None:
            continue
        for identifier in previous:
            identifier = dict(identifier)
            upsert(
                PreviousIdentifier,
                key={
                    "organisation": organisation,
                    "scheme": identifier.pop("scheme"),
                    "value": identifier.pop("value"),
                },
                values=identifier,
                report=report,
            )
        targets = [p for s in place_slugs if (p := places.get(s) or find(Place, s))]
        add_links(organisation, "places", targets, report=report)
        links.extend((organisation, s) for s in predecessor_slugs)

    # Predecessors after every organisation exists, whatever the order in the file.
    for successor, predecessor_slug in links:
        predecessor = find(Organisation, predecessor_slug)
        if predecessor is None:
            continue
        upsert(
            Succession,
            key={"successor": successor, "predecessor": predecessor},
            values={},
            report=report,
        )
