"""The database itself refuses bad rows of alliances, memberships and governance stages: each
case bypasses forms and model validation."""

import datetime

import pytest

from alliances.models import GovernanceStage, Membership, Stage
from tests import factories as f
from tests.helpers import assert_database_refuses


def _bad_rows():
    """(description, callable that writes one bad row)."""
    return [
        ("place alliance without a place", lambda: f.make_alliance(kind="place_alliance")),
        (
            "membership naming no member",
            lambda: Membership.objects.create(alliance=f.make_alliance()),
        ),
        (
            "membership naming both an organisation and a group",
            lambda: f.make_membership(organisation=f.make_organisation(), represented_group="PCNs"),
        ),
        (
            "one organisation twice in an alliance",
            lambda: [
                f.make_membership(
                    alliance=(a := f.make_alliance()), organisation=(o := f.make_organisation())
                ),
                f.make_membership(alliance=a, organisation=o),
            ],
        ),
        ("membership with an unknown role", lambda: f.make_membership(role="tyrant")),
        (
            "governance stage twice for one alliance",
            lambda: [
                GovernanceStage.objects.create(
                    alliance=(a := f.make_alliance()), stage=Stage.SHADOW
                ),
                GovernanceStage.objects.create(alliance=a, stage=Stage.SHADOW),
            ],
        ),
        (
            "governance stage ending before it starts",
            lambda: GovernanceStage.objects.create(
                alliance=f.make_alliance(),
                stage=Stage.SHADOW,
                started_on=datetime.date(2022, 1, 1),
                ended_on=datetime.date(2021, 1, 1),
            ),
        ),
        (
            "governance stage of an unknown kind",
            lambda: GovernanceStage.objects.create(alliance=f.make_alliance(), stage="abolished"),
        ),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "write"), _bad_rows(), ids=[c for c, _ in _bad_rows()])
def test_database_refuses(case, write):
    assert_database_refuses(write)


@pytest.mark.django_db
def test_a_group_member_and_organisation_members_can_share_an_alliance():
    alliance = f.make_alliance()
    f.make_membership(alliance=alliance, represented_group="Representatives of PCNs")
    f.make_membership(alliance=alliance)
    assert Membership.objects.filter(alliance=alliance).count() == 2
