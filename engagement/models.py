"""Contact messages, the team's notes and replies on them, and the email they cause; and the
consultations residents may have their say in.

A message is stored before any email is tried, so a mail outage loses nothing: each email is a
row in the outbox (`OutgoingEmail`), sent after the message is saved and retried with a growing
wait until it goes (`manage.py send_email`). Messages and their personal data are deleted a set
time after they are closed (`manage.py delete_closed_messages`).
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.db.models.functions import Length
from django.db.models.lookups import GreaterThanOrEqual, LessThanOrEqual
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.links import slug_url
from core.models import NamedBySlug, SlugNaturalKeyManager, VersionedModel
from core.richtext import RichTextField, render_rich_text
from partners.models import Organisation

# The longest a field may be: longer is a form error, and the database refuses it too.
MAX_MESSAGE = 3000
MAX_NAME = 100
MAX_NOTE = 3000


class Topic(models.TextChoices):
    GENERAL = "general", "A question about the partnership"
    HAVE_YOUR_SAY = "have_your_say", "Having your say on our plans"
    WEBSITE = "website", "This website, including its accessibility"
    INFORMATION = "information", "Information in a different format"
    MEDIA = "media", "A media enquiry"
    OTHER = "other", "Something else"


class Status(models.TextChoices):
    NEW = "new", "New"
    IN_PROGRESS = "in_progress", "In progress"
    ANSWERED = "answered", "Answered"
    CLOSED = "closed", "Closed"


class ContactMessageQuerySet(models.QuerySet):
    def due_for_deletion(self, now: datetime.datetime | None = None) -> "ContactMessageQuerySet":
        """Closed messages past the retention period (CONTACT_RETENTION_DAYS after closing).
        An open message is never due, however old."""
        cutoff = (now or timezone.now()) - datetime.timedelta(days=settings.CONTACT_RETENTION_DAYS)
        return self.filter(status=Status.CLOSED, closed_at__lte=cutoff)

    def from_sender_since(self, sender_key: str, since: datetime.datetime):
        return self.filter(sender_key=sender_key, received_at__gte=since)


class ContactMessage(models.Model):
    """What a resident sent through /contact/, and where the team has got with it."""

    # Given once the row has its number; NULL until then, as "" would clash with uniqueness.
    reference = models.CharField(max_length=20, unique=True, editable=False, null=True)  # noqa: DJ001
    topic = models.CharField(max_length=20, choices=Topic)
    message = models.TextField(max_length=MAX_MESSAGE)
    name = models.CharField(max_length=MAX_NAME, blank=True)
    email = models.EmailField("email address", blank=True)
    received_at = models.DateTimeField(default=timezone.now, editable=False, db_index=True)
    status = models.CharField(max_length=20, choices=Status, default=Status.NEW)
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="contact_messages",
        help_text="Who in the team is answering it.",
    )
    closed_at = models.DateTimeField(null=True, blank=True, editable=False)
    # A keyed hash of the address it came from, for the rate limit: not the address itself.
    sender_key = models.CharField(max_length=64, blank=True, editable=False, db_index=True)

    objects = ContactMessageQuerySet.as_manager()
    history = HistoricalRecords(excluded_fields=["sender_key"])

    class Meta:
        ordering = ["-received_at", "-pk"]
        verbose_name = "contact message"
        constraints = [
            models.CheckConstraint(condition=Q(topic__in=Topic.values), name="contact_topic_valid"),
            models.CheckConstraint(
                condition=Q(status__in=Status.values), name="contact_status_valid"
            ),
            models.CheckConstraint(
                condition=GreaterThanOrEqual(Length("message"), 1)
                & LessThanOrEqual(Length("message"), MAX_MESSAGE),
                name="contact_message_length",
            ),
            models.CheckConstraint(
                condition=Q(status=Status.CLOSED, closed_at__isnull=False)
                | (~Q(status=Status.CLOSED) & Q(closed_at__isnull=True)),
                name="contact_closed_when_closed",
            ),
        ]

    def __str__(self) -> str:
        return self.reference or f"Message {self.pk}"

    def save(self, *args, **kwargs):
        # Closing stamps the time the retention period counts from; reopening clears it.
        if self.status == Status.CLOSED and self.closed_at is None:
            self.closed_at = timezone.now()
        elif self.status != Status.CLOSED:
            self.closed_at = None
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("admin:engagement_contactmessage_change", args=[self.pk])


class TeamWriting(models.Model):
    """What a member of the team writes on a message: who, when, and the text."""

    text = models.TextField(max_length=MAX_NOTE)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False
    )
    written_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        abstract = True
        ordering = ["written_at", "pk"]


class Note(TeamWriting):
    """The team's own note on a message: never sent to anyone."""

    message = models.ForeignKey(ContactMessage, on_delete=models.CASCADE, related_name="notes")

    class Meta(TeamWriting.Meta):
        verbose_name = "internal note"

    def __str__(self) -> str:
        return f"Note on {self.message}"


class Reply(TeamWriting):
    """An answer emailed to the sender from the admin, kept with the message."""

    message = models.ForeignKey(ContactMessage, on_delete=models.CASCADE, related_name="replies")

    class Meta(TeamWriting.Meta):
        verbose_name_plural = "replies"

    def __str__(self) -> str:
        return f"Reply to {self.message}"


class EmailPurpose(models.TextChoices):
    ACKNOWLEDGEMENT = "acknowledgement", "Acknowledgement to the sender"
    NOTIFICATION = "notification", "Notification to the team"
    REPLY = "reply", "Reply to the sender"


class EmailStatus(models.TextChoices):
    PENDING = "pending", "Waiting to be sent"
    SENT = "sent", "Sent"


class OutgoingEmailQuerySet(models.QuerySet):
    def due(self, now: datetime.datetime | None = None) -> "OutgoingEmailQuerySet":
        return self.filter(status=EmailStatus.PENDING, next_attempt_at__lte=now or timezone.now())


class OutgoingEmail(models.Model):
    """One email in the outbox. Pending until the mail server takes it; a failure is recorded
    and tried again later, so no email is dropped."""

    message = models.ForeignKey(
        ContactMessage, on_delete=models.CASCADE, related_name="emails", null=True
    )
    purpose = models.CharField(max_length=20, choices=EmailPurpose)
    to = models.EmailField()
    subject = models.CharField(max_length=200)
    body = models.TextField()
    status = models.CharField(max_length=10, choices=EmailStatus, default=EmailStatus.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    last_error = models.CharField(max_length=300, blank=True)
    created_at = models.DateTimeField(default=timezone.now)
    next_attempt_at = models.DateTimeField(default=timezone.now, db_index=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    objects = OutgoingEmailQuerySet.as_manager()

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = "outgoing email"
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=EmailStatus.values), name="email_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(status=EmailStatus.SENT, sent_at__isnull=False)
                | Q(status=EmailStatus.PENDING, sent_at__isnull=True),
                name="email_sent_has_time",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_purpose_display()}: {self.subject}"


RICH_TEXT_HELP = "Headings, lists, links, bold, quotes and tables from the toolbar."


class ConsultationQuerySet(models.QuerySet):
    def public(self, now: datetime.datetime | None = None) -> "ConsultationQuerySet":
        """Consultations the public may see at this moment: published, and opened.

        As with news, the time of the request decides: one that opens tomorrow appears
        tomorrow with nothing having to run. `Consultation.is_public()` states it for one."""
        return self.filter(published=True, opens_at__lte=now or timezone.now())

    def open(self, now: datetime.datetime | None = None) -> "ConsultationQuerySet":
        """Open now, the one closing soonest first."""
        now = now or timezone.now()
        return self.public(now).filter(closes_at__gt=now).order_by("closes_at", "pk")

    def closed(self, now: datetime.datetime | None = None) -> "ConsultationQuerySet":
        """Closed, the one closed most recently first."""
        now = now or timezone.now()
        return self.public(now).filter(closes_at__lte=now).order_by("-closes_at", "-pk")


class ConsultationManager(SlugNaturalKeyManager.from_queryset(ConsultationQuerySet)):
    pass


class Consultation(NamedBySlug, VersionedModel):
    """A consultation or engagement exercise: what it asks, who runs it, when it is open, how
    to take part, and once closed, what people said and what was done about it."""

    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences: shown in the list of consultations."
    )
    description = RichTextField("what it is about", help_text=RICH_TEXT_HELP)
    run_by = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="consultations",
        help_text="The partner running it. Empty: the partnership as a whole.",
    )
    opens_at = models.DateTimeField(
        "opens at", help_text="UK time. It appears on the site at this moment, if published."
    )
    closes_at = models.DateTimeField(
        "closes at",
        help_text="UK time. From this moment it is listed as closed, with its outcome.",
    )
    survey_url = models.URLField(
        "survey link", blank=True, help_text="An online survey people can fill in, if there is one."
    )
    events = RichTextField(
        "events",
        blank=True,
        help_text="Meetings or drop-in sessions: when, where and how to book. " + RICH_TEXT_HELP,
    )
    by_contact_form = models.BooleanField(
        "take part through the contact form",
        default=False,
        help_text="Offer the site's contact form, with “Having your say on our plans” chosen.",
    )
    you_said = RichTextField(
        "you said", blank=True, help_text="Once closed: what people told us. " + RICH_TEXT_HELP
    )
    we_did = RichTextField(
        "we did", blank=True, help_text="Once closed: what was done about it. " + RICH_TEXT_HELP
    )
    published = models.BooleanField(
        default=False,
        help_text="Unticked: a draft nobody else sees. Ticked: public from its opening time.",
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = ConsultationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-closes_at", "-pk"]
        constraints = [
            models.CheckConstraint(
                condition=Q(closes_at__gt=models.F("opens_at")),
                name="consultation_closes_after_it_opens",
            ),
            models.CheckConstraint(
                condition=~Q(survey_url="") | ~Q(events="") | Q(by_contact_form=True),
                name="consultation_has_a_way_to_take_part",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="consultation_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("engagement:consultation", self.slug)

    def clean(self):
        errors = {}
        if self.opens_at and self.closes_at and self.closes_at <= self.opens_at:
            errors["closes_at"] = "The closing time must be after the opening time."
        if not (self.survey_url or self.events.strip() or self.by_contact_form):
            errors["by_contact_form"] = (
                "Say how people take part: a survey link, events, or the contact form."
            )
        if errors:
            raise ValidationError(errors)

    def is_public(self, now: datetime.datetime | None = None) -> bool:
        return self.published and self.opens_at <= (now or timezone.now())

    def is_open(self, now: datetime.datetime | None = None) -> bool:
        now = now or timezone.now()
        return self.is_public(now) and now < self.closes_at

    @property
    def status(self) -> str:
        """For staff: Draft, Scheduled (not yet open), Open or Closed."""
        now = timezone.now()
        if not self.published:
            return "Draft"
        if now < self.opens_at:
            return "Scheduled"
        return "Open" if now < self.closes_at else "Closed"

    @property
    def description_html(self) -> str:
        return render_rich_text(self.description)

    @property
    def events_html(self) -> str:
        return render_rich_text(self.events)

    @property
    def you_said_html(self) -> str:
        return render_rich_text(self.you_said)

    @property
    def we_did_html(self) -> str:
        return render_rich_text(self.we_did)
