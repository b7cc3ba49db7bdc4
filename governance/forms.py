"""The meetings list's filter: which body, which year."""

from django import forms
from django.db.models import Max, Min

from core.forms import PortalForm, slug_choice
from governance.models import Body, Meeting


class MeetingFilterForm(PortalForm):
    """Cleans the meetings list's query string; `MeetingQuerySet.matching()` does the
    filtering. A year outside the meetings' years, or a body that does not exist, is a field
    error."""

    method = "get"
    submit_label = "Show meetings"

    body = slug_choice("Board or committee", Body.objects.all(), empty_label="All")
    year = forms.TypedChoiceField(label="Year", required=False, coerce=int, empty_value=None)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The years from the latest meeting's back to the first's, from the dates' minimum and
        # maximum: the distinct years of every meeting cost a date function call a row.
        span = Meeting.objects.aggregate(first=Min("date"), last=Max("date"))
        years = range(span["last"].year, span["first"].year - 1, -1) if span["first"] else []
        self.fields["year"].choices = [("", "Any year"), *[(y, str(y)) for y in years]]
