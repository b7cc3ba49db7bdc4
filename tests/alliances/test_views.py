"""The alliances and governance pages: members, roles and governance stages."""

import pytest

from tests.helpers import page, text


@pytest.mark.django_db
def test_york_alliance_members_roles_and_governance(client, seeded):
    body = text(page(client, "/alliances/york-health-and-care-alliance/"))
    for member in [
        "Vale of York Clinical Commissioning Group",
        "City of York Council",
        "York and Scarborough Teaching Hospitals NHS Foundation Trust",
        "Tees, Esk and Wear Valleys NHS Foundation Trust",
        "Nimbuscare",
        "York CVS",
        "St Leonard's Hospice",
        "York Schools and Academies Board",
        "Representatives of primary care networks",
    ]:
        assert member in body
    assert "Chair: The Leader of the Council chaired the Alliance board." in body
    assert "Current stage: Formalised" in body
    assert "Proposed" in body
    assert "Shadow form" in body
    assert "from 18 March 2021" in body
    assert "from April 2021 to March 2022" in body
