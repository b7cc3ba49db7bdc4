"""The base of every form on the site: how crispy-forms renders it, in NHS.UK markup.

A form subclasses `PortalForm`, declares its fields and, where the defaults do not fit, its
`method`, `action` and `submit_label`; a page renders it with `{% crispy form %}`. The "nhsuk"
template pack (templates/nhsuk/) gives the error summary, labels, hints, error messages and
the NHS.UK button.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import BaseInput
from django import forms


def slug_choice(label: str, queryset, *, empty_label: str) -> forms.ModelChoiceField:
    """An optional choice of one record, named in the query string by its slug (so a link
    to a filtered list reads "?place=sheffield"); an unknown slug is a field error."""
    return forms.ModelChoiceField(
        label=label,
        required=False,
        queryset=queryset.order_by("name"),
        to_field_name="slug",
        empty_label=empty_label,
    )


class SubmitButton(BaseInput):
    """The NHS.UK primary button.

    With an empty name it submits no value of its own, so a GET form's URL stays clean.
    """

    input_type = "submit"
    field_classes = "nhsuk-button"


class PortalForm(forms.Form):
    """A form rendered by crispy-forms with the NHS.UK template pack.

    method: "post" for forms that change something, "get" for filters and searches.
    action: where the form goes, a URL or a URL name; empty means the page's own URL.
    submit_label: the button's text; empty for no button.
    """

    method = "post"
    action = ""
    submit_label = "Continue"

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.helper = self.build_helper()

    def build_helper(self) -> FormHelper:
        """The crispy helper: every field in order, then the button. Override to lay out."""
        helper = FormHelper(self)
        helper.form_method = self.method
        helper.form_action = self.action
        # A GET form changes nothing, and its token would travel in the URL, where logs and
        # Referer headers keep it: only POST forms carry one. (The nhsuk pack's form template
        # adds the token to POST forms only anyway; this says so to any other template.)
        helper.disable_csrf = helper.form_method == "get"
        if self.submit_label:
            helper.add_input(SubmitButton("", self.submit_label))
        return helper
