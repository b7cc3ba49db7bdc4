"""Provider collaboratives and place alliances, with memberships and governance stages."""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.dates import format_date
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
from partners.models import Organisation
from places.models import DatePrecision, IntegratedCareSystem, Place


class AllianceKind(models.TextChoices):
    PROVIDER_COLLABORATIVE = "provider_collaborative", "Provider collaborative"
    PLACE_ALLIANCE = "place_alliance", "Place alliance"


class Stage(models.TextChoices):
    """Governance stages in the order an alliance passes through them."""

    PROPOSED = "proposed", "Proposed"
    SHADOW = "shadow", "Shadow form"
    FORMAL = "formal", "Formalised"
    STATUTORY = "statutory", "Statutory"


STAGE_ORDER = list(Stage.values)


class AllianceQuerySet(models.QuerySet):
    def of_kind(self, kind: str) -> "AllianceQuerySet":
        return self.filter(kind=kind)

    # The prefetches go to plain lists (to_attr): Django then builds no QuerySet per row,
    # which is most of the rendering time on a page listing many alliances.
    def with_members(self) -> "AllianceQuerySet":
        """Every member of each alliance, prefetched: only for a few alliances with few
        members (an alliance's own page pages its members through `memberships`)."""
        return self.with_stages().prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.in_roster_order(),
                to_attr="member_list",
            ),
        )

    def with_member_count(self) -> "AllianceQuerySet":
        """Each alliance's stages and the number of its members (`member_count`), for a list
        of alliances: counting in the database keeps the list's cost flat however many
        members each alliance has."""
        return self.with_stages().annotate(member_count=count_of(Membership, "alliance"))

    def with_stages(self) -> "AllianceQuerySet":
        return self.select_related("system", "place").prefetch_related(
            Prefetch(
                "stages",
                queryset=GovernanceStage.objects.order_by("started_on"),
                to_attr="stage_list",
            )
        )


class AllianceManager(SlugNaturalKeyManager.from_queryset(AllianceQuerySet)):
    pass


class Alliance(NamedBySlug, VersionedModel, SourcedModel):
    name = models.CharField(max_length=200, unique=True)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=30, choices=AllianceKind)
    system = models.ForeignKey(
        IntegratedCareSystem,
        on_delete=models.PROTECT,
        related_name="alliances",
        help_text="The integrated care system it works in.",
    )
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="alliances",
        help_text="For a place alliance, its place.",
    )
    purpose = models.TextField(blank=True)
    description = models.TextField(blank=True)
    established = models.DateField(null=True, blank=True)
    established_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )

    objects = AllianceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=AllianceKind.values), name="alliance_kind_valid"
            ),
            models.CheckConstraint(
                condition=~Q(kind=AllianceKind.PLACE_ALLIANCE) | Q(place__isnull=False),
                name="place_alliance_has_place",
            ),
            *sourced_constraints("alliance"),
        ]

    def get_absolute_url(self) -> str:
        if self.kind == AllianceKind.PROVIDER_COLLABORATIVE:
            return slug_url("alliances:collaborative-detail", self.slug)
        return slug_url("alliances:detail", self.slug)

    def clean(self):
        if self.kind == AllianceKind.PLACE_ALLIANCE and not self.place_id:
            raise ValidationError({"place": "A place alliance needs its place."})
        if self.place_id and self.system_id and self.place.system_id != self.system_id:
            raise ValidationError({"place": "The place must be in the alliance's system."})

    @property
    def established_display(self) -> str:
        return format_date(self.established, self.established_precision)

    def current_stage(self, on: datetime.date | None = None) -> "GovernanceStage | None":
        """The latest stage started on or before the date (uses prefetched stages)."""
        on = on or timezone.localdate()
        stages = self.stage_list if hasattr(self, "stage_list") else self.stages.all()
        started = [s for s in stages if s.started_on and s.started_on <= on]
        return max(started, key=lambda s: (s.started_on, s.order), default=None)

    def next_stage(self, on: datetime.date | None = None) -> str | None:
        """The stage that follows the current one on the way to being formalised.

        Formalising is where an alliance's own path ends; becoming statutory is a matter of
        national legislation, so it is never shown as an alliance's next step.
        """
        path = [Stage.PROPOSED, Stage.SHADOW, Stage.FORMAL]
        current = self.current_stage(on)
        if current is None:
            return None
        if current.stage not in path or current.stage == Stage.FORMAL:
            return None
        return path[path.index(current.stage) + 1].label


class GovernanceStage(VersionedModel, SourcedModel):
    """A stage in an alliance's governance: proposed, shadow form, formalised, statutory."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="stages")
    stage = models.CharField(max_length=20, choices=Stage)
    started_on = models.DateField(null=True, blank=True)
    started_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    ended_on = models.DateField(null=True, blank=True)
    ended_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    note = models.TextField(blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["alliance__name", "started_on"]
        constraints = [
            models.UniqueConstraint(fields=["alliance", "stage"], name="stage_once_per_alliance"),
            models.CheckConstraint(
                condition=Q(stage__in=Stage.values), name="governance_stage_valid"
            ),
            models.CheckConstraint(
                condition=Q(ended_on__isnull=True)
                | (Q(started_on__isnull=False) & Q(ended_on__gte=models.F("started_on"))),
                name="stage_ends_after_start",
            ),
            *sourced_constraints("governance_stage"),
        ]

    def __str__(self) -> str:
        return f"{self.alliance}: {self.get_stage_display()}"

    def clean(self):
        if self.ended_on and (not self.started_on or self.ended_on < self.started_on):
            raise ValidationError({"ended_on": "A stage cannot end before it starts."})

    @property
    def started_display(self) -> str:
        return format_date(self.started_on, self.started_precision)

    @property
    def ended_display(self) -> str:
        return format_date(self.ended_on, self.ended_precision)

    @property
    def order(self) -> int:
        return STAGE_ORDER.index(self.stage)


class Role(models.TextChoices):
    CHAIR = "chair", "Chair"
    MEMBER = "member", "Member"
    LEAD = "lead", "Lead provider"
    REPRESENTATIVE = "representative", "Representative"


class MembershipQuerySet(models.QuerySet):
    def in_roster_order(self) -> "MembershipQuerySet":
        """Members as an alliance's page lists them: by role (chair first), then by name
        (the primary key last, so that pages of the list neither repeat nor skip a member)."""
        return self.select_related("organisation").order_by(
            "role", "organisation__name", "represented_group", "pk"
        )


class Membership(VersionedModel, SourcedModel):
    """An organisation's (or a represented group's) place in an alliance."""

    alliance = models.ForeignKey(Alliance, on_delete=models.CASCADE, related_name="memberships")
    organisation = models.ForeignKey(
        Organisation,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="memberships",
    )
    represented_group = models.CharField(
        max_length=200,
        blank=True,
        help_text="When the member is a group represented collectively, not one organisation: "
        "for example “Representatives of primary care networks”.",
    )
    role = models.CharField(max_length=20, choices=Role, default=Role.MEMBER)
    role_note = models.CharField(max_length=300, blank=True)
    joined_on = models.DateField(null=True, blank=True)
    left_on = models.DateField(null=True, blank=True)

    objects = MembershipQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["alliance__name", "organisation__name", "represented_group"]
        constraints = [
            models.UniqueConstraint(
                fields=["alliance", "organisation"],
                condition=Q(organisation__isnull=False),
                name="membership_unique_organisation",
            ),
            models.UniqueConstraint(
                fields=["alliance", "represented_group"],
                condition=~Q(represented_group=""),
                name="membership_unique_group",
            ),
            models.CheckConstraint(
                condition=(Q(organisation__isnull=False) & Q(represented_group=""))
                | (Q(organisation__isnull=True) & ~Q(represented_group="")),
                name="membership_names_one_member",
            ),
            models.CheckConstraint(condition=Q(role__in=Role.values), name="membership_role_valid"),
            dates_in_order("joined_on", "left_on", name="membership_dates_ordered"),
            *sourced_constraints("membership"),
        ]

    def __str__(self) -> str:
        return f"{self.member_name} in {self.alliance}"

    @property
    def member_name(self) -> str:
        return self.organisation.name if self.organisation_id else self.represented_group

    def clean(self):
        if bool(self.organisation_id) == bool(self.represented_group.strip()):
            raise ValidationError(
                "Choose an organisation, or name the represented group, but not both."
            )
        check_dates_in_order(
            self.joined_on,
            self.left_on,
            field="left_on",
            message="Leaving cannot come before joining.",
        )
