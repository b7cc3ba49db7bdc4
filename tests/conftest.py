"""Shared fixtures: the actors who use the site, and the seeded partnership."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command

from tests.factories import COMMS_TEAM, GOVERNANCE_TEAM, PARTNER_EDITORS, make_user

# The roles `client_as` signs in as: what make_user needs to make someone in each.
ROLES = {
    "partner editor": {"groups": (PARTNER_EDITORS,)},
    "comms team": {"groups": (COMMS_TEAM,)},
    "governance team": {"groups": (GOVERNANCE_TEAM,)},
    "superuser": {"is_superuser": True},
}


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a page cached by one test (the sitemap is) must
    not answer for another's data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def client_as(client, db):
    """`client_as(role)` is the test client signed in as a new user in that role ("partner
    editor", "comms team" or "superuser"), `client_as(user)` signed in as that user, and
    `client_as(None)` signed out: an anonymous visitor."""

    def sign_in(who: str | User | None):
        if who is None:
            client.logout()
        else:
            client.force_login(who if isinstance(who, User) else make_user(**ROLES[who]))
        return client

    return sign_in


@pytest.fixture
def partner_editor(db):
    """A member of the Partner editors group, for a test that needs the user itself."""
    return make_user(**ROLES["partner editor"])


@pytest.fixture
def seeded(db):
    """The partnership data as `make run` loads it."""
    call_command("load_partnership", verbosity=0)
