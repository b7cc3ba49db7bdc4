"""Loads collaboratives and alliances, their stages and members, from alliances/data/.

Through `core.seeding`: what is missing is created, and a field is updated only while staff
have not changed it since the loader wrote it. Stages and members of an alliance staff
deleted, and rows naming a record staff deleted, are skipped.
"""

from pathlib import Path

from alliances.models import Alliance, GovernanceStage, Membership
from core.seeding import LoadReport, find, read_toml, upsert
from partners.models import Organisation
from places.models import IntegratedCareSystem, Place

DATA_FILE = Path(__file__).parent / "data" / "alliances.toml"


def load_alliances(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    for row in read_toml(path).get("alliances", []):
        slug = row.pop("slug")
        members = row.pop("members", [])
        stages = row.pop("stages", [])
        row["system"] = find(IntegratedCareSystem, row["system"])
        if "place" in row:
            row["place"] = find(Place, row["place"])
        if any(row[name] is None for name in ("system", "place") if name in row):
            continue  # it names a system or place staff deleted
        alliance = upsert(Alliance, key={"slug": slug}, values=row, report=report)
        if alliance is None:
            continue

        for stage in stages:
            stage = dict(stage)
            upsert(
                GovernanceStage,
                key={"alliance": alliance, "stage": stage.pop("stage")},
                values={**_citation(alliance, stage), **stage},
                report=report,
            )

        for member in members:
            member = dict(member)
            if "organisation" in member:
                organisation = find(Organisation, member.pop("organisation"))
                if organisation is None:
                    continue
                key = {"alliance": alliance, "organisation": organisation}
            else:
                key = {"alliance": alliance, "represented_group": member.pop("group")}
            upsert(
                Membership,
                key=key,
                values={**_citation(alliance, member), **member},
                report=report,
            )


def _citation(alliance: Alliance, row: dict) -> dict:
    """A stage or member cites its own source where the data file gives one, else the
    alliance's (its name, link, date and confidence together, never mixed)."""
    return {} if "source" in row else alliance.citation()
