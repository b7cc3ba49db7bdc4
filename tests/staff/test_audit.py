"""The audit log: sign-ins, failures, lockouts, sign-outs, password, account and permission
changes, each with who, when and from where; seen by superusers alone; kept for a set time."""

import datetime

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from staff.models import AuditEvent, EventKind
from tests.factories import COMMS_TEAM, make_user
from tests.icsportal.test_security import attempt


def events(**filters) -> list[tuple[str, str]]:
    return [
        (event.kind, event.username)
        for event in AuditEvent.objects.filter(**filters).order_by("at", "pk")
    ]


@pytest.mark.django_db
def test_sign_in_failure_lockout_and_sign_out_are_recorded_with_the_address(client, settings):
    alice = make_user(username="alice")
    assert events() == [(EventKind.ACCOUNT_CHANGED, "alice")]  # created
    AuditEvent.objects.all().delete()
    attempt(client, "alice", "wrong", "203.0.113.5")
    attempt(client, "alice", "correct horse battery", "203.0.113.5")
    client.post(reverse("admin:logout"), REMOTE_ADDR="203.0.113.5")
    for _ in range(settings.AXES_FAILURE_LIMIT + 1):
        attempt(client, "alice", "wrong", "198.51.100.7")
    kinds = [kind for kind, _ in events(username="alice")]
    assert kinds[:3] == [EventKind.SIGN_IN_FAILED, EventKind.SIGNED_IN, EventKind.SIGNED_OUT]
    assert EventKind.LOCKED_OUT in kinds
    first = AuditEvent.objects.filter(username="alice").order_by("at", "pk").first()
    assert (first.user, first.address) == (alice, "203.0.113.5")
    # A name that is no account is kept as typed, with no account linked.
    attempt(client, "mallory", "guess", "192.0.2.1")
    (failed,) = AuditEvent.objects.filter(username="mallory")
    assert (failed.kind, failed.user, failed.address) == (
        EventKind.SIGN_IN_FAILED,
        None,
        "192.0.2.1",
    )


@pytest.mark.django_db
def test_password_account_and_permission_changes_are_recorded_with_who_made_them(client_as):
    admin_client = client_as("superuser")
    bob = make_user(username="bob")
    AuditEvent.objects.all().delete()
    bob.set_password("a new long passphrase")
    bob.save()
    bob.is_active = False
    bob.save()
    bob.groups.add(Group.objects.get(name=COMMS_TEAM))
    Group.objects.get(name=COMMS_TEAM).permissions.remove(
        Permission.objects.get(codename="publish_newsitem")
    )
    assert events() == [
        (EventKind.PASSWORD_CHANGED, "bob"),
        (EventKind.ACCOUNT_CHANGED, "bob"),
        (EventKind.PERMISSIONS_CHANGED, "bob"),
        (EventKind.PERMISSIONS_CHANGED, f"group {COMMS_TEAM}"),
    ]
    details = list(AuditEvent.objects.order_by("at", "pk").values_list("detail", flat=True))
    assert details[1] == "is_active: True to False"
    assert details[2] == f"groups added: {COMMS_TEAM}"
    assert "permissions removed" in details[3]
    # Made through the admin by a superuser: the superuser is the actor.
    AuditEvent.objects.all().delete()
    response = admin_client.post(
        reverse("admin:auth_user_change", args=[bob.pk]),
        {
            "username": "bob", "first_name": "", "last_name": "", "email": bob.email,
            "is_active": "on", "is_staff": "on", "groups": [], "user_permissions": [],
            "last_login_0": "", "last_login_1": "",
            "date_joined_0": "2026-01-01", "date_joined_1": "09:00:00",
        },
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:3000]
    changed = AuditEvent.objects.get(kind=EventKind.ACCOUNT_CHANGED)
    assert changed.detail == "is_active: False to True"
    assert changed.actor.is_superuser


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("role", "status"),
    [("superuser", 200), ("partner editor", 403), ("comms team", 403), ("contact team", 403)],
)
def test_only_superusers_read_the_audit_log_and_no_one_edits_it(client_as, role, status):
    client = client_as(role)
    event = AuditEvent.objects.create(kind=EventKind.SIGNED_IN, username="x")
    assert client.get(reverse("admin:staff_auditevent_changelist")).status_code == status
    assert client.get(reverse("admin:staff_auditevent_change", args=[event.pk])).status_code == (
        status
    )
    assert client.get(reverse("admin:staff_auditevent_delete", args=[event.pk])).status_code == 403


@pytest.mark.django_db
def test_events_past_the_retention_period_are_deleted(settings):
    settings.AUDIT_RETENTION_DAYS = 30
    now = timezone.now()
    old = AuditEvent.objects.create(kind=EventKind.SIGNED_IN, at=now - datetime.timedelta(days=31))
    kept = AuditEvent.objects.create(kind=EventKind.SIGNED_IN, at=now - datetime.timedelta(days=29))
    call_command("delete_old_audit_events", "--dry-run", verbosity=0)
    assert AuditEvent.objects.filter(pk=old.pk).exists()
    call_command("delete_old_audit_events", verbosity=0)
    assert list(AuditEvent.objects.values_list("pk", flat=True)) == [kept.pk]


@pytest.mark.django_db
def test_a_password_hash_upgraded_at_sign_in_is_not_a_password_change(client, settings):
    # Stored with an older hasher, then upgraded by Django when its owner signs in.
    carol = make_user(username="carol")  # hashed with MD5, the test settings' hasher
    settings.PASSWORD_HASHERS = [
        "django.contrib.auth.hashers.PBKDF2PasswordHasher",
        "django.contrib.auth.hashers.MD5PasswordHasher",
    ]
    AuditEvent.objects.all().delete()
    assert attempt(client, "carol", "correct horse battery", "203.0.113.5").status_code == 302
    carol.refresh_from_db()
    assert carol.password.startswith("pbkdf2_sha256$")  # upgraded
    assert not AuditEvent.objects.filter(kind=EventKind.PASSWORD_CHANGED).exists()
