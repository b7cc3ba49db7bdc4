"""Who may keep documents: the Governance team (documents/migrations/0003), no one else."""

import pytest
from django.contrib.auth.models import Group

from tests.factories import COMMS_TEAM, GOVERNANCE_TEAM, PARTNER_EDITORS

pytestmark = pytest.mark.django_db


def document_permissions(group: str) -> set[str]:
    return set(
        Group.objects.get(name=group)
        .permissions.filter(content_type__app_label="documents")
        .values_list("codename", flat=True)
    )


def test_the_governance_team_adds_changes_deletes_and_views_documents():
    assert document_permissions(GOVERNANCE_TEAM) == {
        "add_document",
        "change_document",
        "delete_document",
        "view_document",
    }


@pytest.mark.parametrize("group", [COMMS_TEAM, PARTNER_EDITORS])
def test_other_staff_groups_have_no_document_permissions(group):
    assert document_permissions(group) == set()
