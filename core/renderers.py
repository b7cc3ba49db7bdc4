"""The site's form renderer (`settings.FORM_RENDERER`): Django's own, with the select widget's
markup written in Python.

Django renders a select through a template that includes a template for each option, and each
option includes the attributes' template: about 25 µs an option. A filter of forty places and
twenty kinds of organisation spent 1.5 ms of a 3.5 ms form on its options, on every list page.
`render_select()` writes the same markup (byte for byte: tests/core/test_renderers.py renders
every case both ways) from the same context Django builds, with the template engine's own
escaping and localisation of each value. A select whose options use another template, or a
widget of any other kind, is rendered by its template as before.
"""

from django.forms.renderers import DjangoTemplates
from django.template.base import render_value_in_context
from django.template.context import Context
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe

SELECT_TEMPLATE = "django/forms/widgets/select.html"
OPTION_TEMPLATE = "django/forms/widgets/select_option.html"

# What `{{ value }}` does in a template: localised, then escaped unless marked safe. The
# context only carries the defaults (autoescape on; time zone and localisation from settings).
_CONTEXT = Context(autoescape=True)


def _text(value) -> str:
    return render_value_in_context(value, _CONTEXT)


def _formatted(value) -> str:
    """`{{ value|stringformat:'s' }}`: "%s" of the value, escaped unless it was marked safe
    (formatting a safe string gives back the safe string, as the filter keeps it safe)."""
    return conditional_escape(f"{value}")


def _attrs(attrs: dict) -> str:
    """django/forms/widgets/attrs.html: ` name="value"` each, ` name` alone for True, nothing
    for False."""
    parts = []
    for name, value in attrs.items():
        if value is False:
            continue
        value = "" if value is True else f'="{_formatted(value)}"'
        parts.append(f" {_text(name)}{value}")
    return "".join(parts)


def render_select(widget: dict) -> str | None:
    """A select widget's markup from its template context, as select.html and
    select_option.html would write it; None where an option uses another template."""
    parts = [f'<select name="{_text(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            parts.append(f'\n  <optgroup label="{_text(group_name)}">')
        for option in options:
            if option["template_name"] != OPTION_TEMPLATE:
                return None
            parts.append(
                f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"])}>'
                f"{_text(option['label'])}</option>\n"
            )
        if group_name:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    # BaseRenderer.render() strips what a template writes; so does this.
    markup = "".join(parts).strip()
    return mark_safe(markup)  # noqa: S308 (every value escaped above)  # nosec B308 B703


class PortalFormRenderer(DjangoTemplates):
    """Django's template renderer, but selects are written by `render_select()`."""

    def render(self, template_name, context, request=None):
        if template_name == SELECT_TEMPLATE:
            markup = render_select(context["widget"])
            if markup is not None:
                return markup
        return super().render(template_name, context, request)
