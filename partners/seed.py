"""Loads partner organisations from partners/data/organisations.toml."""

from pathlib import Path

from core.seeding import LoadReport, add_links, read_toml, upsert
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
        add_links(organisation.places, [places[s] for s in place_slugs])
        links.extend((organisation, s) for s in predecessor_slugs)

    # Predecessors after every organisation exists, whatever the order in the file.
    for successor, predecessor_slug in links:
        predecessor = Organisation.objects.get(slug=predecessor_slug)
        upsert(
            Succession,
            key={"successor": successor, "predecessor": predecessor},
            values={},
            report=report,
        )
