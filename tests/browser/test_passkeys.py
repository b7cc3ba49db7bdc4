"""A passkey as the second factor, in a real Chromium with a virtual authenticator (the
DevTools WebAuthn domain stands in for a fingerprint reader or security key): set up at the
first sign-in, followed by recovery codes, then used to sign in again."""

import re

import pytest
from django_otp_webauthn.models import WebAuthnCredential
from playwright.sync_api import expect

from staff.models import AuditEvent, EventKind
from tests.factories import make_user

PASSWORD = "correct horse battery"
# A ceremony is two requests and the authenticator's work: slower on a busy CI machine.
CEREMONY = 20_000


def sign_in_with_password(page, base: str, username: str) -> None:
    page.goto(f"{base}/admin/login/?next=/admin/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()


@pytest.mark.browser
def test_a_passkey_is_set_up_at_first_sign_in_and_signs_in_the_next_time(
    live_server, transactional_db, page, settings, console_errors
):
    # The live server's origin is where this passkey may be used.
    settings.OTP_WEBAUTHN_ALLOWED_ORIGINS = [live_server.url.replace("127.0.0.1", "localhost")]
    base = settings.OTP_WEBAUTHN_ALLOWED_ORIGINS[0]
    user = make_user(is_superuser=True)
    devtools = page.context.new_cdp_session(page)
    devtools.send("WebAuthn.enable")
    devtools.send(
        "WebAuthn.addVirtualAuthenticator",
        {
            "options": {
                "protocol": "ctap2",
                "transport": "internal",
                "hasResidentKey": True,
                "hasUserVerification": True,
                "isUserVerified": True,
                "automaticPresenceSimulation": True,
            }
        },
    )

    # First sign-in: the password, then the choice of a passkey or an app.
    sign_in_with_password(page, base, user.username)
    expect(page).to_have_url(re.compile(r"/admin/second-factor/setup/"))
    # The package's script adds the button and then its handler: let it finish loading.
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Set up a passkey").click()
    # Registered: on to the recovery codes, shown once.
    expect(page).to_have_url(re.compile(r"/admin/second-factor/recovery-codes/"), timeout=CEREMONY)
    expect(page.locator("#recovery-codes li")).to_have_count(10)
    assert WebAuthnCredential.objects.filter(user=user, confirmed=True).count() == 1
    assert AuditEvent.objects.filter(
        kind=EventKind.SECOND_FACTOR_CHANGED, user=user, detail__startswith="passkey set up"
    ).exists()
    page.get_by_role("link", name="I have saved them: continue").click()
    expect(page).to_have_url(f"{base}/admin/")

    # Next time: the password, then the passkey.
    page.get_by_role("button", name="Log out").click()
    sign_in_with_password(page, base, user.username)
    expect(page).to_have_url(re.compile(r"/admin/second-factor/\?next="))
    page.wait_for_load_state("networkidle")
    page.get_by_role("button", name="Use your passkey").click()
    expect(page).to_have_url(f"{base}/admin/", timeout=CEREMONY)
    expect(page.get_by_role("heading", name="Partnership records")).to_be_visible()
    assert console_errors == []
