"""Staff admin for partner organisations."""

from django.contrib import admin
from simple_history.admin import SimpleHistoryAdmin

from core.admin import PortalAdmin, SourcedInline, confidence_column
from partners.models import Organisation, PreviousIdentifier, Succession


class PredecessorInline(admin.TabularInline):
    model = Succession
    fk_name = "successor"
    fields = ["predecessor"]
    autocomplete_fields = ["predecessor"]
    extra = 0
    verbose_name = "predecessor"
    verbose_name_plural = "took over from"


class PreviousIdentifierInline(SourcedInline):
    model = PreviousIdentifier
    own_fields = ["scheme", "value", "used_from", "used_until"]
    verbose_name_plural = "previous names and codes"


@admin.register(Organisation)
class OrganisationAdmin(PortalAdmin):
    list_display = [
        "name",
        "kind",
        "ods_code",
        "gss_code",
        "place_names",
        "active_to",
        confidence_column,
    ]
    list_filter = ["kind", "places", "confidence", "active_to"]
    search_fields = ["name", "ods_code", "gss_code", "previous_identifiers__value"]
    prepopulated_fields = {"slug": ["name"]}
    autocomplete_fields = ["places"]
    inlines = [PreviousIdentifierInline, PredecessorInline]
    fieldsets = [
        (None, {"fields": ["name", "slug", "kind", "description", "website"]}),
        ("Codes", {"fields": ["ods_code", "gss_code"]}),
        ("Where and when", {"fields": ["places", "active_from", "active_to"]}),
        (
            "Source",
            {
                "fields": [
                    "source",
                    "source_url",
                    ("source_date", "source_date_precision"),
                    "confidence",
                ]
            },
        ),
    ]

    def get_queryset(self, request):
        return super().get_queryset(request).prefetch_related("places")

    @admin.display(description="places")
    def place_names(self, obj) -> str:
        return ", ".join(place.name for place in obj.places.all())


@admin.register(Succession)
class SuccessionAdmin(SimpleHistoryAdmin):
    list_display = ["successor", "predecessor"]
    search_fields = ["successor__name", "predecessor__name"]
    autocomplete_fields = ["successor", "predecessor"]
    list_select_related = ["successor", "predecessor"]
