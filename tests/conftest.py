"""Shared fixtures: the actors who use the site, and the seeded partnership."""

import pytest
from django.core.management import call_command

from tests.factories import make_user

PARTNER_EDITORS = "Partner editors"
COMMS_TEAM = "Comms team"


@pytest.fixture
def superuser(db):
    return make_user(is_superuser=True)


@pytest.fixture
def partner_editor(db):
    return make_user(groups=(PARTNER_EDITORS,))


@pytest.fixture
def comms_user(db):
    return make_user(groups=(COMMS_TEAM,))


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def superuser_client(client, superuser):
    return _client_for(client, superuser)


@pytest.fixture
def staff_client(client, partner_editor):
    """A member of the Partner editors group."""
    return _client_for(client, partner_editor)


@pytest.fixture
def comms_client(client, comms_user):
    """A member of the Comms team group."""
    return _client_for(client, comms_user)


@pytest.fixture
def seeded(db):
    """The partnership data as `make run` loads it."""
    call_command("load_partnership", verbosity=0)
