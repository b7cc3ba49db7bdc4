"""The team's inbox in the admin: reading a message safely, moving it on, notes, replies that
are emailed and kept, history, and deletion after the retention period."""

import re
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.utils import timezone

from engagement.models import ContactMessage, EmailStatus, Note, OutgoingEmail, Reply, Status
from engagement.services import receive_message
from tests.helpers import change_url

HOSTILE = 'Hello <script>alert("x")</script> <b>bold</b> see https://evil.example/path'


def a_message(**changes) -> ContactMessage:
    values = {"topic": "general", "message": "When is the next board meeting?",
              "email": "ann@example.org", "sender_address": "198.51.100.7"}  # fmt: skip
    return receive_message(**{**values, **changes})


def change_form(message: ContactMessage, **changes) -> dict:
    """What the message's change page posts, with no new note or reply unless given."""
    data = {
        "status": message.status,
        "assigned_to": message.assigned_to_id or "",
        "notes-TOTAL_FORMS": "1", "notes-INITIAL_FORMS": "0",
        "notes-0-text": "",
        "replies-TOTAL_FORMS": "1", "replies-INITIAL_FORMS": "0",
        "replies-0-text": "",
        "emails-TOTAL_FORMS": "0", "emails-INITIAL_FORMS": "0",
    }  # fmt: skip
    return {**data, **changes}


@pytest.mark.django_db
def test_what_a_sender_wrote_is_shown_as_text_never_as_markup(client_as):
    message = a_message(message=HOSTILE, name='<img src=x onerror="alert(1)">')
    html = client_as("contact team").get(change_url(message)).content.decode()
    assert "<script>alert" not in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "<b>bold</b>" not in html
    assert "<img src=x onerror" not in html
    assert 'href="https://evil.example' not in html  # a link stays text
    assert "https://evil.example/path" in html


@pytest.mark.django_db
def test_the_team_moves_a_message_on_assigns_it_and_notes_it_with_history(client_as):
    from tests.factories import CONTACT_TEAM, make_user

    colleague = make_user(groups=(CONTACT_TEAM,))
    message = a_message()
    client = client_as("contact team")
    response = client.post(
        change_url(message),
        change_form(message, status=Status.IN_PROGRESS, assigned_to=colleague.pk,
                    **{"notes-0-text": "Asked the board secretary."}),
    )  # fmt: skip
    assert response.status_code == 302, response.content.decode()[:2000]
    message.refresh_from_db()
    assert (message.status, message.assigned_to) == (Status.IN_PROGRESS, colleague)
    note = Note.objects.get(message=message)
    assert note.text == "Asked the board secretary."
    assert note.author is not None
    assert note.author != colleague
    history = list(message.history.order_by("history_date").values_list("status", flat=True))
    assert history[-1] == Status.IN_PROGRESS
    assert Status.NEW in history


@pytest.mark.django_db
def test_a_reply_is_emailed_kept_with_the_message_and_marks_it_answered(
    client_as, mailoutbox, django_capture_on_commit_callbacks
):
    message = a_message()
    OutgoingEmail.objects.all().delete()
    with django_capture_on_commit_callbacks(execute=True):
        response = client_as("contact team").post(
            change_url(message),
            change_form(message, **{"replies-0-text": "The next meeting is on 8 January."}),
        )
    assert response.status_code == 302
    message.refresh_from_db()
    assert message.status == Status.ANSWERED
    reply = Reply.objects.get(message=message)
    assert reply.text == "The next meeting is on 8 January."
    (email,) = OutgoingEmail.objects.filter(message=message)
    assert email.status == EmailStatus.SENT
    (sent,) = mailoutbox
    assert sent.to == ["ann@example.org"]
    assert "The next meeting is on 8 January." in sent.body
    assert message.reference in sent.subject


@pytest.mark.django_db
def test_a_message_without_an_address_offers_no_reply(client_as):
    message = a_message(email="")
    html = client_as("contact team").get(change_url(message)).content.decode()
    assert 'name="replies-TOTAL_FORMS" value="0"' in html
    assert 'name="replies-MAX_NUM_FORMS" value="0"' in html


@pytest.mark.django_db
def test_closing_stamps_the_time_and_reopening_clears_it():
    message = a_message()
    message.status = Status.CLOSED
    message.save()
    assert message.closed_at is not None
    message.status = Status.IN_PROGRESS
    message.save()
    assert message.closed_at is None


@pytest.mark.django_db
def test_closed_messages_are_deleted_after_the_retention_period_and_open_ones_never(
    client_as, settings
):
    settings.CONTACT_RETENTION_DAYS = 365
    now = timezone.now()

    def closed(days_ago: int) -> ContactMessage:
        message = a_message()
        message.status = Status.CLOSED
        message.save()
        ContactMessage.objects.filter(pk=message.pk).update(
            closed_at=now - timedelta(days=days_ago)
        )
        Note.objects.create(message=message, text="Done.")
        return message

    due, kept = closed(366), closed(364)
    ancient_open = a_message()
    ContactMessage.objects.filter(pk=ancient_open.pk).update(received_at=now - timedelta(days=3000))
    changelist = client_as("contact team").get("/admin/engagement/contactmessage/")
    assert "1 closed message due for deletion" in changelist.content.decode()

    call_command("delete_closed_messages", "--dry-run", verbosity=0)
    assert ContactMessage.objects.filter(pk=due.pk).exists()

    call_command("delete_closed_messages", verbosity=0)
    assert not ContactMessage.objects.filter(pk=due.pk).exists()
    assert not ContactMessage.history.filter(id=due.pk).exists()  # no copy left in history
    assert not Note.objects.filter(message_id=due.pk).exists()
    assert not OutgoingEmail.objects.filter(message_id=due.pk).exists()
    assert set(ContactMessage.objects.values_list("pk", flat=True)) == {kept.pk, ancient_open.pk}


@pytest.mark.django_db
def test_the_team_notification_links_to_the_message_in_the_admin(settings, mailoutbox):
    settings.CONTACT_EMAIL = "contact@example.nhs.uk"
    settings.SITE_URL = "https://portal.example.nhs.uk"
    message = a_message()
    body = OutgoingEmail.objects.get(message=message, to="contact@example.nhs.uk").body
    assert re.search(
        rf"https://portal.example.nhs.uk/admin/engagement/contactmessage/{message.pk}/change/",
        body,
    )
