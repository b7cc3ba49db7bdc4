"""Integrated care systems, their places and neighbourhoods, and the dated journey milestones."""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, Exists, F, OuterRef, Q, Sum, Window
from django.db.models.functions import RowNumber
from django.shortcuts import get_object_or_404
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.dates import DatePrecision, format_date, iso_date
from core.links import slug_url
from core.models import (
    CITATION_FIELDS,
    NamedBySlug,
    SlugNaturalKeyManager,
    SourcedModel,
    VersionedModel,
    check_dates_in_order,
    count_of,
    dates_in_order,
    distinct_citations,
    sourced_constraints,
)

__all__ = ["DatePrecision"]  # re-exported: alliances and older migrations import it from here

# The year of the last census: the year the partnership's stated figure is checked against.
CENSUS_YEAR = 2021

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
        # With its figures (places/figures.py), which the pages that show them read.
        return get_object_or_404(self.select_related("figures"), slug=settings.PORTAL_SYSTEM_SLUG)


class SystemManager(SlugNaturalKeyManager.from_queryset(SystemQuerySet)):
    pass


class IntegratedCareSystem(NamedBySlug, VersionedModel, SourcedModel):
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
    stated_population_words = models.CharField(
        max_length=60,
        blank=True,
        help_text="The stated population in the partnership's own words, e.g. “1.5 million”.",
    )
    stated_neighbourhood_count = models.PositiveSmallIntegerField(
        null=True, blank=True, help_text="The number of neighbourhoods the partnership states."
    )
    former_name = models.CharField(
        max_length=200, blank=True, help_text="The name it had before its current one."
    )
    renamed_on = models.DateField(
        null=True, blank=True, help_text="The first day of the current name."
    )
    renamed_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
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
            *sourced_constraints("system"),
        ]

    @property
    def is_portal(self) -> bool:
        """True for the system this portal is for (settings.PORTAL_SYSTEM_SLUG)."""
        return self.slug == settings.PORTAL_SYSTEM_SLUG

    def get_absolute_url(self) -> str:
        if self.is_portal:
            return reverse("places:journey")
        return slug_url("places:system-journey", self.slug)

    @property
    def renamed_display(self) -> str:
        return format_date(self.renamed_on, self.renamed_precision)

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
    def former_of(self, system: "IntegratedCareSystem") -> "PlaceQuerySet":
        """Places that were part of `system` and have left it."""
        return self.filter(
            system_memberships__system=system, system_memberships__ended_on__isnull=False
        ).exclude(system=system)

    def with_counts(self) -> "PlaceQuerySet":
        # Counted for each row shown, without grouping the page's rows on all their columns.
        return self.select_related("system").annotate(
            neighbourhood_count=count_of(Neighbourhood, "place")
        )

    def neighbourhood_totals(self) -> dict[str, int]:
        """What `neighbourhood_totals()` adds up, summed in the database in two queries: for
        each kind (by label, in the kinds' order), the places' named neighbourhoods, or the
        stated count where a place has none of that kind named. Grouped by kind over all the
        places at once, not summed from a count for each place (four subqueries a place: at a
        hundred times the data on PostgreSQL, 10.6 ms with the ORM's work, now 5.9)."""
        named = dict(
            Neighbourhood.objects.filter(place__in=self.values("pk"))
            .order_by()
            .values_list("kind")
            .annotate(number=Count("pk"))
        )
        any_named = Neighbourhood.objects.filter(place=OuterRef("place"), kind=OuterRef("kind"))
        counted = dict(
            NeighbourhoodCount.objects.filter(place__in=self.values("pk"))
            .exclude(Exists(any_named))
            .order_by()
            .values_list("kind")
            .annotate(number=Sum("count"))
        )
        totals = {kind: named.get(kind, 0) + counted.get(kind, 0) for kind in NeighbourhoodKind}
        return {kind.label: total for kind, total in totals.items() if total}

    def with_population(self) -> "PlaceQuerySet":
        """Each place with its latest population estimate as `population`, `population_year`
        and `population_series` (None where no estimate is recorded)."""
        latest = PopulationEstimate.objects.filter(place=models.OuterRef("pk")).order_by(
            "-year", "series"
        )
        return self.annotate(
            population=models.Subquery(latest.values("population")[:1]),
            population_year=models.Subquery(latest.values("year")[:1]),
            population_series=models.Subquery(latest.values("series")[:1]),
        )

    def largest(self) -> "PlaceQuerySet":
        """The places with a population figure, largest latest population first (then by
        name): every place is read and sorted, so pages read their first few's keys from the
        system's figures (places/figures.py) instead."""
        return (
            self.with_population()
            .filter(population__isnull=False)
            .order_by("-population", "name", "pk")
        )

    def population_total(self) -> dict:
        """The summed latest populations, the range of years they refer to, and the
        sources they come from (two queries, whatever the number of places)."""
        places = self.with_population()
        summary = places.aggregate(
            total=models.Sum("population"),
            counted=models.Count("population"),
            places=models.Count("pk"),
            first_year=models.Min("population_year"),
            last_year=models.Max("population_year"),
        )
        # The distinct citations behind the latest figures, as unsaved estimates, so they
        # render through the same citation template as any sourced record.
        citations = (
            PopulationEstimate.objects.filter(
                place__in=places.values("pk"), year=summary["last_year"]
            )
            .values("series", *CITATION_FIELDS)
            .order_by("series", "source")
            .distinct()
        )
        summary["citations"] = [PopulationEstimate(**row) for row in citations]
        return summary


class PlaceManager(SlugNaturalKeyManager.from_queryset(PlaceQuerySet)):
    pass


class Place(NamedBySlug, VersionedModel, SourcedModel):
    """A place: a local authority area where partners plan together (a "place partnership").

    `system` is the system the place is part of today; `system_memberships` keep every
    system it has been part of, with dates (Bassetlaw moved in July 2022).
    """

    system = models.ForeignKey(
        IntegratedCareSystem,
        on_delete=models.PROTECT,
        related_name="places",
        help_text="The system the place is part of today.",
    )
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80, unique=True)
    gss_code = models.CharField(
        "GSS code", max_length=9, blank=True, help_text="ONS code of the local authority area."
    )
    previous_gss_code = models.CharField("previous GSS code", max_length=9, blank=True)
    gss_code_since = models.DateField("GSS code in use since", null=True, blank=True)
    plan_title = models.CharField(
        "place plan", max_length=200, blank=True, help_text="The plan's title, as published."
    )
    plan_period = models.CharField(
        "plan period", max_length=40, blank=True, help_text="For example “2019 to 2024”."
    )
    plan_url = models.URLField("plan link", blank=True, help_text="Where the plan is published.")
    plan_source = models.CharField(
        max_length=300, blank=True, help_text="Where the plan is named, when not at its link."
    )
    priorities = models.TextField(
        "place plan priorities",
        blank=True,
        help_text="One priority a line, as the plan words them. Leave empty if not published.",
    )
    note = models.TextField(blank=True)

    objects = PlaceManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["system__name", "name"]
        constraints = [
            models.UniqueConstraint(fields=["system", "name"], name="place_unique_name_in_system"),
            models.CheckConstraint(
                condition=Q(previous_gss_code="") | Q(gss_code_since__isnull=False),
                name="place_previous_gss_code_has_date",
            ),
            *sourced_constraints("place"),
        ]

    def get_absolute_url(self) -> str:
        return slug_url("places:detail", self.slug)

    def clean(self):
        if self.previous_gss_code and not self.gss_code_since:
            raise ValidationError(
                {"gss_code_since": "Give the day the current code replaced the previous one."}
            )

    @property
    def priority_list(self) -> list[str]:
        return [line.strip() for line in self.priorities.splitlines() if line.strip()]

    @property
    def previous_gss_code_until(self) -> datetime.date | None:
        return self.gss_code_since - datetime.timedelta(days=1) if self.gss_code_since else None


class SystemMembership(SourcedModel):
    """A period in which a place was part of a system. Open-ended dates mean "not known"
    (a start) or "still is" (an end)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="system_memberships")
    system = models.ForeignKey(
        IntegratedCareSystem, on_delete=models.PROTECT, related_name="place_memberships"
    )
    started_on = models.DateField(null=True, blank=True)
    ended_on = models.DateField(null=True, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["place__name", "started_on"]
        verbose_name = "system membership"
        constraints = [
            models.UniqueConstraint(fields=["place", "system"], name="place_system_once"),
            dates_in_order("started_on", "ended_on", name="system_membership_dates_ordered"),
            *sourced_constraints("system_membership"),
        ]

    def __str__(self) -> str:
        return f"{self.place} in {self.system}"

    def clean(self):
        check_dates_in_order(
            self.started_on,
            self.ended_on,
            field="ended_on",
            message="The end cannot come before the start.",
        )


class PopulationSeries(models.TextChoices):
    MID_YEAR = "mid_year", "ONS mid-year population estimate"
    CENSUS = "census", "Census"


class PopulationEstimateQuerySet(models.QuerySet):
    def of_places_in(self, system: IntegratedCareSystem, year: int) -> "PopulationEstimateQuerySet":
        """The estimates for `year` of every place that was part of `system` during it."""
        start, end = datetime.date(year, 1, 1), datetime.date(year, 12, 31)
        return (
            self.filter(
                year=year,
                place__system_memberships__system=system,
            )
            .filter(
                Q(place__system_memberships__started_on__isnull=True)
                | Q(place__system_memberships__started_on__lte=end),
                Q(place__system_memberships__ended_on__isnull=True)
                | Q(place__system_memberships__ended_on__gte=start),
            )
            .select_related("place")
            .order_by("place__name", "series", "pk")
        )

    def summary(self) -> dict:
        """The estimates' `total` and `count`, in the database: one query, however many."""
        return self.aggregate(total=Sum("population"), count=Count("pk"))


class PopulationEstimate(SourcedModel):
    """A published population figure for a place: its year, its series and its source."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="population_estimates")
    year = models.PositiveSmallIntegerField(help_text="The year the figure refers to.")
    series = models.CharField(max_length=10, choices=PopulationSeries)
    population = models.PositiveIntegerField()

    objects = PopulationEstimateQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["place__name", "-year", "series"]
        indexes = [
            # A place's latest figure (PlaceQuerySet.with_population) in one step down the
            # index, without reading the table or sorting: at a hundred times the data the
            # system's total read each place's estimates and sorted them (2.4 ms, now 0.9).
            models.Index(
                fields=["place", "-year", "series", "population"], name="population_latest_first"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["place", "year", "series"], name="population_once_per_series_year"
            ),
            models.CheckConstraint(
                condition=Q(population__gt=0), name="population_estimate_positive"
            ),
            models.CheckConstraint(
                condition=Q(year__gte=1800, year__lte=2100), name="population_year_plausible"
            ),
            models.CheckConstraint(
                condition=Q(series__in=PopulationSeries.values),
                name="population_series_valid",
            ),
            *sourced_constraints("population_estimate"),
        ]

    def __str__(self) -> str:
        return f"{self.place}: {self.population:,} ({self.describe_series()})"

    def describe_series(self) -> str:
        """“ONS mid-year population estimate, mid-2023” or “Census 2021”."""
        if self.series == PopulationSeries.CENSUS:
            return f"Census {self.year}"
        return f"{self.get_series_display()}, mid-{self.year}"


class NeighbourhoodKind(models.TextChoices):
    PCN = "pcn", "primary care network"
    AREA = "area", "council area"


class Neighbourhood(VersionedModel, SourcedModel):
    """A neighbourhood (primary care network area) of roughly 30,000 to 50,000 people.

    Where a place organises in council areas rather than named primary care networks, the
    areas are recorded as such (`kind`).
    """

    place = models.ForeignKey(Place, on_delete=models.PROTECT, related_name="neighbourhoods")
    name = models.CharField(max_length=120)
    slug = models.SlugField(max_length=80)
    kind = models.CharField(max_length=4, choices=NeighbourhoodKind, default=NeighbourhoodKind.PCN)
    population = models.PositiveIntegerField(
        null=True,
        blank=True,
        help_text="Leave empty when unknown. Values outside 30,000–50,000 are allowed but flagged.",
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["place__name", "name"]
        indexes = [
            # A place's neighbourhoods of a kind, by name: counted and the first few chosen
            # (summarise_neighbourhoods) from the index alone.
            models.Index(fields=["place", "kind", "name"], name="neighbourhood_kind_name"),
        ]
        constraints = [
            models.UniqueConstraint(fields=["place", "slug"], name="neighbourhood_unique_slug"),
            models.UniqueConstraint(fields=["place", "name"], name="neighbourhood_unique_name"),
            models.CheckConstraint(
                condition=Q(population__isnull=True) | Q(population__gt=0),
                name="neighbourhood_population_positive",
            ),
            models.CheckConstraint(
                condition=Q(kind__in=NeighbourhoodKind.values), name="neighbourhood_kind_valid"
            ),
            *sourced_constraints("neighbourhood"),
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


@dataclass
class NeighbourhoodTally:
    """One kind of neighbourhood in one place: names found, or a count without names.

    `named` holds the named neighbourhoods shown: all of them, or (from
    `summarise_neighbourhoods()`) the first few, with `named_count` saying how many there are.
    """

    kind: str
    named: list["Neighbourhood"] = field(default_factory=list)
    counted: "NeighbourhoodCount | None" = None
    named_count: int | None = None

    @property
    def label(self) -> str:
        return NeighbourhoodKind(self.kind).label

    @property
    def named_total(self) -> int:
        return len(self.named) if self.named_count is None else self.named_count

    @property
    def more(self) -> bool:
        """True when only the first few of the named neighbourhoods are shown."""
        return self.named_total > len(self.named)

    @property
    def citations(self) -> list["Neighbourhood"]:
        """The distinct sources of the named neighbourhoods shown (the page that lists them
        all cites each of the rest)."""
        return distinct_citations(self.named)

    @property
    def total(self) -> int:
        """Named neighbourhoods, or the stated count where no names were found."""
        return self.named_total or (self.counted.count if self.counted else 0)


def neighbourhood_totals(places) -> dict[str, int]:
    """Neighbourhoods known across `places` (with their `tallies`, from
    `summarise_neighbourhoods()`), by kind label, in the order of the kinds."""
    totals: dict[str, int] = {}
    for place in places:
        for tally in place.tallies:
            totals[tally.label] = totals.get(tally.label, 0) + tally.total
    return totals


def summarise_neighbourhoods(places, *, shown: int) -> None:
    """Gives each of `places` its `tallies`: for each kind of neighbourhood known there, the
    first `shown` named ones by name, how many are named, and the count a source gives without
    names. Three queries (two when none are shown), however many places and neighbourhoods
    there are. The named are counted by one grouped query from the index: counting them in
    the places' own query (a subquery for each kind and count) cost the ORM 1.5 ms to build
    and compile, against 0.3 ms for this."""
    places = list(places)
    if not places:
        return
    ids = [place.pk for place in places]
    named_counts = {
        (place_id, kind): number
        for place_id, kind, number in Neighbourhood.objects.filter(place__in=ids)
        .order_by()
        .values_list("place_id", "kind")
        .annotate(number=Count("pk"))
    }
    first: dict[tuple[int, str], list[Neighbourhood]] = {}
    if shown:
        # Ranked by key, kind and name alone, and only the chosen rows read whole: ranking
        # whole rows sorted every column of every neighbourhood of the places.
        ranked = (
            Neighbourhood.objects.filter(place__in=ids)
            .annotate(
                rank=Window(
                    RowNumber(),
                    partition_by=[F("place_id"), F("kind")],
                    order_by=[F("name").asc(), F("pk").asc()],
                )
            )
            .filter(rank__lte=shown)
            .values_list("pk", flat=True)
        )
        chosen = Neighbourhood.objects.filter(pk__in=ranked)
        for neighbourhood in chosen.order_by("place_id", "kind", "name", "pk"):
            key = (neighbourhood.place_id, neighbourhood.kind)
            first.setdefault(key, []).append(neighbourhood)
    counted = {
        (count.place_id, count.kind): count
        for count in NeighbourhoodCount.objects.filter(place__in=ids)
    }
    for place in places:
        place.tallies = [
            NeighbourhoodTally(
                kind,
                named=first.get((place.pk, kind), []),
                counted=counted.get((place.pk, kind)),
                named_count=named_counts.get((place.pk, kind), 0),
            )
            for kind in NeighbourhoodKind.values
            if (place.pk, kind) in named_counts or (place.pk, kind) in counted
        ]


class NeighbourhoodCount(SourcedModel):
    """How many neighbourhoods of a kind a place has, where a source gives the number but
    not their names (Rotherham's six primary care networks, for example)."""

    place = models.ForeignKey(Place, on_delete=models.CASCADE, related_name="neighbourhood_counts")
    kind = models.CharField(max_length=4, choices=NeighbourhoodKind, default=NeighbourhoodKind.PCN)
    count = models.PositiveSmallIntegerField()
    note = models.CharField(max_length=300, blank=True)

    history = HistoricalRecords()

    class Meta:
        ordering = ["place__name", "kind"]
        constraints = [
            models.UniqueConstraint(fields=["place", "kind"], name="neighbourhood_count_once"),
            models.CheckConstraint(condition=Q(count__gt=0), name="neighbourhood_count_positive"),
            models.CheckConstraint(
                condition=Q(kind__in=NeighbourhoodKind.values),
                name="neighbourhood_count_kind_valid",
            ),
            *sourced_constraints("neighbourhood_count"),
        ]

    def __str__(self) -> str:
        return f"{self.place}: {self.count} {self.get_kind_display()}s"


class SystemFigures(models.Model):
    """A system's figures over all its places: the summed latest populations with their years
    and sources (`PlaceQuerySet.population_total()`), the neighbourhood totals
    (`PlaceQuerySet.neighbourhood_totals()`) and the largest places, kept up to date in the
    transaction of every change to the records they are summed from (places/figures.py), so a
    page reads one row where it summed or sorted every place."""

    system = models.OneToOneField(
        IntegratedCareSystem, on_delete=models.CASCADE, primary_key=True, related_name="figures"
    )
    # population_total(), its citations as rows of their fields (dates in ISO form).
    population = models.JSONField(default=dict)
    # neighbourhood_totals() as [label, total] pairs: a list keeps the kinds' order, which
    # PostgreSQL's jsonb does not keep for an object's keys.
    neighbourhood_totals = models.JSONField(default=list)
    # The keys of the places with the largest latest populations, largest first
    # (`PlaceQuerySet.largest()`), so a chart of them reads those few and sorts none.
    largest = models.JSONField(default=list)

    class Meta:
        verbose_name = "system's figures"
        verbose_name_plural = "systems' figures"

    def __str__(self) -> str:
        return f"Figures of {self.system_id}"


class MilestoneQuerySet(models.QuerySet):
    def in_order(self) -> "MilestoneQuerySet":
        return self.order_by("date", "title", "pk")


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
            *sourced_constraints("milestone"),
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

    @property
    def display_date(self) -> str:
        """The date as precisely as it is known: “2015”, “January 2016”, “11 February 2021”."""
        text = format_date(self.date, self.precision)
        if self.end_date:
            text = f"{text} to {format_date(self.end_date, self.precision)}"
        return text

    @property
    def iso_date(self) -> str:
        return iso_date(self.date, self.precision)
