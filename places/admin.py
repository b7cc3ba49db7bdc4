"""Staff admin for systems, places, neighbourhoods and milestones."""

from django.contrib import admin
from django.db.models import Count, Q

from core.admin import PortalAdmin, SourcedInline, confidence_column
from places.models import (
    NEIGHBOURHOOD_POPULATION_RANGE,
    IntegratedCareSystem,
    Milestone,
    Neighbourhood,
    NeighbourhoodCount,
    Place,
    PopulationEstimate,
    SystemMembership,
)


class NeighbourhoodInline(SourcedInline):
    model = Neighbourhood
    own_fields = ["name", "slug", "kind", "population"]
    prepopulated_fields = {"slug": ["name"]}


class PopulationEstimateInline(SourcedInline):
    model = PopulationEstimate
    own_fields = ["year", "series", "population"]


class SystemMembershipInline(SourcedInline):
    model = SystemMembership
    own_fields = ["system", "started_on", "ended_on"]


class NeighbourhoodCountInline(SourcedInline):
    model = NeighbourhoodCount
    own_fields = ["kind", "count", "note"]


class PopulationRangeFilter(admin.SimpleListFilter):
    """Flags neighbourhoods whose population lies outside the stated 30,000–50,000."""

    title = "population"
    parameter_name = "population"

    def lookups(self, request, model_admin):
        low, high = NEIGHBOURHOOD_POPULATION_RANGE
        return [
            ("outside", f"Outside {low:,}–{high:,}"),
            ("inside", f"Within {low:,}–{high:,}"),
            ("unknown", "Not known"),
        ]

    def queryset(self, request, queryset):
        low, high = NEIGHBOURHOOD_POPULATION_RANGE
        match self.value():
            case "outside":
                return queryset.filter(Q(population__lt=low) | Q(population__gt=high))
            case "inside":
                return queryset.filter(population__gte=low, population__lte=high)
            case "unknown":
                return queryset.filter(population__isnull=True)
        return queryset


@admin.register(IntegratedCareSystem)
class IntegratedCareSystemAdmin(PortalAdmin):
    list_display = ["name", "short_name", "status", "stated_population", "place_count"]
    list_filter = ["status"]
    search_fields = ["name", "short_name"]
    prepopulated_fields = {"slug": ["short_name"]}

    def get_queryset(self, request):
        return super().get_queryset(request).annotate(place_total=Count("places"))

    @admin.display(description="places", ordering="place_total")
    def place_count(self, obj) -> int:
        return obj.place_total


@admin.register(Place)
class PlaceAdmin(PortalAdmin):
    list_display = ["name", "system", "gss_code", "plan_title"]
    list_filter = ["system", "confidence"]
    search_fields = ["name", "gss_code", "previous_gss_code"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["system"]
    inlines = [
        SystemMembershipInline,
        PopulationEstimateInline,
        NeighbourhoodInline,
        NeighbourhoodCountInline,
    ]
    list_select_related = ["system"]


@admin.register(Neighbourhood)
class NeighbourhoodAdmin(PortalAdmin):
    list_display = ["name", "place", "population", "population_flag", confidence_column]
    list_filter = [PopulationRangeFilter, "place", "confidence"]
    search_fields = ["name", "place__name"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["place"]
    list_select_related = ["place"]

    @admin.display(description="population check")
    def population_flag(self, obj) -> str:
        if obj.population is None:
            return "not known"
        if obj.population_outside_range:
            low, high = NEIGHBOURHOOD_POPULATION_RANGE
            return f"⚠ outside {low:,}–{high:,}"
        return "within range"


@admin.register(Milestone)
class MilestoneAdmin(PortalAdmin):
    list_display = ["title", "display_date", "system", "precision", confidence_column]
    list_filter = ["system", "precision", "confidence"]
    search_fields = ["title", "description"]
    prepopulated_fields = {"slug": ["title"]}
    autocomplete_fields = ["system"]
    date_hierarchy = "date"
    list_select_related = ["system"]

    @admin.display(description="date", ordering="date")
    def display_date(self, obj) -> str:
        return obj.display_date
