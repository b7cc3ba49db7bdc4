"""The publications list's filter: which type, which board or committee, which year."""

from django import forms

from core.dates import years_with
from core.forms import PortalForm, slug_choice
from governance.models import Body
from publications.models import Publication, PublicationKind


class PublicationFilterForm(PortalForm):
    """Cleans the publications list's query string; `PublicationQuerySet.matching()` does the
    filtering. An unknown type, a body with no publications or a year with none is a field
    error (answered 400), never a server error."""

    method = "get"
    submit_label = "Show publications"

    kind = forms.ChoiceField(
        label="Type", required=False, choices=[("", "All types"), *PublicationKind.choices]
    )
    body = slug_choice("Board or committee", Body.objects.none(), empty_label="All")
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        published = Publication.objects.published()
        # Only bodies and years that have publications: every choice finds something.
        self.fields["body"].queryset = Body.objects.filter(
            pk__in=published.filter(body__isnull=False).values("body")
        ).order_by("name")
        years = years_with(published, "published_on")
        self.fields["year"].choices = [("", "Any year"), *[(y, str(y)) for y in years]]
