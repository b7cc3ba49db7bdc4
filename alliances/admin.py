"""Staff admin for collaboratives and alliances, with stages and members inline."""

from django.contrib import admin

from alliances.models import Alliance, GovernanceStage, Membership
from core.admin import PortalAdmin, SourcedInline, confidence_column


class GovernanceStageInline(SourcedInline):
    model = GovernanceStage
    own_fields = ["stage", "started_on", "started_precision", "ended_on", "ended_precision", "note"]


class MembershipInline(SourcedInline):
    model = Membership
    own_fields = ["organisation", "represented_group", "role", "role_note", "joined_on", "left_on"]
    autocomplete_fields = ["organisation"]


@admin.register(Alliance)
class AllianceAdmin(PortalAdmin):
    list_display = ["name", "kind", "system", "place", "member_count", confidence_column]
    list_filter = ["kind", "system", "confidence"]
    search_fields = ["name", "purpose"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["system", "place"]
    inlines = [GovernanceStageInline, MembershipInline]
    list_select_related = ["system", "place"]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("memberships")

    @admin.display(description="members")
    def member_count(self, obj) -> int:
        return len(obj.memberships.all())


@admin.register(GovernanceStage)
class GovernanceStageAdmin(PortalAdmin):
    list_display = ["alliance", "stage", "started_on", "ended_on"]
    list_filter = ["stage", "alliance"]
    search_fields = ["alliance__name", "note"]
    autocomplete_fields = ["alliance"]
    list_select_related = ["alliance"]


@admin.register(Membership)
class MembershipAdmin(PortalAdmin):
    list_display = ["member_name", "alliance", "role", "joined_on", "left_on"]
    list_filter = ["role", "alliance"]
    search_fields = ["organisation__name", "represented_group", "alliance__name"]
    autocomplete_fields = ["alliance", "organisation"]
    list_select_related = ["alliance", "organisation"]

    @admin.display(description="member", ordering="organisation__name")
    def member_name(self, obj) -> str:
        return obj.member_name
