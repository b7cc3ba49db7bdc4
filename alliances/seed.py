"""Loads collaboratives and alliances, their stages and members, from alliances/data/."""

from pathlib import Path

from alliances.models import Alliance, GovernanceStage, Membership
from core.seeding import LoadReport, read_toml, upsert
from partners.models import Organisation
from places.models import IntegratedCareSystem, Place

DATA_FILE = Path(__file__).parent / "data" / "alliances.toml"


def load_alliances(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    for row in read_toml(path).get("alliances", []):
        slug = row.pop("slug")
        members = row.pop("members", [])
        stages = row.pop("stages", [])
        row["system"] = IntegratedCareSystem.objects.get(slug=row["system"])
        if "place" in row:
            row["place"] = Place.objects.get(slug=row["place"])
        alliance = upsert(Alliance, key={"slug": slug}, values=row, report=report)

        for stage in stages:
            stage = dict(stage)
            upsert(
                GovernanceStage,
                key={"alliance": alliance, "stage": stage.pop("stage")},
                values={**alliance.citation(), **stage},
                report=report,
            )

        for member in members:
            member = dict(member)
            if "organisation" in member:
                organisation = Organisation.objects.get(slug=member.pop("organisation"))
                key = {"alliance": alliance, "organisation": organisation}
            else:
                key = {"alliance": alliance, "represented_group": member.pop("group")}
            upsert(
                Membership,
                key=key,
                values={**alliance.citation(), **member},
                report=report,
            )
