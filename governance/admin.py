"""Staff admin for bodies (with their members, register and declared interests inline),
meetings (with their agenda and papers inline), and registers of interests."""

from django.contrib import admin

from core.admin import SOURCE_FIELDSET, PortalAdmin, SourcedInline, confidence_column
from governance.models import (
    AgendaItem,
    Body,
    BodyMember,
    DeclaredInterest,
    InterestRegister,
    Meeting,
    MeetingPaper,
)


class BodyMemberInline(SourcedInline):
    model = BodyMember
    own_fields = ["person_name", "role", "title", "organisation", "started_on", "ended_on"]
    autocomplete_fields = ["organisation"]


class InterestRegisterInline(admin.StackedInline):
    model = InterestRegister
    fields = ["reviewed_on", "source", "source_url", "source_date", "confidence"]
    extra = 0
    max_num = 1
    verbose_name = "register of interests"
    verbose_name_plural = "register of interests"


class DeclaredInterestInline(SourcedInline):
    model = DeclaredInterest
    own_fields = [
        "person_name",
        "position",
        "member",
        "description",
        "kind",
        "declared_on",
        "started_on",
        "ended_on",
        "action_taken",
    ]
    autocomplete_fields = ["member"]


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
    inlines = [BodyMemberInline, InterestRegisterInline, DeclaredInterestInline]
    list_select_related = ["system", "alliance"]


@admin.register(BodyMember)
class BodyMemberAdmin(PortalAdmin):
    list_display = ["__str__", "body", "role", "organisation", "started_on", "ended_on"]
    list_filter = ["role", "body"]
    search_fields = ["person_name", "title", "organisation__name", "body__name"]
    autocomplete_fields = ["body", "organisation"]
    list_select_related = ["body", "organisation"]


# Papers and minutes are picked by typing part of a document's title (the documents admin's
# search).
class AgendaItemInline(admin.StackedInline):
    model = AgendaItem
    fields = ["order", "title", "description", "presenter", "papers"]
    autocomplete_fields = ["papers"]
    extra = 0


class MeetingPaperInline(admin.TabularInline):
    model = MeetingPaper
    fields = ["order", "document"]
    autocomplete_fields = ["document"]
    extra = 0
    verbose_name = "paper not tied to an agenda item"
    verbose_name_plural = "papers not tied to an agenda item"


@admin.register(Meeting)
class MeetingAdmin(PortalAdmin):
    list_display = ["__str__", "body", "date", "start_time", "status", confidence_column]
    list_filter = ["status", "body", "online"]
    search_fields = ["body__name", "summary", "venue"]
    date_hierarchy = "date"
    autocomplete_fields = ["body", "minutes"]
    list_select_related = ["body"]
    inlines = [AgendaItemInline, MeetingPaperInline]
    fieldsets = [
        (None, {"fields": ["body", "slug", "summary"]}),
        ("When", {"fields": ["date", "start_time", "status", "status_reason"]}),
        ("Where", {"fields": ["venue", "address", "online", "stream_url"]}),
        ("Minutes", {"fields": ["minutes", "minutes_approved_on"]}),
        SOURCE_FIELDSET,
    ]


@admin.register(InterestRegister)
class InterestRegisterAdmin(PortalAdmin):
    list_display = ["__str__", "reviewed_on", confidence_column]
    list_filter = ["body__system", "confidence"]
    search_fields = ["body__name", "source"]
    date_hierarchy = "reviewed_on"
    autocomplete_fields = ["body"]
    list_select_related = ["body"]


@admin.register(DeclaredInterest)
class DeclaredInterestAdmin(PortalAdmin):
    list_display = ["person_name", "body", "kind", "started_on", "ended_on", confidence_column]
    list_filter = ["kind", "body", "confidence"]
    search_fields = ["person_name", "position", "description", "action_taken", "body__name"]
    autocomplete_fields = ["body", "member"]
    list_select_related = ["body"]
    fieldsets = [
        (None, {"fields": ["body", "person_name", "position", "member"]}),
        ("Interest", {"fields": ["description", "kind", "action_taken"]}),
        ("Dates", {"fields": ["declared_on", "started_on", "ended_on"]}),
        SOURCE_FIELDSET,
    ]
