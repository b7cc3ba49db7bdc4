"""The meetings list's filter: which body, which year."""

from django import forms

from core.dates import years_with
from core.forms import PortalForm, slug_choice
from governance.models import Body, Meeting


class MeetingFilterForm(PortalForm):
    """Cleans the meetings list's query string; `MeetingQuerySet.matching()` does the
    filtering. A year with no meetings, or a body that does not exist, is a field error
    (answered 400), never a server error."""

    method = "get"
    submit_label = "Show meetings"

    body = slug_choice("Board or committee", Body.objects.all(), empty_label="All")
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Only years with a meeting: every choice finds something.
        years = years_with(Meeting.objects.all(), "date")
        self.fields["year"].choices = [("", "Any year"), *[(y, str(y)) for y in years]]
