"""Sign-off: writers draft and submit, approvers approve and publish or schedule, or send an
item back with a comment. News items and the site's pages share it.

`Publishable` is the abstract model they both are: when an item is public (`publish_at`, read
at the time of each request, so a scheduled item appears with nothing having to run), where it
is in review (`review_state`), who submitted it, and whether it was withdrawn. Every step is a
`ReviewStep`, shown with the item's history: what, who, when, and the approver's comment.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.db.models import Q
from django.utils import timezone

from core.models import VersionedModel


def new_preview_key() -> str:
    return secrets.token_urlsafe(16)


class ReviewState(models.TextChoices):
    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    SENT_BACK = "sent_back", "Sent back"


class Status(models.TextChoices):
    """What staff see an item as, from its review state and publishing time."""

    DRAFT = "draft", "Draft"
    IN_REVIEW = "in_review", "In review"
    APPROVED = "approved", "Approved"
    SCHEDULED = "scheduled", "Scheduled"
    PUBLISHED = "published", "Published"
    WITHDRAWN = "withdrawn", "Withdrawn"


class PublishableQuerySet(models.QuerySet):
    def published(self, now: datetime.datetime | None = None):
        """Items the public may see at this moment: published, and their time has come.

        The one rule of what is public; `Publishable.is_public()` states it for one item."""
        return self.filter(publish_at__lte=now or timezone.now())

    def with_status(self, status: str, now: datetime.datetime | None = None):
        now = now or timezone.now()
        unpublished = self.filter(publish_at__isnull=True)
        return {
            Status.PUBLISHED: lambda: self.filter(publish_at__lte=now),
            Status.SCHEDULED: lambda: self.filter(publish_at__gt=now),
            Status.WITHDRAWN: lambda: unpublished.filter(withdrawn_at__isnull=False),
            Status.IN_REVIEW: lambda: unpublished.filter(review_state=ReviewState.IN_REVIEW),
            Status.APPROVED: lambda: unpublished.filter(review_state=ReviewState.APPROVED),
            Status.DRAFT: lambda: unpublished.filter(
                withdrawn_at__isnull=True,
                review_state__in=[ReviewState.DRAFT, ReviewState.SENT_BACK],
            ),
        }[status]()

    def scheduled_between(self, start: datetime.datetime, end: datetime.datetime):
        return self.filter(publish_at__gt=start, publish_at__lte=end).order_by("publish_at")


class Publishable(VersionedModel):
    publish_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        db_index=True,
        help_text="Set by an approver's Publish or Schedule: empty while it is not public.",
    )
    review_state = models.CharField(
        max_length=10, choices=ReviewState, default=ReviewState.DRAFT, editable=False
    )
    submitted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        editable=False,
        related_name="+",
    )
    withdrawn_at = models.DateTimeField(null=True, blank=True, editable=False)
    preview_key = models.CharField(max_length=32, default=new_preview_key, editable=False)

    class Meta:
        abstract = True

    @classmethod
    def publishing_constraints(cls, prefix: str) -> list[models.BaseConstraint]:
        return [
            models.CheckConstraint(
                condition=Q(review_state__in=ReviewState.values),
                name=f"{prefix}_review_state_valid",
            ),
        ]

    def is_public(self, now: datetime.datetime | None = None) -> bool:
        """The queryset's `published()` rule for this one item."""
        return self.publish_at is not None and self.publish_at <= (now or timezone.now())

    @property
    def status(self) -> str:
        """Its Status value, at this moment."""
        if self.publish_at is not None:
            return Status.PUBLISHED if self.is_public() else Status.SCHEDULED
        if self.withdrawn_at is not None:
            return Status.WITHDRAWN
        if self.review_state in (ReviewState.IN_REVIEW, ReviewState.APPROVED):
            return self.review_state
        return Status.DRAFT

    @property
    def status_label(self) -> str:
        label = Status(self.status).label
        if self.review_state == ReviewState.SENT_BACK and self.publish_at is None:
            label = "Draft (sent back)"
        return label

    def publish(self, *, at: datetime.datetime | None = None) -> None:
        """Publish now, or schedule for a later time."""
        self.publish_at = at or timezone.now()
        self.withdrawn_at = None
        self.review_state = ReviewState.DRAFT
        self.save()

    def unpublish(self) -> None:
        """Withdrawn: a draft again; links shared for preview stop working."""
        self.publish_at = None
        self.withdrawn_at = timezone.now()
        self.review_state = ReviewState.DRAFT
        self.preview_key = new_preview_key()
        self.save()


class Action(models.TextChoices):
    SUBMITTED = "submitted", "Submitted for approval"
    APPROVED = "approved", "Approved"
    SENT_BACK = "sent_back", "Sent back"
    PUBLISHED = "published", "Published"
    SCHEDULED = "scheduled", "Scheduled"
    WITHDRAWN = "withdrawn", "Withdrawn"
    DISCARDED = "discarded", "Draft changes discarded"


class ReviewStepQuerySet(models.QuerySet):
    def of(self, item: models.Model) -> "ReviewStepQuerySet":
        return self.filter(
            content_type=ContentType.objects.get_for_model(item), object_id=item.pk
        ).select_related("by")


class ReviewStep(models.Model):
    """One step of an item's sign-off: what was done, by whom, when, and why."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    action = models.CharField(max_length=10, choices=Action)
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    at = models.DateTimeField(default=timezone.now)
    comment = models.TextField(blank=True)
    publish_at = models.DateTimeField(null=True, blank=True, help_text="When it was scheduled for.")

    objects = ReviewStepQuerySet.as_manager()

    class Meta:
        ordering = ["-at", "-pk"]
        indexes = [models.Index(fields=["content_type", "object_id", "-at"])]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=Action.values), name="review_step_action_valid"
            ),
            models.CheckConstraint(
                condition=~Q(action="sent_back") | ~Q(comment=""),
                name="review_step_sent_back_has_a_comment",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} by {self.by or 'someone'}"


class RevisionQuerySet(models.QuerySet):
    def of(self, item: models.Model) -> "RevisionQuerySet":
        return self.filter(content_type=ContentType.objects.get_for_model(item), object_id=item.pk)


class Revision(models.Model):
    """The draft of changes to a published item: what its edit form held when last saved.

    The public keeps seeing the item as published until the draft is approved and published
    (publishing.revisions.publish_revision copies it onto the item, in its history). One draft
    an item: saving again updates it."""

    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE)
    object_id = models.PositiveBigIntegerField()
    item = GenericForeignKey("content_type", "object_id")
    data = models.JSONField(help_text="The edited fields' values, as the form saved them.")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(default=timezone.now)
    updated_at = models.DateTimeField(auto_now=True)

    objects = RevisionQuerySet.as_manager()

    class Meta:
        ordering = ["-updated_at"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "object_id"], name="revision_one_draft_per_item"
            ),
        ]

    def __str__(self) -> str:
        return f"Draft changes to {self.item}"
