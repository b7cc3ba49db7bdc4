"""The search page's form: the words, and which kind of result to show."""

from crispy_forms.layout import Layout
from django import forms

from core.forms import PortalForm
from search.models import Kind

MAX_LENGTH = 200


class SearchForm(PortalForm):
    """Cleans the query string. Words longer than MAX_LENGTH, a NUL character or an unknown
    kind are a field error (answered 400); any other text, however strange, is searched."""

    method = "get"
    submit_label = "Search"

    q = forms.CharField(
        label="Search this website",
        required=False,
        max_length=MAX_LENGTH,
        help_text="A name, an NHS ODS or ONS GSS code, or any words.",
        error_messages={"max_length": f"Search for {MAX_LENGTH} characters or fewer."},
    )
    kind = forms.ChoiceField(
        label="Show", required=False, choices=[("", "All results"), *Kind.choices]
    )

    def build_helper(self):
        helper = super().build_helper()
        # The kind is chosen by the links beside the results; a new search shows every kind.
        helper.layout = Layout("q")
        return helper
