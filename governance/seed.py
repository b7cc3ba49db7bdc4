"""Loads bodies, their members and their meetings from governance/data/governance.toml.

Through `core.seeding`: what is missing is created, and a field is updated only while staff
have not changed it since the loader wrote it. Members and meetings of a body staff deleted,
and rows naming a record staff deleted, are skipped. Members and meetings share their body's
source unless a row gives its own.
"""

from pathlib import Path

from alliances.models import Alliance
from core.seeding import LoadReport, find, read_toml, upsert
from governance.models import Body, BodyMember, Meeting
from partners.models import Organisation
from places.models import IntegratedCareSystem

DATA_FILE = Path(__file__).parent / "data" / "governance.toml"


def load_governance(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    for row in read_toml(path).get("bodies", []):
        slug = row.pop("slug")
        members = row.pop("members", [])
        meetings = row.pop("meetings", [])
        row["system"] = find(IntegratedCareSystem, row["system"])
        if "alliance" in row:
            row["alliance"] = find(Alliance, row["alliance"])
        if any(row[name] is None for name in ("system", "alliance") if name in row):
            continue  # it names a system or alliance staff deleted
        body = upsert(Body, key={"slug": slug}, values=row, report=report)
        if body is None:
            continue

        for member in members:
            member = dict(member)
            if "organisation" in member:
                member["organisation"] = find(Organisation, member["organisation"])
                if member["organisation"] is None:
                    continue
            upsert(
                BodyMember,
                key={
                    "body": body,
                    "person_name": member.pop("person_name"),
                    "role": member.pop("role", "member"),
                },
                values={**body.citation(), **member},
                report=report,
            )

        for meeting in meetings:
            meeting = dict(meeting)
            upsert(
                Meeting,
                key={"slug": meeting.pop("slug")},
                values={"body": body, **body.citation(), **meeting},
                report=report,
            )
