"""The data sets: what each holds, its records in order, its filter, and how its version (for
ETag and Last-Modified) is read. The /api/v1/ views, the OpenAPI schema and the /open-data/
page are all built from this list."""

import datetime
import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field

from django import forms
from django.db import models
from django.db.models import Max, Prefetch
from django.utils import timezone

from alliances.models import Alliance, AllianceKind, GovernanceStage, Membership
from governance.forms import MeetingFilterForm
from governance.models import Body, Meeting
from opendata import serializers as s
from opendata.forms import PlaceFilterForm, SystemFilterForm
from partners.forms import PartnerFilterForm
from partners.models import Organisation, PreviousIdentifier
from places.models import IntegratedCareSystem, Milestone, Neighbourhood, Place
from publications.forms import PublicationFilterForm
from publications.models import Publication


def plain_filter(queryset: models.QuerySet, cleaned: dict) -> models.QuerySet:
    """Each filled field of the form narrows by the field of the same name."""
    return queryset.filter(**{name: value for name, value in cleaned.items() if value})


def matching(queryset: models.QuerySet, cleaned: dict) -> models.QuerySet:
    """The app's own filter, as its public list uses it."""
    return queryset.matching(**cleaned)


def alliances_of(kind: str | None) -> Callable[[], models.QuerySet]:
    def records() -> models.QuerySet:
        alliances = Alliance.objects.select_related("system", "place").prefetch_related(
            Prefetch(
                "memberships",
                queryset=Membership.objects.select_related("organisation").order_by(
                    "role", "organisation__name", "represented_group"
                ),
                to_attr="member_list",
            ),
            Prefetch(
                "stages",
                queryset=GovernanceStage.objects.order_by("started_on"),
                to_attr="stage_list",
            ),
        )
        if kind == AllianceKind.PROVIDER_COLLABORATIVE:
            alliances = alliances.filter(kind=kind)
        else:
            alliances = alliances.exclude(kind=AllianceKind.PROVIDER_COLLABORATIVE)
        return alliances.order_by("name", "pk")

    return records


@dataclass(frozen=True)
class Dataset:
    name: str  # its address: /api/v1/<name>.json
    title: str
    description: str
    changes: str  # how often it changes, in words
    serializer: type
    records: Callable[[], models.QuerySet]
    # The models whose history dates its version: each one's records appear in it.
    models: tuple[type[models.Model], ...]
    form: type[forms.Form] | None = None
    narrow: Callable[[models.QuerySet, dict], models.QuerySet] = plain_filter
    # Records appear by date as well as by edit (a publication dated tomorrow): the version
    # moves on each day too.
    daily: bool = False
    public_page: str = ""  # the URL name of the page listing the same records
    extra: dict = field(default_factory=dict)

    def filtered(self, cleaned: dict) -> models.QuerySet:
        records = self.records()
        return self.narrow(records, cleaned) if self.form else records

    def last_modified(self) -> datetime.datetime | None:
        """When any of its records last changed: the newest history entry of its models
        (a deletion leaves one too), or the day's start for a set that changes by date."""
        dates = [
            model.history.aggregate(latest=Max("history_date"))["latest"] for model in self.models
        ]
        if self.daily:
            dates.append(
                timezone.make_aware(
                    datetime.datetime.combine(timezone.localdate(), datetime.time())
                )
            )
        found = [d for d in dates if d is not None]
        return max(found) if found else None

    def etag(self, last_modified: datetime.datetime | None, variant: str) -> str:
        """Strong enough to tell versions apart: the data set, the format and query, and the
        version its history gives, to the microsecond (Last-Modified has only seconds)."""
        stamp = last_modified.isoformat() if last_modified else "-"
        if self.daily:
            stamp += f"/{timezone.localdate().isoformat()}"
        digest = hashlib.sha256(f"{self.name}|{variant}|{stamp}".encode()).hexdigest()[:32]
        return f'"{digest}"'


DATASETS = (
    Dataset(
        name="organisations",
        title="Organisations",
        description="Every partner organisation, current and closed (former clinical "
        "commissioning groups among them), with its NHS ODS code, ONS GSS code, former codes "
        "and names, and the places it serves.",
        changes="When an organisation joins, closes, is renamed or takes a new code: a few "
        "times a year.",
        serializer=s.OrganisationSerializer,
        records=lambda: Organisation.objects.prefetch_related(
            "places", "previous_identifiers"
        ).order_by("name", "pk"),
        models=(Organisation, PreviousIdentifier),
        form=PartnerFilterForm,
        narrow=matching,
        public_page="partners:list",
    ),
    Dataset(
        name="systems",
        title="Integrated care systems",
        description="The integrated care systems the partnership's places belong or belonged "
        "to, with their status and former names.",
        changes="Rarely: when a system is renamed or its status changes.",
        serializer=s.SystemSerializer,
        records=lambda: IntegratedCareSystem.objects.order_by("name", "pk"),
        models=(IntegratedCareSystem,),
        public_page="places:journey",
    ),
    Dataset(
        name="places",
        title="Places",
        description="The places (council areas) of the partnership and of York, with their "
        "ONS GSS codes, current and previous, and their place plans.",
        changes="Rarely: when a boundary, code or plan changes.",
        serializer=s.PlaceSerializer,
        records=lambda: Place.objects.select_related("system").order_by("name", "pk"),
        models=(Place,),
        form=SystemFilterForm,
        public_page="places:list",
    ),
    Dataset(
        name="neighbourhoods",
        title="Neighbourhoods",
        description="Neighbourhoods (primary care network areas, or council areas where a place "
        "organises that way), each in its place.",
        changes="When primary care networks are reorganised: about once a year.",
        serializer=s.NeighbourhoodSerializer,
        records=lambda: Neighbourhood.objects.select_related("place").order_by(
            "place__name", "name", "pk"
        ),
        models=(Neighbourhood,),
        form=PlaceFilterForm,
        public_page="places:neighbourhoods",
    ),
    Dataset(
        name="collaboratives",
        title="Provider collaboratives",
        description="Provider collaboratives, with their members and roles, and their "
        "governance stages with dates.",
        changes="When a member joins or leaves, or a stage is reached.",
        serializer=s.AllianceSerializer,
        records=alliances_of(AllianceKind.PROVIDER_COLLABORATIVE),
        models=(Alliance, Membership, GovernanceStage),
        form=SystemFilterForm,
        public_page="alliances:collaborative-list",
    ),
    Dataset(
        name="alliances",
        title="Alliances",
        description="Place alliances and other partnerships, with their members and roles, "
        "and their governance stages with dates.",
        changes="When a member joins or leaves, or a stage is reached.",
        serializer=s.AllianceSerializer,
        records=alliances_of(None),
        models=(Alliance, Membership, GovernanceStage),
        form=SystemFilterForm,
        public_page="alliances:list",
    ),
    Dataset(
        name="milestones",
        title="Milestones",
        description="Each system's journey: the dated milestones of its timeline, with the "
        "precision of each date.",
        changes="When a milestone is reached or found: a few times a year.",
        serializer=s.MilestoneSerializer,
        records=lambda: Milestone.objects.select_related("system").order_by("date", "pk"),
        models=(Milestone,),
        form=SystemFilterForm,
        public_page="places:journey",
    ),
    Dataset(
        name="bodies",
        title="Boards and committees",
        description="The boards and committees that meet in public, with their system or "
        "alliance and their rule for public questions.",
        changes="Rarely: when a board or committee is set up or wound up.",
        serializer=s.BodySerializer,
        records=lambda: Body.objects.select_related("system", "alliance").order_by("name", "pk"),
        models=(Body,),
        form=SystemFilterForm,
        public_page="governance:bodies",
    ),
    Dataset(
        name="meetings",
        title="Meetings",
        description="Meetings of the boards and committees, past and upcoming, with date, UK "
        "time where published, venue and status.",
        changes="Every month or so, as meetings are scheduled, held, moved or cancelled.",
        serializer=s.MeetingSerializer,
        records=lambda: Meeting.objects.select_related("body").order_by("-date", "slug"),
        models=(Meeting,),
        form=MeetingFilterForm,
        narrow=matching,
        public_page="governance:meetings",
    ),
    Dataset(
        name="publications",
        title="Publications",
        description="Strategies, plans, annual reports, policies, consultation documents and "
        "board papers, newest first: those published today or earlier.",
        changes="Every few weeks, as documents are published.",
        serializer=s.PublicationSerializer,
        records=lambda: (
            Publication.objects.published().select_related("system", "place", "body").newest_first()
        ),
        models=(Publication,),
        form=PublicationFilterForm,
        narrow=matching,
        daily=True,
        public_page="publications:list",
    ),
)

BY_NAME = {dataset.name: dataset for dataset in DATASETS}
