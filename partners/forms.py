"""The partner directory's filter: a GET form, so a bad value is a form error, never a 500."""

from django import forms

from core.forms import PortalForm
from partners.models import OrganisationKind
from places.models import Place


class PartnerFilterForm(PortalForm):
    method = "get"
    submit_label = "Show partners"

    q = forms.CharField(label="Name or code, current or former", required=False, max_length=100)
    kind = forms.ChoiceField(
        label="Kind of organisation",
        required=False,
        choices=[("", "Any kind"), *OrganisationKind.choices],
    )
    place = forms.ModelChoiceField(
        label="Place",
        required=False,
        queryset=Place.objects.order_by("name"),
        to_field_name="slug",
        empty_label="Any place",
    )
    former = forms.BooleanField(label="Include organisations that have closed", required=False)

    def filter(self, queryset):
        """The queryset narrowed by the cleaned filters (call only when valid).

        Closed organisations (former CCGs) are left out unless asked for.
        """
        data = self.cleaned_data
        if data["q"]:
            queryset = queryset.matching(data["q"])
        if data["kind"]:
            queryset = queryset.filter(kind=data["kind"])
        if data["place"]:
            queryset = queryset.filter(places=data["place"])
        if not data["former"]:
            queryset = queryset.active()
        return queryset.distinct()
