"""Staff sign-in: any input length is a form error, never a server error, and one address
spraying a password across many accounts is stopped while an office behind it is not."""

import datetime

import pytest
from axes.models import AccessAttempt
from django.utils import timezone

from staff.models import AuditEvent, EventKind
from tests.factories import make_user
from tests.helpers import text
from tests.icsportal.test_security import attempt


@pytest.mark.django_db
@pytest.mark.parametrize("length", [151, 255, 256, 5000])
def test_an_overlong_username_is_a_form_error_and_reaches_nothing(client, length):
    response = attempt(client, "u" * length, "wrong", "203.0.113.5")
    assert response.status_code == 200
    assert "Your username must be 150 characters or fewer." in text(response.content.decode())
    # Never authenticated, so never throttled or stored (axes keeps 255 characters).
    assert not AccessAttempt.objects.exists()
    assert not AuditEvent.objects.exists()


@pytest.mark.django_db
def test_an_overlong_password_is_a_form_error(client):
    response = attempt(client, "alice", "p" * 1025, "203.0.113.5")
    assert response.status_code == 200
    assert "Your password must be 1,024 characters or fewer." in text(response.content.decode())


@pytest.mark.django_db
def test_a_username_of_the_longest_length_is_an_ordinary_failed_sign_in(client):
    response = attempt(client, "u" * 150, "wrong", "203.0.113.5")
    assert response.status_code == 200
    assert "Please enter the correct username and password" in text(response.content.decode())
    assert AccessAttempt.objects.get().username == "u" * 150
    assert AuditEvent.objects.get(kind=EventKind.SIGN_IN_FAILED).username == "u" * 150


@pytest.mark.django_db
def test_one_address_spraying_a_password_across_accounts_is_refused_for_the_hour(client, settings):
    settings.STAFF_SIGN_IN_FAILURES_PER_ADDRESS = 8
    settings.AXES_FAILURE_LIMIT = 3  # per account: never reached, one try each
    for n in range(8):
        make_user(username=f"user{n}")
    statuses = [
        attempt(client, f"user{n}", "Winter2026!", "203.0.113.5").status_code for n in range(8)
    ]
    assert statuses == [200] * 8  # each an ordinary failed sign-in
    # The ninth account, even with its right password, is refused from that address.
    make_user(username="victim")
    refused = attempt(client, "victim", "correct horse battery", "203.0.113.5")
    assert refused.status_code == 429
    assert "Too many failed sign-ins have come from your network" in refused.content.decode()
    assert AuditEvent.objects.filter(kind=EventKind.ADDRESS_LIMITED).count() == 1
    # A colleague elsewhere is not affected.
    assert attempt(client, "victim", "correct horse battery", "198.51.100.7").status_code == 302


@pytest.mark.django_db
def test_an_office_mistyping_now_and_then_stays_under_the_address_limit(client, settings):
    # Twenty colleagues behind one address, each mistyping once, then signing in.
    for n in range(20):
        make_user(username=f"colleague{n}")
        assert attempt(client, f"colleague{n}", "typo", "203.0.113.5").status_code == 200
        response = attempt(client, f"colleague{n}", "correct horse battery", "203.0.113.5")
        assert response.status_code == 302
        client.logout()
    assert settings.STAFF_SIGN_IN_FAILURES_PER_ADDRESS > 20


@pytest.mark.django_db
def test_failures_older_than_an_hour_no_longer_count(client, settings):
    settings.STAFF_SIGN_IN_FAILURES_PER_ADDRESS = 2
    make_user(username="alice")
    for _ in range(2):
        attempt(client, "nobody", "x", "203.0.113.5")
    assert attempt(client, "alice", "correct horse battery", "203.0.113.5").status_code == 429
    AuditEvent.objects.update(at=timezone.now() - datetime.timedelta(minutes=61))
    assert attempt(client, "alice", "correct horse battery", "203.0.113.5").status_code == 302
