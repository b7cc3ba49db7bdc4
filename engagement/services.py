"""Writes that touch several records: receiving a message (stored before any email is tried),
replying to one, sending the outbox, and deleting closed messages after the retention period."""

import datetime
import hashlib
import hmac
import logging
from functools import partial

from django.conf import settings
from django.core.mail import send_mail
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import timezone

from engagement.models import (
    ContactMessage,
    EmailPurpose,
    EmailStatus,
    OutgoingEmail,
    Reply,
    Status,
)

logger = logging.getLogger(__name__)

# The longest wait between tries of an email that would not go.
LONGEST_WAIT = datetime.timedelta(hours=6)


class TooManyMessages(Exception):
    """The sender has sent CONTACT_RATE_LIMIT_PER_HOUR messages in the last hour."""


def sender_key(address: str) -> str:
    """A keyed hash of the sender's address: enough to count their messages, not to find them."""
    return hmac.new(settings.SECRET_KEY.encode(), address.encode(), hashlib.sha256).hexdigest()


def reference_for(message: ContactMessage) -> str:
    return f"ICS-{timezone.localtime(message.received_at):%Y}-{message.pk:05d}"


@transaction.atomic
def receive_message(
    *, topic: str, message: str, name: str = "", email: str = "", sender_address: str
) -> ContactMessage:
    """Store a message from the contact form, give it its reference, and queue the emails
    (the team's notification; the sender's acknowledgement when they gave an address). The
    emails are tried once the message is safely stored; a failure leaves them queued."""
    key = sender_key(sender_address)
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    if ContactMessage.objects.from_sender_since(key, hour_ago).count() >= (
        settings.CONTACT_RATE_LIMIT_PER_HOUR
    ):
        raise TooManyMessages
    received = ContactMessage(topic=topic, message=message, name=name, email=email, sender_key=key)
    received.full_clean()
    received.save()
    received.reference = reference_for(received)
    ContactMessage.objects.filter(pk=received.pk).update(reference=received.reference)
    context = {
        "message": received,
        "site_url": settings.SITE_URL,
        "reply_days": settings.CONTACT_REPLY_WORKING_DAYS,
    }
    if settings.CONTACT_EMAIL:
        queue(
            received,
            EmailPurpose.NOTIFICATION,
            to=settings.CONTACT_EMAIL,
            subject=f"New contact message {received.reference}: {received.get_topic_display()}",
            body=render_to_string("engagement/email/notification.txt", context),
        )
    if received.email:
        queue(
            received,
            EmailPurpose.ACKNOWLEDGEMENT,
            to=received.email,
            subject=f"We have your message: {received.reference}",
            body=render_to_string("engagement/email/acknowledgement.txt", context),
        )
    transaction.on_commit(partial(send_due, message=received), robust=True)
    return received


@transaction.atomic
def reply(*, message: ContactMessage, text: str, author) -> Reply:
    """Email an answer to the sender, keep it with the message, and mark the message answered."""
    answer = Reply(message=message, text=text, author=author)
    answer.full_clean()
    answer.save()
    queue(
        message,
        EmailPurpose.REPLY,
        to=message.email,
        subject=f"Your message {message.reference}",
        body=render_to_string("engagement/email/reply.txt", {"message": message, "reply": answer}),
    )
    if message.status in (Status.NEW, Status.IN_PROGRESS):
        message.status = Status.ANSWERED
        message.save()
    transaction.on_commit(partial(send_due, message=message), robust=True)
    return answer


def queue(message: ContactMessage, purpose: str, *, to: str, subject: str, body: str):
    return OutgoingEmail.objects.create(
        message=message, purpose=purpose, to=to, subject=subject, body=body
    )


def wait_after(attempts: int) -> datetime.timedelta:
    """1, 2, 4, 8 … minutes after each failed try, at most LONGEST_WAIT."""
    return min(datetime.timedelta(minutes=2 ** max(attempts - 1, 0)), LONGEST_WAIT)


def deliver(email: OutgoingEmail) -> bool:
    """Hand one email to the mail server. On failure it stays pending, with the error and the
    time of the next try; nothing is dropped."""
    now = timezone.now()
    email.attempts += 1
    try:
        send_mail(
            email.subject, email.body, settings.DEFAULT_FROM_EMAIL, [email.to], fail_silently=False
        )
    except Exception as error:
        email.last_error = f"{type(error).__name__}: {error}"[:300]
        email.next_attempt_at = now + wait_after(email.attempts)
        email.save(update_fields=["attempts", "last_error", "next_attempt_at"])
        logger.warning("Email %s not sent (try %s): %s", email.pk, email.attempts, error)
        return False
    email.status = EmailStatus.SENT
    email.sent_at = now
    email.last_error = ""
    email.save(update_fields=["attempts", "status", "sent_at", "last_error"])
    return True


def send_due(*, message: ContactMessage | None = None, limit: int = 100) -> tuple[int, int]:
    """Send the emails whose time has come (of one message, or all); returns (sent, failed).
    Each host's cron may run this at once: rows another is sending are skipped."""
    sent = failed = 0
    with transaction.atomic():
        due = OutgoingEmail.objects.due().select_for_update(skip_locked=True).order_by("pk")
        if message is not None:
            due = due.filter(message=message)
        for email in due[:limit]:
            if deliver(email):
                sent += 1
            else:
                failed += 1
    return sent, failed


@transaction.atomic
def delete_closed_messages(*, dry_run: bool = False) -> int:
    """Delete messages closed longer ago than CONTACT_RETENTION_DAYS, with their notes, replies,
    emails and history (which holds copies of the personal data). Open messages are kept."""
    due = ContactMessage.objects.due_for_deletion()
    ids = list(due.values_list("pk", flat=True))
    if not dry_run and ids:
        ContactMessage.objects.filter(pk__in=ids).delete()
        # Last: deleting a message writes a history entry of its own.
        ContactMessage.history.filter(id__in=ids).delete()
    return len(ids)
