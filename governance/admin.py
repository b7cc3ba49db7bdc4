"""Staff admin for bodies (with their members inline) and meetings."""

from django.contrib import admin

from core.admin import PortalAdmin, SourcedInline, confidence_column
from governance.models import Body, BodyMember, Meeting


class BodyMemberInline(SourcedInline):
    model = BodyMember
    own_fields = ["person_name", "role", "title", "organisation", "started_on", "ended_on"]
    autocomplete_fields = ["organisation"]


@admin.register(Body)
class BodyAdmin(PortalAdmin):
    list_display = [
        "name",
        "kind",
        "system",
        "alliance",
        "question_deadline_hours",
        confidence_column,
    ]
    list_filter = ["kind", "system", "confidence"]
    search_fields = ["name", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["system", "alliance"]
    inlines = [BodyMemberInline]
    list_select_related = ["system", "alliance"]


@admin.register(BodyMember)
class BodyMemberAdmin(PortalAdmin):
    list_display = ["__str__", "body", "role", "organisation", "started_on", "ended_on"]
    list_filter = ["role", "body"]
    search_fields = ["person_name", "title", "organisation__name", "body__name"]
    autocomplete_fields = ["body", "organisation"]
    list_select_related = ["body", "organisation"]


@admin.register(Meeting)
class MeetingAdmin(PortalAdmin):
    list_display = ["__str__", "body", "date", "start_time", "status", confidence_column]
    list_filter = ["status", "body", "online"]
    search_fields = ["body__name", "summary", "venue"]
    date_hierarchy = "date"
    autocomplete_fields = ["body"]
    list_select_related = ["body"]
    fieldsets = [
        (None, {"fields": ["body", "slug", "summary"]}),
        ("When", {"fields": ["date", "start_time", "status", "status_reason"]}),
        ("Where", {"fields": ["venue", "address", "online", "stream_url"]}),
        (
            "Source",
            {
                "fields": [
                    "source",
                    "source_url",
                    "source_date",
                    "source_date_precision",
                    "confidence",
                ]
            },
        ),
    ]
