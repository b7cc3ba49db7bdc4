"""Shared fixtures: the actors who use the site, and the seeded partnership."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction

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


@pytest.fixture(scope="session")
def _seeded_database(django_db_setup, django_db_blocker):
    """The partnership loaded once for the whole run, in a transaction left open beneath the
    tests that ask for `seeded` and rolled back at the end. Each such test runs in a savepoint
    inside it (pytest-django's `db`), so what one test writes is gone before the next, and the
    loader runs once instead of once a test (it was most of the suite's time)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_partnership", verbosity=0)
    yield
    with django_db_blocker.unblock():
        transaction.set_rollback(True)
        outer.__exit__(None, None, None)


@pytest.fixture
def seeded(_seeded_database, db):
    """The partnership data as `make run` loads it. (A session fixture is set up before any
    test's own, so the shared load lies beneath this test's savepoint.)"""


def pytest_collection_modifyitems(items):
    """Tests on the seeded partnership run last, together: once the shared load is open, every
    later test sees it, so no test that expects an empty database may follow. A test on a
    transactional database (the browser's live server) cannot sit inside the shared load."""
    seeded = []
    for item in items:
        names = getattr(item, "fixturenames", ())
        if "seeded" in names:
            if "transactional_db" in names or "live_server" in names:
                raise pytest.UsageError(
                    f"{item.nodeid}: a live-server test seeds its own data (live_seeded), not "
                    "`seeded`, which is shared inside a transaction."
                )
            seeded.append(item)
    chosen = set(map(id, seeded))
    items[:] = [item for item in items if id(item) not in chosen] + seeded
