"""Boards and committees (bodies), their members, and their meetings held in public."""

import datetime
from typing import NamedTuple
from zoneinfo import ZoneInfo

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.db.models import Case, F, Prefetch, Q, Value, When
from django.utils import timezone
from simple_history.models import HistoricalRecords

from alliances.models import Alliance
from core.links import slug_url
from core.models import (
    NamedBySlug,
    SlugNaturalKeyManager,
    SourcedModel,
    VersionedModel,
    check_dates_in_order,
    count_of,
    dates_in_order,
    sourced_constraints,
)
from documents.models import Document
from partners.models import Organisation
from places.models import IntegratedCareSystem

# Meetings are published in UK time; a meeting's date and time are wall-clock times there.
UK = ZoneInfo("Europe/London")

# Paths under /governance/ that are pages, not bodies: no body may take them as its slug.
RESERVED_SLUGS = ["bodies", "meetings", "registers"]


def uk_time_display(moment: datetime.datetime | datetime.time) -> str:
    """A time as NHS.UK writes it: 10am, 2:30pm, midday, midnight."""
    if (moment.hour, moment.minute) == (12, 0):
        return "midday"
    if (moment.hour, moment.minute) == (0, 0):
        return "midnight"
    minutes = f":{moment.minute:02d}" if moment.minute else ""
    return f"{moment.hour % 12 or 12}{minutes}{'am' if moment.hour < 12 else 'pm'}"


def uk_date_display(day: datetime.date) -> str:
    return f"{day:%A} {day.day} {day:%B %Y}"


class BodyKind(models.TextChoices):
    INTEGRATED_CARE_BOARD = "icb", "Integrated care board"
    INTEGRATED_CARE_PARTNERSHIP = "icp", "Integrated care partnership"
    PLACE = "place", "Place committee or partnership"
    ALLIANCE_BOARD = "alliance_board", "Alliance board"
    COLLABORATIVE_COMMITTEE = "collaborative_committee", "Provider collaborative committee"
    COUNCIL = "council", "Council executive or committee"


class BodyQuerySet(models.QuerySet):
    def with_context(self) -> "BodyQuerySet":
        return self.select_related("system", "alliance")

    def in_list_order(self) -> "BodyQuerySet":
        """As the governance pages list bodies: by system, then by name (names are unique)."""
        return self.with_context().order_by("system__name", "name")

    def with_member_count(self) -> "BodyQuerySet":
        """With `member_count`, counted in the database: a body's page shows its first few
        members and says how many there are in all."""
        return self.with_context().annotate(member_count=count_of(BodyMember, "body"))

    def with_registers(self, *, rows_each: int) -> "BodyQuerySet":
        """Bodies by system with their registers: each body's review date, its number of
        declared interests, and its first `rows_each` of them (one query for all bodies'
        rows, however many each has)."""
        return (
            self.with_context()
            .select_related("interest_register")
            .annotate(interest_count=count_of(DeclaredInterest, "body"))
            .prefetch_related(
                Prefetch(
                    "declared_interests",
                    queryset=DeclaredInterest.objects.in_register_order()[:rows_each],
                    to_attr="interests_shown",
                )
            )
            .order_by("system__name", "name")
        )


class BodyManager(SlugNaturalKeyManager.from_queryset(BodyQuerySet)):
    pass


class Body(NamedBySlug, VersionedModel, SourcedModel):
    """A board or committee that meets in public: an integrated care board, a partnership, an
    alliance board. Its rule for public questions is data, so each deadline is computed."""

    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=BodyKind)
    purpose = models.TextField(blank=True)
    attending = models.TextField(
        "how to attend", blank=True, help_text="How the public can attend or watch its meetings."
    )
    system = models.ForeignKey(
        IntegratedCareSystem, on_delete=models.PROTECT, related_name="bodies"
    )
    # A body's record outlives its alliance's: deleting the alliance only unlinks it.
    alliance = models.ForeignKey(
        Alliance,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="bodies",
        help_text="For an alliance's or collaborative's board or committee.",
    )
    question_deadline_hours = models.PositiveSmallIntegerField(
        null=True,
        blank=True,
        help_text="Public questions close this many hours before a meeting starts. Empty when "
        "the body publishes no rule.",
    )
    question_how = models.TextField(
        "how to send a question", blank=True, help_text="Where and how to send a question."
    )

    objects = BodyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name_plural = "bodies"
        constraints = [
            models.CheckConstraint(condition=Q(kind__in=BodyKind.values), name="body_kind_valid"),
            models.CheckConstraint(
                condition=~Q(slug__in=RESERVED_SLUGS), name="body_slug_not_reserved"
            ),
            *sourced_constraints("body"),
        ]

    def get_absolute_url(self) -> str:
        return slug_url("governance:body", self.slug)

    def clean(self):
        if self.slug in RESERVED_SLUGS:
            raise ValidationError({"slug": f"“{self.slug}” is the address of another page."})
        if self.alliance_id and self.system_id and self.alliance.system_id != self.system_id:
            raise ValidationError({"alliance": "The alliance must be in the body's system."})

    @property
    def question_rule(self) -> str:
        if self.question_deadline_hours is None:
            return ""
        hours = self.question_deadline_hours
        return f"Questions by {hours} hour{'' if hours == 1 else 's'} before the meeting starts."


class MemberRole(models.TextChoices):
    CHAIR = "chair", "Chair"
    VICE_CHAIR = "vice_chair", "Vice chair"
    CHIEF_EXECUTIVE = "chief_executive", "Chief executive"
    MEMBER = "member", "Member"


# Chair first, then vice chair, chief executive and members, by name.
ROLE_ORDER = Case(
    *[When(role=role, then=n) for n, role in enumerate(MemberRole.values)],
    default=len(MemberRole.values),
)


class BodyMemberQuerySet(models.QuerySet):
    def in_seat_order(self) -> "BodyMemberQuerySet":
        """One body's members as its page lists them, each with its organisation: chair first,
        then vice chair, chief executive and members, by name. Ties (seats that name only an
        organisation) fall back to the organisation and the pk, so pages never overlap."""
        return self.select_related("organisation").order_by(
            ROLE_ORDER, "person_name", "organisation__name", "pk"
        )


class BodyMember(VersionedModel, SourcedModel):
    """A seat on a body: the person's name only where a source names them."""

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="members")
    person_name = models.CharField(
        max_length=200, blank=True, help_text="Only as a published source names them."
    )
    role = models.CharField(max_length=20, choices=MemberRole, default=MemberRole.MEMBER)
    title = models.CharField(
        max_length=300, blank=True, help_text="Their post, as the source gives it."
    )
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="body_seats",
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    objects = BodyMemberQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", ROLE_ORDER, "person_name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(role__in=MemberRole.values), name="body_member_role_valid"
            ),
            models.CheckConstraint(
                condition=~Q(person_name="") | Q(organisation__isnull=False),
                name="body_member_names_someone",
            ),
            dates_in_order("started_on", "ended_on", name="body_member_dates_ordered"),
            *sourced_constraints("body_member"),
        ]

    def __str__(self) -> str:
        who = self.person_name or self.organisation.name
        return f"{who}, {self.get_role_display()} of {self.body}"

    def clean(self):
        if not self.person_name.strip() and not self.organisation_id:
            raise ValidationError(
                "Name the person (where a source names them) or the organisation."
            )
        check_dates_in_order(
            self.started_on,
            self.ended_on,
            field="ended_on",
            message="A seat cannot end before it starts.",
        )


class MeetingStatus(models.TextChoices):
    UPCOMING = "upcoming", "Upcoming"
    HELD = "held", "Held"
    POSTPONED = "postponed", "Postponed"
    CANCELLED = "cancelled", "Cancelled"


NEEDS_REASON = [MeetingStatus.POSTPONED, MeetingStatus.CANCELLED]


class MeetingQuerySet(models.QuerySet):
    def in_listing_order(self, today: datetime.date | None = None) -> "MeetingQuerySet":
        """Upcoming meetings first, soonest first; then past ones, newest first."""
        today = today or timezone.localdate()
        coming = Q(date__gte=today)
        return self.annotate(
            coming_date=Case(When(coming, then=F("date"))),
            coming_time=Case(When(coming, then=F("start_time"))),
            past_date=Case(When(~coming, then=F("date"))),
            past_time=Case(When(~coming, then=F("start_time"))),
        ).order_by(
            F("coming_date").asc(nulls_last=True),
            F("coming_time").asc(nulls_last=True),
            F("past_date").desc(nulls_last=True),
            F("past_time").desc(nulls_last=True),
            "slug",
        )

    def upcoming(self, today: datetime.date | None = None) -> "MeetingQuerySet":
        """Soonest first, as in_listing_order puts them, by the (body, date) index's order."""
        return self.filter(date__gte=today or timezone.localdate()).order_by(
            "date", F("start_time").asc(nulls_last=True), "slug"
        )

    def past(self, today: datetime.date | None = None) -> "MeetingQuerySet":
        """Newest first, as in_listing_order puts them, by the (body, date) index's order."""
        return self.filter(date__lt=today or timezone.localdate()).order_by(
            "-date", F("start_time").desc(nulls_last=True), "slug"
        )

    def with_body(self) -> "MeetingQuerySet":
        return self.select_related("body")

    def with_papers(self) -> "MeetingQuerySet":
        """With the agenda (each item's papers), the papers and the minutes, each document
        with its alternative formats: a meeting's page in a constant number of queries."""
        documents = Document.objects.with_alternatives()
        return self.select_related("body", "minutes__alternative_of").prefetch_related(
            Prefetch(
                "agenda_items",
                queryset=AgendaItem.objects.prefetch_related(Prefetch("papers", documents)),
            ),
            Prefetch(
                "paper_links",
                queryset=MeetingPaper.objects.select_related(
                    "document__alternative_of"
                ).prefetch_related(
                    Prefetch("document__alternatives", Document.objects.in_format_order())
                ),
            ),
            Prefetch("minutes__alternatives", Document.objects.in_format_order()),
        )

    def in_calendar(self, today: datetime.date | None = None) -> "MeetingQuerySet":
        """What the subscribable calendar may hold: upcoming meetings and those of the past
        twelve months, in listing order (the soonest upcoming first, then the most recent
        past), so that a cut at the calendar's limit keeps what a subscriber needs most."""
        today = today or timezone.localdate()
        try:
            year_ago = today.replace(year=today.year - 1)
        except ValueError:  # 29 February: a year back there is no such day
            year_ago = today.replace(year=today.year - 1, day=28)
        return self.filter(date__gte=year_ago).in_listing_order(today)

    def matching(self, *, body: Body | None = None, year: int | None = None) -> "MeetingQuerySet":
        """The meetings of one body and one year (the filter form's cleaned values)."""
        meetings = self
        if body is not None:
            meetings = meetings.filter(body=body)
        if year is not None:
            meetings = meetings.filter(date__year=year)
        return meetings


class Meeting(VersionedModel, SourcedModel):
    """A meeting of a body. Its date and time are UK wall-clock; an unpublished time stays
    empty, and the page says so."""

    body = models.ForeignKey(Body, on_delete=models.PROTECT, related_name="meetings")
    slug = models.SlugField(max_length=150, unique=True)
    date = models.DateField(help_text="The date in the UK.")
    start_time = models.TimeField(
        null=True, blank=True, help_text="UK time. Leave empty when it is not published."
    )
    summary = models.TextField(blank=True, help_text="What it considered or decided.")
    venue = models.CharField(max_length=200, blank=True)
    address = models.TextField(blank=True)
    online = models.BooleanField(default=False, help_text="Held online, or can be joined online.")
    stream_url = models.URLField("livestream or recording link", blank=True)
    status = models.CharField(max_length=10, choices=MeetingStatus, default=MeetingStatus.UPCOMING)
    status_reason = models.TextField(
        "reason", blank=True, help_text="Why it was postponed or cancelled (required then)."
    )
    # Papers not tied to an agenda item (the whole pack, public questions and answers), in
    # the order staff give them; an agenda item's own papers are on the item.
    papers = models.ManyToManyField(
        Document, through="MeetingPaper", related_name="meetings", blank=True
    )
    # PROTECT: deleting the document of published minutes would quietly turn the page into
    # "not published on this site yet", untrue of a public record. Staff unlink them first.
    minutes = models.ForeignKey(
        Document,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="minutes_of",
        help_text="The approved minutes, once published. Only for a meeting that was held.",
    )
    minutes_approved_on = models.DateField(
        null=True,
        blank=True,
        help_text="When the body approved the minutes, usually at its next meeting.",
    )

    objects = MeetingQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-date", "-start_time", "slug"]
        # A board's next and last few meetings are read from the first in order, not sorted;
        # the second finds the meetings from a date on (the calendar's year back) without a scan.
        indexes = [
            models.Index(fields=["body", "date"], name="meeting_body_date"),
            models.Index(fields=["date"], name="meeting_date"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(status__in=MeetingStatus.values), name="meeting_status_valid"
            ),
            models.CheckConstraint(
                condition=~Q(status__in=NEEDS_REASON) | ~Q(status_reason=""),
                name="meeting_postponed_or_cancelled_has_reason",
            ),
            models.CheckConstraint(
                condition=Q(minutes__isnull=True) | Q(status=MeetingStatus.HELD),
                name="meeting_minutes_only_when_held",
            ),
            models.CheckConstraint(
                condition=Q(minutes_approved_on__isnull=True)
                | Q(minutes_approved_on__gte=F("date")),
                name="meeting_minutes_approved_after_it",
            ),
            *sourced_constraints("meeting"),
        ]

    def __str__(self) -> str:
        return f"{self.body}: {self.date:%-d %B %Y}"

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def get_absolute_url(self) -> str:
        return slug_url("governance:meeting", self.slug)

    def clean(self):
        errors = {}
        if self.status in NEEDS_REASON and not self.status_reason.strip():
            errors["status_reason"] = "Say why the meeting was postponed or cancelled."
        if self.minutes_id and self.status != MeetingStatus.HELD:
            errors["minutes"] = "Only a meeting that was held has minutes: mark it held first."
        if self.minutes_approved_on and self.date and self.minutes_approved_on < self.date:
            errors["minutes_approved_on"] = "Minutes cannot be approved before the meeting."
        if errors:
            raise ValidationError(errors)

    @property
    def starts_at(self) -> datetime.datetime | None:
        """The start as an instant, or None while the time is not published."""
        if self.start_time is None:
            return None
        return datetime.datetime.combine(self.date, self.start_time, tzinfo=UK)

    @property
    def question_deadline(self) -> datetime.datetime | None:
        """When public questions close, in UK time: the body's rule counted back from the
        start in real hours (so across a clock change the wall-clock time may differ)."""
        hours = self.body.question_deadline_hours
        if self.starts_at is None or hours is None:
            return None
        instant = self.starts_at.astimezone(datetime.UTC) - datetime.timedelta(hours=hours)
        return instant.astimezone(UK)

    @property
    def date_display(self) -> str:
        return uk_date_display(self.date)

    @property
    def time_display(self) -> str:
        return uk_time_display(self.start_time) if self.start_time else ""

    @property
    def question_deadline_display(self) -> str:
        deadline = self.question_deadline
        if deadline is None:
            return ""
        return f"{uk_time_display(deadline)} on {uk_date_display(deadline.date())}"

    @property
    def papers_in_order(self) -> list[Document]:
        """Every paper once: those not tied to an item first, in their order, then each
        agenda item's, in agenda order. Reads what `with_papers()` prefetched."""
        papers = [link.document for link in self.paper_links.all()]
        papers += [paper for item in self.agenda_items.all() for paper in item.papers.all()]
        # A dict keeps each key where it first appeared: the first listing wins.
        return list({paper.pk: paper for paper in papers}.values())

    @property
    def is_called_off(self) -> bool:
        return self.status in NEEDS_REASON

    def questions_open(self, now: datetime.datetime | None = None) -> bool:
        deadline = self.question_deadline
        return (
            self.status == MeetingStatus.UPCOMING
            and deadline is not None
            and (now or timezone.now()) < deadline
        )


class AgendaItem(VersionedModel):
    """One item of a meeting's agenda, numbered as the published agenda numbers it, with the
    papers it considers. It shares its meeting's source."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="agenda_items")
    # The validator is the friendly form error; the check constraint is the guarantee.
    order = models.PositiveSmallIntegerField(
        "number", validators=[MinValueValidator(1)], help_text="Its number on the agenda."
    )
    title = models.CharField(max_length=300)
    description = models.TextField(blank=True)
    presenter = models.CharField(
        max_length=200, blank=True, help_text="Who presents it, as the agenda names them."
    )
    papers = models.ManyToManyField(Document, blank=True, related_name="agenda_items")

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order"]
        constraints = [
            # Checked by the admin's form too (Model.validate_constraints), with this message.
            models.UniqueConstraint(
                fields=["meeting", "order"],
                name="agenda_item_number_unique_per_meeting",
                violation_error_message="The agenda already has an item with this number.",
            ),
            models.CheckConstraint(condition=Q(order__gte=1), name="agenda_item_number_positive"),
        ]

    def __str__(self) -> str:
        return f"{self.order}. {self.title}"

    def get_absolute_url(self) -> str:
        return f"{self.meeting.get_absolute_url()}#agenda-item-{self.order}"


class MeetingPaper(models.Model):
    """A paper of a meeting not tied to one agenda item, in the order staff give."""

    meeting = models.ForeignKey(Meeting, on_delete=models.CASCADE, related_name="paper_links")
    # PROTECT, as for minutes: a published paper leaves a meeting's page only by staff choice.
    document = models.ForeignKey(
        Document, on_delete=models.PROTECT, related_name="meeting_paper_links"
    )
    order = models.PositiveSmallIntegerField(default=1)

    history = HistoricalRecords()

    class Meta:
        ordering = ["meeting", "order", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["meeting", "document"], name="meeting_paper_listed_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.meeting}: {self.document}"

    def get_absolute_url(self) -> str:
        return self.meeting.get_absolute_url()


class PublishedPaper(NamedTuple):
    """A paper or the minutes of a meeting, as the papers feed lists it."""

    document: Document
    meeting: Meeting
    is_minutes: bool


def latest_papers(limit: int = 20) -> list[PublishedPaper]:
    """The papers and minutes most recently added to the site, newest first, each with its
    meeting: three queries however many there are. A document that is both a meeting paper and
    an agenda item's paper of the same meeting is listed once."""
    added = "document__added_at"
    links = (
        Meeting.objects.filter(minutes__isnull=False)
        .annotate(doc=F("minutes"), mtg=F("pk"), at=F("minutes__added_at"), minutes_of=Value(1))
        .values("doc", "mtg", "at", "minutes_of")
        .order_by()  # SQL allows no ORDER BY inside a UNION's parts; the whole is ordered below
        .union(
            MeetingPaper.objects.annotate(
                doc=F("document"), mtg=F("meeting"), at=F(added), minutes_of=Value(0)
            )
            .values("doc", "mtg", "at", "minutes_of")
            .order_by(),
            AgendaItem.papers.through.objects.annotate(
                doc=F("document"), mtg=F("agendaitem__meeting"), at=F(added), minutes_of=Value(0)
            )
            .values("doc", "mtg", "at", "minutes_of")
            .order_by(),
        )
        .order_by("-at", "-doc", "-mtg")[:limit]
    )
    links = list(links)
    documents = Document.objects.in_bulk({link["doc"] for link in links})
    meetings = Meeting.objects.with_body().in_bulk({link["mtg"] for link in links})
    return [
        PublishedPaper(documents[link["doc"]], meetings[link["mtg"]], bool(link["minutes_of"]))
        for link in links
    ]


# Registers of interests. Each body keeps a register of what its members (and others who
# take part in its decisions) have declared. A register that has never been reviewed here says
# so, rather than "no interests declared": an empty table is a claim only once it has been
# reviewed.


class InterestRegister(VersionedModel, SourcedModel):
    """A body's register of interests as published here: when it was last reviewed, and where
    the body publishes its own copy (the source). A body without one has not had its register
    published on this site yet."""

    body = models.OneToOneField(Body, on_delete=models.CASCADE, related_name="interest_register")
    reviewed_on = models.DateField(
        "last reviewed",
        null=True,
        blank=True,
        help_text="When the register was last reviewed, as the body states it. Leave empty "
        "until the register is published here; once set, an empty register reads “No "
        "interests were declared at the last review”.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name"]
        constraints = [*sourced_constraints("interest_register")]

    def __str__(self) -> str:
        return f"Register of interests of the {self.body}"

    def get_absolute_url(self) -> str:
        return slug_url("governance:interests", self.body.slug)

    def clean(self):
        if self.reviewed_on and self.reviewed_on > timezone.localdate():
            raise ValidationError({"reviewed_on": "A review date cannot be in the future."})


class InterestKind(models.TextChoices):
    """The categories of NHS England's guidance "Managing conflicts of interest in the NHS"."""

    FINANCIAL = "financial", "Financial"
    NON_FINANCIAL_PROFESSIONAL = "non_financial_professional", "Non-financial professional"
    NON_FINANCIAL_PERSONAL = "non_financial_personal", "Non-financial personal"
    INDIRECT = "indirect", "Indirect"


# A register reads person by person, each person's interests oldest first.
REGISTER_ORDER = ["person_name", F("started_on").asc(nulls_first=True), "pk"]


class DeclaredInterestQuerySet(models.QuerySet):
    def in_register_order(self) -> "DeclaredInterestQuerySet":
        return self.select_related("member").order_by(*REGISTER_ORDER)


class DeclaredInterest(VersionedModel, SourcedModel):
    """One entry in a body's register: who declared what, of which kind, over which dates,
    and what was done about it. The entry names the person as the register does; it may also
    point at their seat on the body, where they hold one (officers and attendees declare too).
    """

    body = models.ForeignKey(Body, on_delete=models.CASCADE, related_name="declared_interests")
    person_name = models.CharField(
        "name", max_length=200, help_text="The person who declared it, as the register names them."
    )
    position = models.CharField(
        max_length=300, blank=True, help_text="Their role, as the register gives it."
    )
    # The entry still names the person if their seat record goes.
    member = models.ForeignKey(
        BodyMember,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="declared_interests",
        verbose_name="seat on the body",
        help_text="Their seat on this body, if they hold one.",
    )
    description = models.TextField("interest", help_text="The interest, as declared.")
    kind = models.CharField(
        "type",
        max_length=30,
        choices=InterestKind,
        help_text="Financial: a direct financial benefit from a decision. Non-financial "
        "professional: a benefit to their career or standing. Non-financial personal: a "
        "personal benefit that is neither. Indirect: a close associate has one of these.",
    )
    declared_on = models.DateField(null=True, blank=True)
    started_on = models.DateField("from", null=True, blank=True)
    ended_on = models.DateField("to", null=True, blank=True)
    action_taken = models.TextField(
        blank=True, help_text="What was done to manage it, as the register records it."
    )

    objects = DeclaredInterestQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["body__name", *REGISTER_ORDER]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=InterestKind.values), name="declared_interest_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(person_name=""), name="declared_interest_names_a_person"
            ),
            models.CheckConstraint(
                condition=~Q(description=""), name="declared_interest_says_what"
            ),
            dates_in_order("started_on", "ended_on", name="declared_interest_dates_ordered"),
            *sourced_constraints("declared_interest"),
        ]

    def __str__(self) -> str:
        return f"{self.person_name}: {self.get_kind_display().lower()} interest ({self.body})"

    def get_absolute_url(self) -> str:
        return slug_url("governance:interests", self.body.slug)

    def clean(self):
        if not self.person_name.strip():
            raise ValidationError({"person_name": "Name the person, as the register does."})
        if self.member_id and self.body_id and self.member.body_id != self.body_id:
            raise ValidationError({"member": "Choose a seat on this body, or none."})
        check_dates_in_order(
            self.started_on,
            self.ended_on,
            field="ended_on",
            message="An interest cannot end before it starts.",
        )

    @property
    def position_display(self) -> str:
        """Their role as the register gives it, else their seat on the body."""
        if self.position or self.member is None:
            return self.position
        return self.member.title or self.member.get_role_display()

    @property
    def dates_display(self) -> str:
        parts = []
        if self.started_on:
            parts.append(f"from {self.started_on:%-d %B %Y}")
        if self.ended_on:
            parts.append(f"to {self.ended_on:%-d %B %Y}")
        return " ".join(parts)
