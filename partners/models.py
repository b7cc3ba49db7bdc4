"""Partner organisations: councils, NHS bodies, primary care, voluntary sector and more."""

import datetime

from django.core.exceptions import ValidationError
from django.core.validators import RegexValidator
from django.db import models
from django.db.models import Count, F, Q, Window
from django.db.models.functions import RowNumber, Upper
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.links import slug_url
from core.models import (
    NamedBySlug,
    SlugNaturalKeyManager,
    SourcedModel,
    VersionedModel,
    check_dates_in_order,
    dates_in_order,
    sourced_constraints,
)
from places.models import Place

ods_code_validator = RegexValidator(
    r"^[A-Z0-9]{3,6}$",
    "An ODS code is 3 to 6 capital letters and digits, for example RHQ or 02P.",
)
gss_code_validator = RegexValidator(
    r"^[EWSN][0-9]{8}$", "A GSS code is a letter and eight digits, for example E08000039."
)


class OrganisationKind(models.TextChoices):
    ICB = "icb", "Integrated care board"
    FORMER_CCG = "former_ccg", "Clinical commissioning group (former)"
    COUNCIL = "council", "Local council"
    NHS_TRUST = "nhs_trust", "NHS trust or foundation trust"
    AMBULANCE_TRUST = "ambulance_trust", "Ambulance trust"
    GP_FEDERATION = "gp_federation", "GP federation or primary care provider"
    PRIMARY_CARE_NETWORK = "pcn", "Primary care network"
    HOSPICE = "hospice", "Hospice"
    VOLUNTARY_SECTOR = "voluntary", "Voluntary and community sector"
    HEALTHWATCH = "healthwatch", "Healthwatch"
    EDUCATION = "education", "Education"
    OTHER = "other", "Other public service"


SCHEMA_TYPES = {
    OrganisationKind.ICB: "GovernmentOrganization",
    OrganisationKind.FORMER_CCG: "GovernmentOrganization",
    OrganisationKind.COUNCIL: "GovernmentOrganization",
    OrganisationKind.NHS_TRUST: "MedicalOrganization",
    OrganisationKind.AMBULANCE_TRUST: "MedicalOrganization",
    OrganisationKind.GP_FEDERATION: "MedicalOrganization",
    OrganisationKind.PRIMARY_CARE_NETWORK: "MedicalOrganization",
    OrganisationKind.HOSPICE: "MedicalOrganization",
    OrganisationKind.VOLUNTARY_SECTOR: "NGO",
    OrganisationKind.HEALTHWATCH: "NGO",
    OrganisationKind.EDUCATION: "EducationalOrganization",
}


class OrganisationQuerySet(models.QuerySet):
    def active(self, on: datetime.date | None = None) -> "OrganisationQuerySet":
        on = on or timezone.localdate()
        return self.filter(
            Q(active_from__isnull=True) | Q(active_from__lte=on),
            Q(active_to__isnull=True) | Q(active_to__gte=on),
        )

    def count_serving(self, places) -> int:
        """How many organisations work today in any of `places` (the home page's partner
        count), each once however many of the places it serves: counted by key
        (COUNT(DISTINCT id)), not by making every joined row distinct on all its columns."""
        found = self.active().filter(places__in=places)
        return found.aggregate(count=Count("pk", distinct=True))["count"]

    def matching(
        self,
        *,
        q: str = "",
        kind: str = "",
        place: Place | None = None,
        former: bool = False,
    ) -> "OrganisationQuerySet":
        """The directory's filter: organisations whose name or code, current or former,
        matches `q` (a name by any part of it, a code whole: RHQ, E08000019), of `kind`,
        serving `place`; closed ones (former CCGs) only when `former` is asked for."""
        found = self
        if term := q.strip():
            found = found.filter(
                Q(name__icontains=term)
                | Q(ods_code__iexact=term)
                | Q(gss_code__iexact=term)
                | Q(
                    pk__in=PreviousIdentifier.objects.filter(
                        Q(scheme=IdentifierScheme.NAME, value__icontains=term)
                        | (~Q(scheme=IdentifierScheme.NAME) & Q(value__iexact=term))
                    ).values("organisation")
                )
            )
        if kind:
            found = found.filter(kind=kind)
        if place:
            # One place joined: an organisation is in it at most once (the many-to-many's
            # unique pair), and the name and codes are matched by subquery, so no row repeats
            # and none need be made distinct (on every column, for each page and its count).
            found = found.filter(places=place)
        if not former:
            found = found.active()
        return found

    def for_directory(self) -> "OrganisationQuerySet":
        """What the directory shows of each organisation, in a constant number of queries."""
        return self.prefetch_related("places")

    def first_of_each_kind(self, limit: int) -> list["Organisation"]:
        """At most `limit` organisations of each kind, by name, each with `kind_total`: how
        many of its kind there are. Two queries however many there are, one when there are
        none (a place's page shows the first few of each kind of partner): the ranks are taken
        over each organisation's key, kind and name alone, then only the chosen rows are read
        whole. Ranking whole rows sorted every column of every partner (2.7 ms at a hundred
        times the data; 1.1 now)."""
        ranked = (
            self.annotate(
                kind_rank=Window(
                    RowNumber(), partition_by=[F("kind")], order_by=[F("name").asc(), F("pk")]
                ),
                kind_total=Window(Count("pk"), partition_by=[F("kind")]),
            )
            .filter(kind_rank__lte=limit)
            .values_list("pk", "kind_total")
        )
        totals = dict(ranked)
        rows = list(self.model.objects.filter(pk__in=totals).order_by("kind", "name", "pk"))
        for row in rows:
            row.kind_total = totals[row.pk]
        return rows


class OrganisationManager(SlugNaturalKeyManager.from_queryset(OrganisationQuerySet)):
    pass


class Organisation(NamedBySlug, VersionedModel, SourcedModel):
    name = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    kind = models.CharField(max_length=20, choices=OrganisationKind)
    description = models.TextField(blank=True)
    ods_code = models.CharField(
        "ODS code",
        max_length=6,
        blank=True,
        validators=[ods_code_validator],
        help_text="NHS Organisation Data Service code, where it has one.",
    )
    gss_code = models.CharField(
        "GSS code", max_length=9, blank=True, validators=[gss_code_validator]
    )
    website = models.URLField(blank=True)
    places = models.ManyToManyField(Place, blank=True, related_name="organisations")
    active_from = models.DateField(null=True, blank=True)
    active_to = models.DateField(
        null=True, blank=True, help_text="Last day of operation (former CCGs: 30 June 2022)."
    )
    predecessors = models.ManyToManyField(
        "self",
        through="Succession",
        through_fields=("successor", "predecessor"),
        symmetrical=False,
        blank=True,
        related_name="successors",
        help_text="The organisations this one took over from.",
    )

    objects = OrganisationManager()
    history = HistoricalRecords(m2m_fields=[places])

    class Meta:
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(
                fields=["ods_code"],
                condition=~Q(ods_code=""),
                name="organisation_unique_ods_code",
            ),
            models.CheckConstraint(
                condition=Q(ods_code=Upper("ods_code")), name="organisation_ods_code_upper"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=OrganisationKind.values), name="organisation_kind_valid"
            ),
            dates_in_order("active_from", "active_to", name="organisation_active_dates_ordered"),
            *sourced_constraints("organisation"),
        ]

    def get_absolute_url(self) -> str:
        return slug_url("partners:detail", self.slug)

    def clean(self):
        self.ods_code = self.ods_code.strip().upper()
        check_dates_in_order(
            self.active_from,
            self.active_to,
            field="active_to",
            message="The end date cannot come before the start date.",
        )

    def structured_data(self, url: str, places=None) -> dict:
        """schema.org description of the organisation, for JSON-LD; `places` are those its
        page names as served (all of them unless given)."""
        data = {
            "@context": "https://schema.org",
            "@type": SCHEMA_TYPES.get(self.kind, "Organization"),
            "name": self.name,
            "url": url,
        }
        if self.website:
            data["sameAs"] = [self.website]
        identifiers = [
            {"@type": "PropertyValue", "propertyID": name, "value": code}
            for name, code in (("ODS", self.ods_code), ("GSS", self.gss_code))
            if code
        ]
        if identifiers:
            data["identifier"] = identifiers
        places = [place.name for place in (self.places.all() if places is None else places)]
        if places:
            data["areaServed"] = places
        if self.active_from:
            data["foundingDate"] = self.active_from.isoformat()
        if self.active_to:
            data["dissolutionDate"] = self.active_to.isoformat()
        return data

    @property
    def is_council(self) -> bool:
        return self.kind == OrganisationKind.COUNCIL


class Succession(models.Model):
    """One organisation taking over from another (CCGs to ICBs in July 2022, for example)."""

    predecessor = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="successor_links"
    )
    successor = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="predecessor_links"
    )

    history = HistoricalRecords()

    class Meta:
        ordering = ["successor__name", "predecessor__name"]
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor"], name="succession_unique_pair"
            ),
            models.CheckConstraint(
                condition=~Q(predecessor=models.F("successor")),
                name="succession_not_self",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.successor} took over from {self.predecessor}"

    def clean(self):
        if self.predecessor_id and self.predecessor_id == self.successor_id:
            raise ValidationError("An organisation cannot take over from itself.")


class IdentifierScheme(models.TextChoices):
    NAME = "name", "Name"
    ODS = "ods", "ODS code"
    GSS = "gss", "GSS code"


class PreviousIdentifier(SourcedModel):
    """A name or code an organisation used before its current one, with its dates where
    known: York Teaching Hospital NHS Foundation Trust, or Sheffield's E08000019 until
    31 March 2025. The partner filter and search find an organisation by these too."""

    organisation = models.ForeignKey(
        Organisation, on_delete=models.CASCADE, related_name="previous_identifiers"
    )
    scheme = models.CharField(max_length=4, choices=IdentifierScheme)
    value = models.CharField(max_length=200)
    used_from = models.DateField(null=True, blank=True)
    used_until = models.DateField(null=True, blank=True, help_text="The last day it was used.")

    history = HistoricalRecords()

    class Meta:
        ordering = ["organisation__name", "scheme", "used_until"]
        verbose_name = "previous name or code"
        verbose_name_plural = "previous names and codes"
        constraints = [
            models.UniqueConstraint(
                fields=["organisation", "scheme", "value"], name="previous_identifier_once"
            ),
            models.CheckConstraint(
                condition=Q(scheme__in=IdentifierScheme.values),
                name="previous_identifier_scheme_valid",
            ),
            models.CheckConstraint(condition=~Q(value=""), name="previous_identifier_not_empty"),
            dates_in_order("used_from", "used_until", name="previous_identifier_dates_ordered"),
            *sourced_constraints("previous_identifier"),
        ]

    def __str__(self) -> str:
        return f"{self.organisation}: {self.get_scheme_display()} {self.value}"

    def clean(self):
        errors = {}
        if self.scheme == IdentifierScheme.ODS:
            self.value = self.value.strip().upper()
            try:
                ods_code_validator(self.value)
            except ValidationError as error:
                errors["value"] = error.messages
        elif self.scheme == IdentifierScheme.GSS:
            self.value = self.value.strip().upper()
            try:
                gss_code_validator(self.value)
            except ValidationError as error:
                errors["value"] = error.messages
        try:
            check_dates_in_order(
                self.used_from,
                self.used_until,
                field="used_until",
                message="The end cannot come before the start.",
            )
        except ValidationError as error:
            errors.update(error.message_dict)
        if errors:
            raise ValidationError(errors)
