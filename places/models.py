"""Integrated care systems, their places and neighbourhoods, and the dated journey milestones."""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format
from simple_history.models import HistoricalRecords

from core.models import SlugNaturalKeyManager, SourcedModel, VersionedModel

# The seed documents describe neighbourhoods of 30,000 to 50,000 people.
NEIGHBOURHOOD_POPULATION_RANGE = (30_000, 50_000)


class SystemStatus(models.TextChoices):
    STP = "stp", "Sustainability and transformation partnership"
    ACS = "acs", "Accountable care system"
    ICS = "ics", "Integrated care system (non-statutory)"
    STATUTORY = "statutory", "Statutory integrated care system"


class SystemQuerySet(models.QuerySet):
    def portal(self) -> "IntegratedCareSystem":
        """The system this portal is for (settings.PORTAL_SYSTEM_SLUG); 404 if not loaded."""
        return get_object_or_404(self, slug=settings.PORTAL_SYSTEM_SLUG)


class SystemManager(SlugNaturalKeyManager.from_queryset(SystemQuerySet)):
    pass


class IntegratedCareSystem(VersionedModel, SourcedModel):
    name = models.CharField(max_length=200, unique=True)
    short_name = models.CharField(max_length=60, help_text="For example “SY ICS”.")
    slug = models.SlugField(max_length=80, unique=True)
    status = models.CharField(max_length=20, choices=SystemStatus, blank=True)
    status_since = models.DateField(null=True, blank=True)
    area = models.TextField(blank=True, help_text="The areas the system covers, in words.")
    vision = models.TextField(blank=True, help_text="The partnership's own statement.")
    who_we_are = models.TextField(blank=True)
    how_we_work = models.TextField(blank=True)
    stated_population = models.PositiveIntegerField(
        null=True, blank=True, help_text="The population the partnership itself states."
    )
    stated_population_note = models.CharField(max_length=300, blank=True)
    stated_neighbourhood_count = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The number of neighbourhoods the partnership states."
    )
    website = models.URLField(blank=True)

    objects = SystemManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]
        verbose_name = "integrated care system"
        constraints = [
            models.CheckConstraint(
                condition=Q(stated_population__isnull=True) | Q(stated_population__gt=0),
                name="system_stated_population_positive",
            ),
            models.CheckConstraint(
                condition=Q(status="") | Q(status__in=SystemStatus.values),
                name="system_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def structured_data(self, url: str) -> dict:
        """schema.org description of the system, for JSON-LD."""
        data = {
            "@context": "https://schema.org",
            "@type": "GovernmentOrganization",
            "name": self.name,
            "alternateName": self.short_name,
            "url": url,
            "description": self.vision,
        }
        if self.source_url:
            data["sameAs"] = [self.source_url]
        return data

    @property
    def next_status(self) -> str | None:
        """The next step on the path to statutory status, or None once there."""
        order = list(SystemStatus.values)
        if not self.status:
            return None
        position = order.index(self.status)
        return SystemStatus(order[position + 1]).label if position + 1 < len(order) else None


class PlaceQuerySet(models.QuerySet):
    def current(self, on: datetime.date | None = None) -> "PlaceQuerySet":
        """Places that are part of their system today (or on a given date)."""
        on = on or timezone.localdate()
        return self.filter(Q(active_to__isnull=True) | Q(active_to__gte=on))

    def former(self, on: datetime.date | None = None) -> "PlaceQuerySet":
        on = on or timezone.localdate()
        return self.filter(active_to__lt=on)

    def of_system(self, slug: str) -> "PlaceQuerySet":
        return self.filter(system__slug=slug)

    def with_counts(self) -> "PlaceQuerySet":
        return self.select_related("system").annotate(
            neighbourhood_count=models.Count("neighbourhoods", distinct=True)
        )

    def population_total(self) -> dict:
        """The summed population, with the range of years the figures refer to."""
        return self.aggregate(
            total=models.Sum("population"),
            counted=models.Count("population"),
            places=models.Count("pk"),
            first_year=models.Min("population_year"),
            last_year=models.Max("population_year"),
        )


class PlaceManager(SlugNaturalKeyManager.from_queryset(PlaceQuerySet)):
    pass


class Place(VersionedModel, SourcedModel):
    """A place: a local authority area where partners plan together (a "place partnership")."""

    system = models.ForeignKey(
        IntegratedCareSystem, on_delete=models.PROTECT, related_name="places"
    )
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    population = models.PositiveIntegerField(null=True, blank=True)
    population_year = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The year the population figure refers to."
    )
    population_series = models.CharField(
        max_length=200, blank=True, help_text="For example “ONS mid-year estimate”."
    )
    population_source_url = models.URLField(blank=True)
    gss_code = models.CharField(
        "GSS code", max_length=9, blank=True, help_text="ONS code of the local authority area."
    )
    previous_gss_code = models.CharField("previous GSS code", max_length=9, blank=True)
    gss_code_since = models.DateField("GSS code in use since", null=True, blank=True)
    plan_summary = models.TextField("place plan summary", blank=True)
    priorities = models.TextField(
        "place plan priorities", blank=True, help_text="One priority a line."
    )
    active_to = models.DateField(
        null=True, blank=True, help_text="The last day this place was part of the system."
    )
    note = models.TextField(blank=True)

    objects = PlaceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["system__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["system", "name"], name="place_unique_name_in_system"),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population__gt=0),
                name="place_population_positive",
            ),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population_year__isnull=False),
                name="place_population_has_year",
            ),
            models.CheckConstraint(
                condition=Q(population_year__isnull=True)
                | Q(population_year__gte=1800, population_year__lte=2100),
                name="place_population_year_plausible",
            ),
        ]

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def get_absolute_url(self) -> str:
        return reverse("places:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.population is not None and self.population_year is None:
            raise ValidationError({"population_year": "Give the year the population refers to."})

    @property
    def priority_list(self) -> list[str]:
        return [line.strip() for line in self.priorities.splitlines() if line.strip()]


class Neighbourhood(VersionedModel, SourcedModel):
    """A neighbourhood (primary care network area) of roughly 30,000 to 50,000 people."""

    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="neighbourhoods")
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80)
    population = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Leave empty when unknown. Values outside 30,000–50,000 are allowed but flagged.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["place__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["place", "slug"], name="neighbourhood_unique_slug"),
            models.UniqueConstraint(fields=["place", "name"], name="neighbourhood_unique_name"),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population__gt=0),
                name="neighbourhood_population_positive",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.name} ({self.place})"

    def natural_key(self) -> tuple[str, str]:
        return (self.place.slug, self.slug)

    natural_key.dependencies = ["places.place"]

    @property
    def population_outside_range(self) -> bool:
        """True when a known population lies outside the partnership's stated range."""
        low, high = NEIGHBOURHOOD_POPULATION_RANGE
        return self.population is not None and not low <= self.population <= high


class DatePrecision(models.TextChoices):
    DAY = "day", "Day"
    MONTH = "month", "Month"
    YEAR = "year", "Year"


class MilestoneQuerySet(models.QuerySet):
    def in_order(self) -> "MilestoneQuerySet":
        return self.order_by("date", "title")

    def reached(self, on: datetime.date | None = None) -> "MilestoneQuerySet":
        return self.filter(date__lte=on or timezone.localdate())


class Milestone(VersionedModel, SourcedModel):
    """A dated step on a system's journey, shown on the timeline."""

    system = models.ForeignKey(
        IntegratedCareSystem, on_delete=models.PROTECT, related_name="milestones"
    )
    slug = models.SlugField(max_length=80)
    title = models.CharField(max_length=200)
    date = models.DateField(help_text="For a month or a year, the first day of it.")
    precision = models.CharField(max_length=5, choices=DatePrecision, default=DatePrecision.DAY)
    end_date = models.DateField(null=True, blank=True, help_text="For a period, its last month.")
    description = models.TextField(blank=True)

    objects = MilestoneQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["date", "title"]
        constraints = [
            models.UniqueConstraint(fields=["system", "slug"], name="milestone_unique_slug"),
            models.CheckConstraint(
                condition=Q(end_date__isnull=True) | Q(end_date__gte=models.F("date")),
                name="milestone_end_after_start",
            ),
            models.CheckConstraint(
                condition=Q(precision__in=DatePrecision.values), name="milestone_precision_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.display_date}: {self.title}"

    def natural_key(self) -> tuple[str, str]:
        return (self.system.slug, self.slug)

    def clean(self):
        if self.end_date and self.date and self.end_date < self.date:
            raise ValidationError({"end_date": "The end cannot come before the start."})
        if self.date and self.precision == DatePrecision.MONTH and self.date.day != 1:
            raise ValidationError({"date": "For a month, give the first day of the month."})
        if (
            self.date
            and self.precision == DatePrecision.YEAR
            and self.date.timetuple()[1:3]
            != (
                1,
                1,
            )
        ):
            raise ValidationError({"date": "For a year, give 1 January of that year."})

    def _format(self, value: datetime.date) -> str:
        if self.precision == DatePrecision.YEAR:
            return str(value.year)
        if self.precision == DatePrecision.MONTH:
            return date_format(value, "F Y")
        return date_format(value, "j F Y")

    @property
    def display_date(self) -> str:
        """The date as precisely as it is known: “2015”, “January 2016”, “11 February 2021”."""
        text = self._format(self.date)
        if self.end_date:
            text = f"{text} to {self._format(self.end_date)}"
        return text

    @property
    def iso_date(self) -> str:
        """For <time datetime>: only as precise as the fact."""
        if self.precision == DatePrecision.YEAR:
            return f"{self.date:%Y}"
        if self.precision == DatePrecision.MONTH:
            return f"{self.date:%Y-%m}"
        return self.date.isoformat()
