"""The partner directory's filter: a GET form, so a bad value is a form error, never a 500."""

from django import forms

from core.forms import PortalForm, slug_choice
from partners.models import OrganisationKind
from places.models import Place


class PartnerFilterForm(PortalForm):
    """Cleans the directory's query string; `OrganisationQuerySet.matching()` filters."""

    method = "get"
    submit_label = "Show partners"

    q = forms.CharField(label="Name or code, current or former", required=False, max_length=100)
    kind = forms.ChoiceField(
        label="Kind of organisation",
        required=False,
        choices=[("", "Any kind"), *OrganisationKind.choices],
    )
    place = slug_choice("Place", Place.objects.all(), empty_label="Any place")
    former = forms.BooleanField(label="Include organisations that have closed", required=False)
