"""Two-factor sign-in for every staff account: no admin page before the second step; setting
up an authenticator app on first sign-in, with recovery codes; a superuser resets a
colleague's; and sessions that end when they should."""

import base64
import datetime
import re

import pytest
from django.contrib.sessions.models import Session
from django.urls import reverse
from django.utils import timezone
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from django_otp_webauthn.models import WebAuthnCredential

from staff.models import AuditEvent, EventKind
from tests.factories import COMMS_TEAM, make_user
from tests.helpers import totp_code
from tests.icsportal.test_security import attempt

PASSWORD = "correct horse battery"


def code_for(device: TOTPDevice) -> str:
    return totp_code(device)


def sign_in(client, user, address="203.0.113.5"):
    response = attempt(client, user.username, PASSWORD, address)
    assert response.status_code == 302
    return response


@pytest.mark.django_db
def test_a_password_alone_opens_no_admin_page(client):
    user = make_user(groups=(COMMS_TEAM,))
    TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, user)
    for url in ["/admin/", "/admin/news/newsitem/", "/admin/news/newsitem/add/"]:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith("/admin/second-factor/")


@pytest.fixture
def no_wait_after_a_wrong_code(settings):
    """django-otp makes each wrong code double the wait before the next try (1 s, 2 s, …);
    these tests try the right code straight after a wrong one."""
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    settings.OTP_STATIC_THROTTLE_FACTOR = 0


@pytest.mark.django_db
def test_a_wrong_code_makes_the_next_try_wait(client):
    user = make_user(groups=(COMMS_TEAM,))
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, user)
    assert client.post("/admin/second-factor/", {"code": "000000"}).status_code == 400
    # At once, even the right code is refused: guessing six digits is slowed down.
    assert client.post("/admin/second-factor/", {"code": code_for(device)}).status_code == 400


@pytest.mark.django_db
@pytest.mark.usefixtures("no_wait_after_a_wrong_code")
def test_first_sign_in_sets_up_an_app_then_gives_recovery_codes(client):
    user = make_user(groups=(COMMS_TEAM,))
    sign_in(client, user)
    page = client.get("/admin/news/newsitem/", follow=True)
    assert page.redirect_chain[-1][0].startswith("/admin/second-factor/setup/")
    html = page.content.decode()
    assert "<svg" in html
    assert "Set up your second factor" in html
    device = TOTPDevice.objects.get(user=user, confirmed=False)
    # The key as text, in groups of four, for those who cannot scan the code.
    key = base64.b32encode(device.bin_key).decode()
    assert " ".join(key[i : i + 4] for i in range(0, 32, 4)) in html
    # A wrong code is a field error, and nothing is confirmed.
    wrong = client.post(
        "/admin/second-factor/setup/", {"code": "000000", "next": "/admin/news/newsitem/"}
    )
    assert wrong.status_code == 400
    assert "That code is not right" in wrong.content.decode()
    done = client.post(
        "/admin/second-factor/setup/", {"code": code_for(device), "next": "/admin/news/newsitem/"}
    )
    assert done.status_code == 200
    codes = re.findall(r"<li><code>(\w+)</code></li>", done.content.decode())
    assert len(codes) == 10
    assert set(
        StaticToken.objects.filter(device__user=user).values_list("token", flat=True)
    ) == set(codes)
    assert TOTPDevice.objects.get(user=user).confirmed
    assert client.get("/admin/news/newsitem/").status_code == 200
    assert AuditEvent.objects.filter(kind=EventKind.SECOND_FACTOR_CHANGED, user=user).exists()


@pytest.mark.django_db
@pytest.mark.usefixtures("no_wait_after_a_wrong_code")
def test_the_next_sign_in_asks_for_a_code_or_a_recovery_code_once(client):
    user = make_user(groups=(COMMS_TEAM,))
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    recovery = StaticDevice.objects.create(user=user, name="Recovery codes")
    StaticToken.objects.create(device=recovery, token="abcd1234")
    sign_in(client, user)
    assert client.post("/admin/second-factor/", {"code": "123456"}).status_code == 400
    assert (
        AuditEvent.objects.filter(
            kind=EventKind.SIGN_IN_FAILED, detail="wrong second-factor code"
        ).count()
        == 1
    )
    ok = client.post("/admin/second-factor/", {"code": code_for(device), "next": "/admin/news/"})
    assert ok.status_code == 302
    assert ok["Location"] == "/admin/news/"
    client.logout()
    sign_in(client, user)
    assert client.post("/admin/second-factor/", {"code": "abcd1234"}).status_code == 302
    client.logout()
    sign_in(client, user)
    # Used once: gone.
    assert client.post("/admin/second-factor/", {"code": "abcd1234"}).status_code == 400


@pytest.mark.django_db
def test_a_superuser_resets_a_colleagues_second_factor(client_as):
    colleague = make_user(groups=(COMMS_TEAM,))
    TOTPDevice.objects.create(user=colleague, name="app", confirmed=True)
    StaticDevice.objects.create(user=colleague, name="Recovery codes")
    WebAuthnCredential.objects.create(
        user=colleague, name="Passkey", credential_id=b"x", public_key=b"y", sign_count=0
    )
    admin_client = client_as("superuser")
    response = admin_client.post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [colleague.pk]},
    )
    assert response.status_code == 302
    assert not TOTPDevice.objects.filter(user=colleague).exists()
    assert not StaticDevice.objects.filter(user=colleague).exists()
    assert not WebAuthnCredential.objects.filter(user=colleague).exists()
    reset = AuditEvent.objects.get(kind=EventKind.SECOND_FACTOR_CHANGED, user=colleague)
    assert reset.detail == "second factor reset"
    assert reset.actor.is_superuser


@pytest.mark.django_db
def test_only_superusers_may_reset_a_second_factor(client_as):
    colleague = make_user(groups=(COMMS_TEAM,))
    TOTPDevice.objects.create(user=colleague, name="app", confirmed=True)
    client_as("partner editor").post(
        reverse("admin:auth_user_changelist"),
        {"action": "reset_second_factor", "_selected_action": [colleague.pk]},
    )
    assert TOTPDevice.objects.filter(user=colleague).exists()


@pytest.mark.django_db
def test_sessions_end_after_inactivity_on_deactivation_and_on_a_password_change(
    client_as, settings
):
    assert settings.SESSION_COOKIE_AGE == 30 * 60  # STAFF_SESSION_IDLE_MINUTES
    user = make_user(groups=(COMMS_TEAM,))
    client = client_as(user)
    # Each request moves the end on to 30 minutes from now: inactivity, not age, ends it.
    Session.objects.update(expire_date=timezone.now() + datetime.timedelta(minutes=1))
    assert client.get("/admin/news/newsitem/").status_code == 200
    (session,) = Session.objects.all()
    assert session.expire_date > timezone.now() + datetime.timedelta(minutes=29)
    Session.objects.update(expire_date=timezone.now() - datetime.timedelta(seconds=1))
    assert client.get("/admin/news/newsitem/").status_code == 302
    client = client_as(user)
    assert client.get("/admin/news/newsitem/").status_code == 200
    user.is_active = False
    user.save()
    assert client.get("/admin/news/newsitem/").status_code == 302
    user.is_active = True
    user.save()
    client = client_as(user)
    user.set_password("a brand new passphrase")
    user.save()
    assert client.get("/admin/news/newsitem/").status_code == 302


@pytest.mark.django_db
def test_guessing_codes_counts_towards_the_address_limit(client, settings):
    settings.STAFF_SIGN_IN_FAILURES_PER_ADDRESS = 3
    settings.OTP_TOTP_THROTTLE_FACTOR = 0
    user = make_user(groups=(COMMS_TEAM,))
    device = TOTPDevice.objects.create(user=user, name="app", confirmed=True)
    sign_in(client, user)
    statuses = [
        client.post(
            "/admin/second-factor/", {"code": f"{n:06d}"}, REMOTE_ADDR="203.0.113.5"
        ).status_code
        for n in range(4)
    ]
    assert statuses == [400, 400, 400, 429]
    right = client.post(
        "/admin/second-factor/", {"code": code_for(device)}, REMOTE_ADDR="203.0.113.5"
    )
    assert right.status_code == 429
