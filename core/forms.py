"""The base of every form on the site: how crispy-forms renders it, in NHS.UK markup.

A form subclasses `PortalForm`, declares its fields and, where the defaults do not fit, its
`method`, `action` and `submit_label`; a page renders it with `{% crispy form %}`. The "nhsuk"
template pack (templates/nhsuk/) gives the error summary, labels, hints, error messages and
the NHS.UK button.
"""

from crispy_forms.helper import FormHelper
from crispy_forms.layout import BaseInput
from django import forms

# A filter offers at most this many records in a select; a partnership with more (hundreds of
# places or boards) gets a text box instead, so a page costs the same however many there are.
SLUG_CHOICE_LIMIT = 40


class SlugChoiceWidget(forms.Select):
    """A select of at most `limit` records (by their names), fetched with one query as it
    renders; with more records than that, a text box that takes a record's name or slug. One
    query either way."""

    def __init__(self, *args, limit: int = SLUG_CHOICE_LIMIT, **kwargs):
        super().__init__(*args, **kwargs)
        self.limit = limit

    def render(self, name, value, attrs=None, renderer=None):
        field = self.choices.field
        key = field.to_field_name or "pk"
        # Keys and names alone: whole records cost twice as much to read (0.39 ms to 0.16).
        rows = list(field.queryset.values_list(key, "name")[: self.limit + 1])
        if len(rows) <= self.limit:
            iterator = self.choices
            self.choices = [("", field.empty_label), *rows]
            try:
                return super().render(name, value, attrs, renderer)
            finally:
                self.choices = iterator
        # crispy gives a select the NHS.UK select's classes: a text box takes the input's.
        attrs = {**self.attrs, **(attrs or {})}
        classes = attrs.get("class", "").replace("nhsuk-select", "nhsuk-input").split()
        attrs["class"] = " ".join(name for name in classes if name != "slugchoicewidget")
        return forms.TextInput().render(name, value or "", attrs, renderer)


class SlugChoiceField(forms.ModelChoiceField):
    """An optional choice of one record, named in the query string by its slug (so a link to a
    filtered list reads "?place=sheffield"). Typed into the text box a long list becomes, the
    record's name is taken too, in any case; an unknown one is a field error."""

    widget = SlugChoiceWidget

    def label_from_instance(self, obj) -> str:
        """A record is offered by its name, as the widget reads it."""
        return obj.name

    def to_python(self, value):
        try:
            return super().to_python(value)
        except forms.ValidationError:
            name = str(value).strip()
            # A NUL or a page of text is no name (and PostgreSQL refuses a NUL outright).
            if "\x00" in name or len(name) > 200:
                raise
            found = self.queryset.filter(name__iexact=name).first()
            if found is None:
                raise
            return found


def slug_choice(
    label: str, queryset, *, empty_label: str, limit: int = SLUG_CHOICE_LIMIT
) -> SlugChoiceField:
    return SlugChoiceField(
        label=label,
        required=False,
        queryset=queryset.order_by("name"),
        to_field_name="slug",
        empty_label=empty_label,
        widget=SlugChoiceWidget(limit=limit),
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
