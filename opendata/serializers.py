"""What each data set says of a record: field names as the records name them (`ods_code`,
`gss_code`, `slug`, `name`), related records by their slug, and where a record's facts come
from (`source`, `source_url`, `source_date`, `confidence`)."""

from django.core.exceptions import FieldDoesNotExist
from rest_framework import serializers

from alliances.models import Alliance, GovernanceStage, Membership
from governance.models import Body, Meeting
from partners.models import IdentifierScheme, Organisation
from places.models import IntegratedCareSystem, Milestone, Neighbourhood, Place
from publications.models import Publication

SOURCE_FIELDS = ["source", "source_url", "source_date", "confidence"]

# What each field holds, in words for people (the schema's descriptions and the /open-data/
# page's): a model's own entry ("model.field") wins over the general one.
FIELD_WORDS = {
    "slug": "Its stable identifier, as in its address on this website.",
    "name": "Its name.",
    "title": "Its title.",
    "kind": "What kind of record it is.",
    "source": "Where its facts come from.",
    "source_url": "A link to the source, where there is one.",
    "source_date": "The date of the source, where known.",
    "confidence": "How sure we are: low (one source), medium, or high (more than one source "
    "or an official register).",
    "ods_code": "Its NHS Organisation Data Service code.",
    "gss_code": "Its ONS Government Statistical Service code.",
    "previous_gss_code": "The GSS code it had before its current one.",
    "gss_code_since": "The first day of the current GSS code.",
    "system": "The integrated care system (its slug).",
    "place": "The place (its slug).",
    "body": "The board or committee (its slug).",
    "alliance": "The alliance or collaborative (its slug), for an alliance's board.",
    "website": "Its website.",
    "url": "Its page on this website.",
    "status": "Its status.",
    "status_since": "Since when it has had that status.",
    "established": "When it was established, as far as known.",
    "memberships": "Its members: each organisation (its slug) or represented group, its "
    "role, and the dates it joined and left, where known.",
    "governance_stages": "The governance stages it has reached, each with the dates it began "
    "and ended, where known.",
    "date": "The date.",
    "precision": "How precise the date is: a day, a month or a year.",
    "description": "What happened, in words.",
    "venue": "Where it is held, where published.",
    "summary": "What it is, in a sentence or two.",
    "active_from": "Its first day, where known.",
    "active_to": "Its last day, for an organisation that has closed.",
    "neighbourhood.population": "How many people live there, where a source gives it; "
    "empty when not known.",
    "neighbourhood.kind": "A primary care network (pcn) or a council area (area).",
    "meeting.start_time": "The start time, UK time, where published; empty when not.",
    "meeting.online": "Whether it is held online, or can be joined online.",
    "meeting.date": "The date, in the UK.",
    "milestone.date": "When it happened; for a month or a year, the first day of it.",
    "milestone.end_date": "For a period, its last month.",
    "milestone.title": "What the milestone is.",
    "publication.published_on": "When it was published, as far as known; empty when not.",
    "publication.kind": "Its type.",
    "integratedcaresystem.stated_population": "The population the partnership itself states.",
    "integratedcaresystem.short_name": "Its short name.",
    "integratedcaresystem.former_name": "The name it had before its current one.",
    "integratedcaresystem.renamed_on": "The first day of its current name.",
    "place.plan_title": "Its place plan's title, as published.",
    "place.plan_period": "The years its place plan covers.",
    "place.plan_url": "Where its place plan is published.",
    "body.question_deadline_hours": "How many hours before a meeting public questions "
    "close; empty when the body publishes no rule.",
}


def describe(model, name: str, field) -> str:
    """The field's meaning in words, and for a field with set values, the values."""
    words = FIELD_WORDS.get(f"{model._meta.model_name}.{name}") or FIELD_WORDS.get(name)
    words = words or str(field.help_text or "")
    try:
        model_field = model._meta.get_field(field.source or name)
    except FieldDoesNotExist:  # a computed field: its own help text says what it is
        model_field = None
    if model_field is not None and model_field.choices and name != "confidence":
        values = ", ".join(str(value) for value, _ in model_field.choices if value)
        words = f"{words} One of: {values}.".strip()
    return words


class DescribedSerializer(serializers.ModelSerializer):
    """Each field described for people, not with the admin's help text (written for staff)."""

    def get_fields(self):
        fields = super().get_fields()
        for name, field in fields.items():
            field.help_text = describe(self.Meta.model, name, field)
        return fields


def slug_of(**kwargs) -> serializers.SlugRelatedField:
    """A related record, by its slug."""
    return serializers.SlugRelatedField(slug_field="slug", read_only=True, **kwargs)


class SystemSerializer(DescribedSerializer):
    class Meta:
        model = IntegratedCareSystem
        fields = [
            "slug", "name", "short_name", "status", "status_since", "former_name",
            "renamed_on", "stated_population", "website", *SOURCE_FIELDS,
        ]  # fmt: skip


class PlaceSerializer(DescribedSerializer):
    system = slug_of(help_text="The system the place is in now (its slug).")

    class Meta:
        model = Place
        fields = [
            "slug", "name", "system", "gss_code", "previous_gss_code", "gss_code_since",
            "plan_title", "plan_period", "plan_url", *SOURCE_FIELDS,
        ]  # fmt: skip


class NeighbourhoodSerializer(DescribedSerializer):
    place = slug_of(help_text="The place it is in (its slug).")

    class Meta:
        model = Neighbourhood
        fields = ["slug", "name", "place", "kind", "population", *SOURCE_FIELDS]


class OrganisationSerializer(DescribedSerializer):
    places = slug_of(many=True, help_text="The places it serves (their slugs).")
    former_codes = serializers.SerializerMethodField(
        help_text="Codes it was known by before (ODS or GSS)."
    )
    former_names = serializers.SerializerMethodField(help_text="Names it was known by before.")

    class Meta:
        model = Organisation
        fields = [
            "slug", "name", "kind", "ods_code", "gss_code", "former_codes", "former_names",
            "places", "website", "active_from", "active_to", *SOURCE_FIELDS,
        ]  # fmt: skip

    def get_former_codes(self, organisation) -> list[str]:
        return [
            i.value
            for i in organisation.previous_identifiers.all()
            if i.scheme != IdentifierScheme.NAME
        ]

    def get_former_names(self, organisation) -> list[str]:
        return [
            i.value
            for i in organisation.previous_identifiers.all()
            if i.scheme == IdentifierScheme.NAME
        ]


class MembershipSerializer(DescribedSerializer):
    organisation = slug_of(allow_null=True)

    class Meta:
        model = Membership
        fields = ["organisation", "represented_group", "role", "joined_on", "left_on"]


class GovernanceStageSerializer(DescribedSerializer):
    class Meta:
        model = GovernanceStage
        fields = ["stage", "started_on", "ended_on"]


class AllianceSerializer(DescribedSerializer):
    system = slug_of()
    place = slug_of(allow_null=True)
    memberships = MembershipSerializer(source="member_list", many=True, read_only=True)
    governance_stages = GovernanceStageSerializer(source="stage_list", many=True, read_only=True)

    class Meta:
        model = Alliance
        fields = [
            "slug", "name", "kind", "system", "place", "established", "memberships",
            "governance_stages", *SOURCE_FIELDS,
        ]  # fmt: skip


class MilestoneSerializer(DescribedSerializer):
    system = slug_of()

    class Meta:
        model = Milestone
        fields = [
            "slug", "system", "title", "date", "precision", "end_date", "description",
            *SOURCE_FIELDS,
        ]  # fmt: skip


class BodySerializer(DescribedSerializer):
    system = slug_of()
    alliance = slug_of(allow_null=True)

    class Meta:
        model = Body
        fields = [
            "slug", "name", "kind", "system", "alliance", "question_deadline_hours",
            *SOURCE_FIELDS,
        ]  # fmt: skip


class MeetingSerializer(DescribedSerializer):
    body = slug_of()
    url = serializers.SerializerMethodField(help_text="Its page on this website.")

    class Meta:
        model = Meeting
        fields = [
            "slug", "body", "date", "start_time", "status", "venue", "online", "url",
            *SOURCE_FIELDS,
        ]  # fmt: skip

    def get_url(self, meeting) -> str:
        return self.context["request"].build_absolute_uri(meeting.get_absolute_url())


class PublicationSerializer(DescribedSerializer):
    system = slug_of()
    place = slug_of(allow_null=True)
    body = slug_of(allow_null=True)
    url = serializers.SerializerMethodField(help_text="Its page on this website.")

    class Meta:
        model = Publication
        fields = [
            "slug", "title", "kind", "summary", "published_on", "system", "place", "body",
            "url", *SOURCE_FIELDS,
        ]  # fmt: skip

    def get_url(self, publication) -> str:
        return self.context["request"].build_absolute_uri(publication.get_absolute_url())
