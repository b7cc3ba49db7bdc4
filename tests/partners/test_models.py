"""The database itself refuses bad rows of organisations, their previous codes and
successions: each case bypasses forms and model validation."""

import datetime

import pytest

from partners.models import Organisation, PreviousIdentifier, Succession
from tests import factories as f
from tests.helpers import assert_database_refuses


def _bad_rows():
    """(description, callable that writes one bad row)."""
    return [
        (
            "previous code of an unknown scheme",
            lambda: PreviousIdentifier.objects.create(
                organisation=f.make_organisation(), scheme="uprn", value="1"
            ),
        ),
        (
            "empty previous name",
            lambda: PreviousIdentifier.objects.create(
                organisation=f.make_organisation(), scheme="name", value=""
            ),
        ),
        (
            "two organisations with one ODS code",
            lambda: [f.make_organisation(ods_code="RHQ"), f.make_organisation(ods_code="RHQ")],
        ),
        ("lower-case ODS code", lambda: f.make_organisation(ods_code="rhq")),
        ("organisation of an unknown kind", lambda: f.make_organisation(kind="alien")),
        (
            "organisation ending before it starts",
            lambda: f.make_organisation(
                active_from=datetime.date(2022, 7, 1), active_to=datetime.date(2022, 6, 30)
            ),
        ),
        (
            "organisation succeeding itself",
            lambda: Succession.objects.create(
                predecessor=(o := f.make_organisation()), successor=o
            ),
        ),
    ]


@pytest.mark.django_db
@pytest.mark.parametrize(("case", "write"), _bad_rows(), ids=[c for c, _ in _bad_rows()])
def test_database_refuses(case, write):
    assert_database_refuses(write)


@pytest.mark.django_db
def test_empty_ods_codes_do_not_clash():
    f.make_organisation(ods_code="")
    f.make_organisation(ods_code="")
    assert Organisation.objects.filter(ods_code="").count() == 2
