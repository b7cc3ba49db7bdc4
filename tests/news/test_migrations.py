"""The staff groups the migrations make (news/migrations/0001_staff_groups.py and
0003_comms_team_permissions.py): each with its permissions, and nothing else."""

import pytest
from django.contrib.auth.models import Group, User

from places.models import Neighbourhood, Place
from tests.factories import COMMS_TEAM, PARTNER_EDITORS


@pytest.mark.django_db
def test_groups_exist_with_the_right_permissions():
    editors = Group.objects.get(name=PARTNER_EDITORS)
    codenames = set(editors.permissions.values_list("codename", flat=True))
    assert {"change_organisation", "add_membership", "change_place", "view_milestone"} <= codenames
    assert "delete_place" not in codenames
    assert Group.objects.filter(name=COMMS_TEAM).exists()
    assert not User.objects.filter(groups__name=COMMS_TEAM).exists()
    assert Place.objects.count() == Neighbourhood.objects.count() == 0
