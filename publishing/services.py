"""The sign-off steps. Each checks who may take it and from which state, records a
ReviewStep, and tells the other side by email.

Writers (the "Comms team": change permission) submit. Approvers ("Comms approvers": the
model's publish permission) approve, send back with a comment, publish, schedule and withdraw.
Only an approved item is published or scheduled, so nothing goes live on one person's say: an
approver may not approve what they submitted themselves unless COMMS_SELF_APPROVAL is on.
"""

import datetime
import logging

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import models, transaction
from django.urls import reverse
from django.utils import timezone

from publishing import revisions
from publishing.models import Action, Publishable, ReviewState, ReviewStep

logger = logging.getLogger(__name__)


class WorkflowError(Exception):
    """A step that may not be taken now: the message says why, for the person who tried."""


def publish_permission(item: models.Model) -> str:
    return f"{item._meta.app_label}.publish_{item._meta.model_name}"


def change_permission(item: models.Model) -> str:
    return f"{item._meta.app_label}.change_{item._meta.model_name}"


def may_publish(user, item: models.Model) -> bool:
    return user.has_perm(publish_permission(item))


def _require(user, permission: str) -> None:
    if not user.has_perm(permission):
        raise WorkflowError("You do not have permission to do that.")


def _record(item, action: str, user, *, comment: str = "", publish_at=None) -> ReviewStep:
    step = ReviewStep(item=item, action=action, by=user, comment=comment, publish_at=publish_at)
    step.save()
    return step


@transaction.atomic
def submit(item: Publishable, *, by) -> None:
    _require(by, change_permission(item))
    if item.review_state not in (ReviewState.DRAFT, ReviewState.SENT_BACK):
        raise WorkflowError("It is already in review or approved.")
    if item.publish_at is not None and revisions.pending(item) is None:
        raise WorkflowError("It is already published or scheduled: there is nothing to submit.")
    item.review_state = ReviewState.IN_REVIEW
    item.submitted_by = by
    item.save()
    _record(item, Action.SUBMITTED, by)
    notify_approvers(item, by=by, subject=f"For approval: {item}", lines=[
        f"{display_name(by)} has submitted “{item}” for approval.",
    ])  # fmt: skip


@transaction.atomic
def approve(item: Publishable, *, by) -> None:
    _require(by, publish_permission(item))
    if item.review_state != ReviewState.IN_REVIEW:
        raise WorkflowError("Only an item in review can be approved.")
    if item.submitted_by_id == by.pk and not settings.COMMS_SELF_APPROVAL:
        raise WorkflowError(
            "You submitted it, so another approver must approve it (COMMS_SELF_APPROVAL is off)."
        )
    item.review_state = ReviewState.APPROVED
    item.save()
    _record(item, Action.APPROVED, by)
    notify_submitter(item, by=by, subject=f"Approved: {item}", lines=[
        f"{display_name(by)} has approved “{item}”.",
    ])  # fmt: skip


@transaction.atomic
def send_back(item: Publishable, *, by, comment: str) -> None:
    _require(by, publish_permission(item))
    if item.review_state not in (ReviewState.IN_REVIEW, ReviewState.APPROVED):
        raise WorkflowError("Only an item in review or approved can be sent back.")
    if not comment.strip():
        raise WorkflowError("Say what needs changing: a comment is needed to send it back.")
    item.review_state = ReviewState.SENT_BACK
    item.save()
    _record(item, Action.SENT_BACK, by, comment=comment.strip())
    notify_submitter(item, by=by, subject=f"Sent back: {item}", lines=[
        f"{display_name(by)} has sent “{item}” back, saying:", "", comment.strip(),
    ])  # fmt: skip


@transaction.atomic
def publish(item: Publishable, *, by, at: datetime.datetime | None = None) -> None:
    """Publish an approved item now, or schedule it for `at`."""
    _require(by, publish_permission(item))
    if item.review_state != ReviewState.APPROVED:
        raise WorkflowError("Only an approved item can be published or scheduled.")
    now = timezone.now()
    if at is not None and at <= now:
        raise WorkflowError("Choose a time in the future to schedule it, or publish it now.")
    if item.publish_at is not None:
        # Approved changes to a published item: they replace the published version now.
        revision = revisions.pending(item)
        if revision is None:
            raise WorkflowError("It is already published or scheduled.")
        if at is not None:
            raise WorkflowError(
                "Changes to a published item are published straight away once approved."
            )
        item.review_state = ReviewState.DRAFT
        revisions.publish_revision(item, revision)
    else:
        item.publish(at=at or now)
    action = Action.SCHEDULED if at else Action.PUBLISHED
    _record(item, action, by, publish_at=item.publish_at)
    when = f" for {timezone.localtime(at):%-d %B %Y, %H:%M} (UK time)" if at else ""
    notify_submitter(item, by=by, subject=f"{Action(action).label}: {item}", lines=[
        f"{display_name(by)} has {action} “{item}”{when}.",
    ])  # fmt: skip


@transaction.atomic
def withdraw(item: Publishable, *, by) -> None:
    _require(by, publish_permission(item))
    if item.publish_at is None:
        raise WorkflowError("It is not published or scheduled.")
    item.unpublish()
    _record(item, Action.WITHDRAWN, by)


@transaction.atomic
def discard(item: Publishable, *, by) -> None:
    """Throw away the draft changes to a published item: it stays as published."""
    _require(by, change_permission(item))
    revision = revisions.pending(item)
    if revision is None:
        raise WorkflowError("There are no draft changes to discard.")
    revision.delete()
    item.review_state = ReviewState.DRAFT
    item.save()
    _record(item, Action.DISCARDED, by)


# Who to tell.


def display_name(user) -> str:
    return user.get_full_name() or user.get_username()


def _link(item) -> str:
    path = reverse(f"admin:{item._meta.app_label}_{item._meta.model_name}_change", args=[item.pk])
    return f"{settings.SITE_URL.rstrip('/')}{path}" if settings.SITE_URL else path


def notify_approvers(item, *, by, subject: str, lines: list[str]) -> None:
    approvers = get_user_model()._default_manager.with_perm(
        publish_permission(item),
        is_active=True,
        include_superusers=False,
        backend="django.contrib.auth.backends.ModelBackend",
    )
    recipients = [user.email for user in approvers if user.email and user.pk != by.pk]
    _email(recipients, subject, lines, item)


def notify_submitter(item, *, by, subject: str, lines: list[str]) -> None:
    writer = item.submitted_by
    if writer and writer.email and writer.pk != by.pk:
        _email([writer.email], subject, lines, item)


def _email(recipients: list[str], subject: str, lines: list[str], item) -> None:
    if not recipients:
        return
    body = "\n".join([*lines, "", f"Open it: {_link(item)}", ""])

    def send():
        try:
            send_mail(subject, body, None, recipients)
        except OSError:
            # The step stands; the admin's history shows it to anyone who looks.
            logger.warning("Could not email %s about %s", recipients, item, exc_info=True)

    transaction.on_commit(send)
