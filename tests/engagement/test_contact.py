"""The contact form as a resident uses it, and what happens to a message after: stored first,
a reference to quote, emails that survive a mail outage, and no way to flood or break it."""

import re
import socket
from datetime import timedelta

import pytest
from aiosmtpd.controller import Controller
from aiosmtpd.handlers import Message
from django.core.management import call_command
from django.utils import timezone

from engagement import services
from engagement.models import ContactMessage, EmailPurpose, EmailStatus, OutgoingEmail, Status
from tests.helpers import text

GOOD = {"topic": "website", "message": "The map on the places page is hard to read."}


class Inbox(Message):
    """A real SMTP server's mailbox: what it received."""

    def __init__(self):
        super().__init__()
        self.received = []

    def handle_message(self, message):
        self.received.append(message)


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def smtp(settings):
    """A real SMTP server on a free local port, not started: `smtp.start()` brings it up."""
    inbox = Inbox()
    port = free_port()
    controller = Controller(inbox, hostname="127.0.0.1", port=port)
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "use_tls": False, "timeout": 2},
        }
    }
    controller.inbox = inbox
    yield controller
    if getattr(controller, "_thread", None) is not None:
        controller.stop()


@pytest.fixture
def team_address(settings):
    settings.CONTACT_EMAIL = "contact@example.nhs.uk"
    return settings.CONTACT_EMAIL


def send(client, **changes):
    return client.post("/contact/", {**GOOD, **changes})


@pytest.mark.django_db
def test_the_form_says_what_happens_next_and_sets_only_the_csrf_cookie(client):
    response = client.get("/contact/")
    page = text(response.content.decode())
    assert "We aim to reply within 10 working days" in page
    assert "We keep your message for 365 days after we have finished with it" in page
    assert set(response.cookies) == {"__Host-csrftoken"}


@pytest.mark.django_db
def test_a_topic_in_the_link_is_chosen_already(client):
    html = client.get("/contact/?topic=have_your_say").content.decode()
    assert re.search(r'value="have_your_say"[^>]*checked', html)
    assert "checked" not in client.get("/contact/?topic=alien").content.decode()


@pytest.mark.django_db
def test_a_message_is_stored_with_a_reference_the_sender_is_given(
    client, team_address, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, name="Ann", email="ann@example.org")
    message = ContactMessage.objects.get()
    assert re.fullmatch(rf"ICS-{timezone.localdate():%Y}-\d{{5}}", message.reference)
    assert response.status_code == 302
    page = text(client.get(response["Location"]).content.decode())
    assert f"Your reference number is {message.reference}" in page
    assert (message.topic, message.name, message.email, message.status) == (
        "website", "Ann", "ann@example.org", Status.NEW
    )  # fmt: skip
    sent = {email.to[0]: email for email in mailoutbox}
    assert set(sent) == {"ann@example.org", "contact@example.nhs.uk"}
    assert message.reference in sent["ann@example.org"].body
    # The team is told where to read it; the sender's words travel in no email.
    assert "/admin/engagement/contactmessage/" in sent["contact@example.nhs.uk"].body
    assert GOOD["message"] not in sent["contact@example.nhs.uk"].body
    assert GOOD["message"] not in sent["ann@example.org"].body
    assert set(OutgoingEmail.objects.values_list("status", flat=True)) == {EmailStatus.SENT}


@pytest.mark.django_db
def test_without_an_address_no_acknowledgement_is_sent(
    client, team_address, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        send(client)
    assert [email.to for email in mailoutbox] == [["contact@example.nhs.uk"]]


@pytest.mark.django_db
def test_a_message_survives_a_mail_outage_and_its_emails_go_on_a_retry(
    client, smtp, team_address, django_capture_on_commit_callbacks
):
    # The mail server is down: the message is kept and its emails wait, with the error.
    with django_capture_on_commit_callbacks(execute=True):
        response = send(client, email="ann@example.org")
    assert response.status_code == 302
    message = ContactMessage.objects.get()
    waiting = OutgoingEmail.objects.filter(message=message)
    assert waiting.count() == 2
    for email in waiting:
        assert email.status == EmailStatus.PENDING
        assert email.attempts == 1
        assert "refused" in email.last_error.lower() or "connect" in email.last_error.lower()
        assert email.next_attempt_at > timezone.now()
    # Not yet due: a run now sends nothing.
    call_command("send_email", verbosity=0)
    assert waiting.filter(status=EmailStatus.SENT).count() == 0
    # The server is back and the retry time has come.
    smtp.start()
    waiting.update(next_attempt_at=timezone.now())
    call_command("send_email", verbosity=0)
    assert waiting.filter(status=EmailStatus.SENT).count() == 2
    delivered = {m["To"]: m for m in smtp.inbox.received}
    assert set(delivered) == {"ann@example.org", "contact@example.nhs.uk"}
    assert message.reference in delivered["ann@example.org"]["Subject"]


@pytest.mark.django_db
def test_the_wait_between_tries_grows_and_has_a_ceiling():
    waits = [services.wait_after(n) for n in range(1, 12)]
    assert waits[0] == timedelta(minutes=1)
    assert waits == sorted(waits)
    assert waits[-1] == services.LONGEST_WAIT


@pytest.mark.django_db
def test_a_filled_honeypot_stores_nothing_and_says_nothing(client, mailoutbox):
    response = send(client, website="https://spam.example")
    assert response.status_code == 302
    assert ContactMessage.objects.count() == 0
    assert mailoutbox == []


@pytest.mark.django_db
def test_a_sender_may_send_a_handful_an_hour(client, settings):
    settings.CONTACT_RATE_LIMIT_PER_HOUR = 3
    for _ in range(3):
        assert send(client).status_code == 302
    response = send(client)
    assert response.status_code == 429
    assert "You have sent 3 messages in the last hour" in text(response.content.decode())
    assert ContactMessage.objects.count() == 3
    # Another address is not held back, and an hour later this one is free again.
    assert client.post("/contact/", GOOD, REMOTE_ADDR="192.0.2.9").status_code == 302
    ContactMessage.objects.update(received_at=timezone.now() - timedelta(hours=1, minutes=1))
    assert send(client).status_code == 302


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("changes", "error"),
    [
        ({"topic": ""}, "Select what your message is about"),
        ({"topic": "alien"}, "Select a valid choice"),
        ({"message": ""}, "Enter your message"),
        ({"message": "x" * 3001}, "Your message must be 3,000 characters or fewer"),
        ({"name": "n" * 101}, "Your name must be 100 characters or fewer"),
        ({"email": "not an address"}, "Enter an email address in the correct format"),
        ({"message": "nul \x00 here"}, "Null characters are not allowed"),
    ],
)
def test_bad_input_is_a_field_error_and_stores_nothing(client, changes, error):
    response = send(client, **changes)
    assert response.status_code == 400
    html = response.content.decode()
    assert "<title>Error: Contact us" in html
    assert "nhsuk-error-summary" in html
    assert error in text(html)
    assert ContactMessage.objects.count() == 0


@pytest.mark.django_db
def test_the_database_refuses_an_overlong_or_empty_message():
    from tests.helpers import assert_database_refuses

    assert_database_refuses(lambda: ContactMessage.objects.create(topic="website", message=""))
    assert_database_refuses(
        lambda: ContactMessage.objects.create(topic="website", message="x" * 3001)
    )
    assert_database_refuses(lambda: ContactMessage.objects.create(topic="alien", message="x"))


@pytest.mark.django_db
def test_the_email_purposes_are_the_three_expected():
    assert set(EmailPurpose.values) == {"acknowledgement", "notification", "reply"}
