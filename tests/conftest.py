"""Shared fixtures: the actors who use the site, and the seeded partnership."""

import pytest
from django.contrib.auth.models import User
from django.core.cache import cache
from django.core.management import call_command
from django.db import transaction
from django.test import Client

from core.seeding import LoadReport
from pages.seed import load_pages
from tests.factories import (
    COMMS_APPROVERS,
    COMMS_TEAM,
    CONTACT_TEAM,
    GOVERNANCE_TEAM,
    PARTNER_EDITORS,
    make_user,
)

# The roles `client_as` signs in as: what make_user needs to make someone in each.
ROLES = {
    "partner editor": {"groups": (PARTNER_EDITORS,)},
    "comms team": {"groups": (COMMS_TEAM,)},
    # An approver who also writes, as most are: in both groups.
    "comms approver": {"groups": (COMMS_TEAM, COMMS_APPROVERS)},
    "governance team": {"groups": (GOVERNANCE_TEAM,)},
    "contact team": {"groups": (CONTACT_TEAM,)},
    "superuser": {"is_superuser": True},
}


@pytest.fixture(autouse=True)
def empty_cache():
    """Each test starts with an empty cache: a page cached by one test (the sitemap is) must
    not answer for another's data."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Whatever a test uploads or makes (library images, documents) goes to its own scratch
    folder, never the project's media/."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def standing_pages(db):
    """The site's standing pages (about, accessibility, cookies, …) with their seeded text, as
    `make run` loads them: their views answer 404 without them."""
    load_pages(report=LoadReport())


@pytest.fixture
def client_as(client, db):
    """`client_as(role)` is the test client signed in as a new user in that role ("partner
    editor", "comms team" or "superuser"), `client_as(user)` signed in as that user, and
    `client_as(None)` signed out: an anonymous visitor."""

    def sign_in(who: str | User | None):
        if who is None:
            client.logout()
        else:
            user = who if isinstance(who, User) else make_user(**ROLES[who])
            client.force_login(user)
            pass_second_factor(client, user)
        return client

    return sign_in


@pytest.fixture
def client_for(db):
    """`client_for(user)`: a client of their own, signed in as `user` (second factor passed),
    for tests where two people act in turn."""

    def sign_in(user: User) -> Client:
        own = Client()
        own.force_login(user)
        pass_second_factor(own, user)
        return own

    return sign_in


def pass_second_factor(client, user: User) -> None:
    """What entering a code from an authenticator app does to the session (django_otp.login)."""
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    device = TOTPDevice.objects.filter(user=user, confirmed=True).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


@pytest.fixture
def partner_editor(db):
    """A member of the Partner editors group, for a test that needs the user itself."""
    return make_user(**ROLES["partner editor"])


# The shared load, while it is open: its transaction and the blocker that lets it reach the
# database.
_shared_seed: dict = {}


@pytest.fixture(scope="session")
def _seeded_database(django_db_setup, django_db_blocker):
    """The partnership loaded once for the whole run, in a transaction left open beneath the
    tests that ask for `seeded` and rolled back after them. Each such test runs in a savepoint
    inside it (pytest-django's `db`), so what one test writes is gone before the next, and the
    loader runs once instead of once a test (it was most of the suite's time)."""
    with django_db_blocker.unblock():
        outer = transaction.atomic()
        outer.__enter__()
        call_command("load_partnership", verbosity=0)
    _shared_seed.update(outer=outer, blocker=django_db_blocker)
    yield
    _close_shared_seed()


def _close_shared_seed() -> None:
    if outer := _shared_seed.pop("outer", None):
        with _shared_seed.pop("blocker").unblock():
            transaction.set_rollback(True)
            outer.__exit__(None, None, None)


@pytest.fixture
def seeded(_seeded_database, db):
    """The partnership data as `make run` loads it. (A session fixture is set up before any
    test's own, so the shared load lies beneath this test's savepoint.) Should the shared load
    have been closed already, this test loads its own."""
    if "outer" not in _shared_seed:
        call_command("load_partnership", verbosity=0)


def _is_transactional(item) -> bool:
    """As pytest-django decides: a test whose database is emptied after it, not rolled back."""
    names = getattr(item, "fixturenames", ())
    marker = item.get_closest_marker("django_db")
    asked = marker is not None and (
        marker.kwargs.get("transaction") or marker.kwargs.get("reset_sequences")
    )
    return bool(asked or "transactional_db" in names or "live_server" in names)


@pytest.hookimpl(tryfirst=True)
def pytest_collection_modifyitems(items):
    """Tests on the seeded partnership run after the other database tests, together: once the
    shared load is open, every later test sees it, so no test that expects an empty database
    may follow it. (pytest-django's own ordering runs next and keeps this order within its
    groups: rolled-back tests, then transactional ones, then those without a database.)"""
    seeded = [item for item in items if "seeded" in getattr(item, "fixturenames", ())]
    for item in seeded:
        if _is_transactional(item):
            raise pytest.UsageError(
                f"{item.nodeid}: a live-server test seeds its own data (live_seeded), not "
                "`seeded`, which is shared inside a transaction."
            )
    chosen = set(map(id, seeded))
    items[:] = [item for item in items if id(item) not in chosen] + seeded


def pytest_runtest_setup(item):
    """A transactional test (the browser's) needs the shared load's transaction closed: its
    live server reads through another connection, and its database is emptied after it."""
    if _is_transactional(item):
        _close_shared_seed()
