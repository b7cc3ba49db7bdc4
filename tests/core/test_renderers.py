"""The site's form renderer writes a select in Python: the markup must be Django's own, byte for
byte, for every shape of select and every kind of value, and every public form must render the
same through it as through Django's templates."""

import datetime
from decimal import Decimal
from importlib import import_module

import pytest
from django import forms
from django.apps import apps
from django.conf import settings
from django.forms.renderers import DjangoTemplates
from django.test import override_settings
from django.utils.module_loading import module_has_submodule
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from core.forms import PortalForm
from core.renderers import PortalFormRenderer, render_select

DJANGO = DjangoTemplates()
PORTAL = PortalFormRenderer()

CHOICES = [
    ("", "Any kind"),
    ("nhs_trust", "NHS trust"),
    ('<b>"x" & y</b>', "<script>alert('label')</script> & co"),
    (3, 2024),
    (None, "None as a value"),
    (Decimal("1234.5"), Decimal("1234.5")),
    ("d", datetime.date(2025, 7, 1)),
    ("safe", mark_safe("<em>marked safe</em>")),
    (mark_safe("a&b"), "a safe value"),
    ("lazy", gettext_lazy("Lazy label")),
]
GROUPED = [
    ("", "Choose"),
    ("Councils & <others>", [("a", "Barnsley"), ("b", "Doncaster")]),
    ("Trusts", [("c", "Sheffield Teaching"), ("d", "Rotherham")]),
    ("e", "Ungrouped after the groups"),
]
ATTRS = {
    "class": "nhsuk-select",
    "id": "id_kind",
    "aria-describedby": 'id_kind_helptext "quoted" <tag>',
    "required": True,
    "disabled": False,
    "data-count": 12000,
}

CASES = [
    (forms.Select(choices=CHOICES), "kind", "nhs_trust", {}),
    (forms.Select(choices=CHOICES), "kind", None, ATTRS),
    (forms.Select(choices=CHOICES), "kind", 3, {}),
    (forms.Select(choices=CHOICES), 'na"me<', '<b>"x" & y</b>', {}),
    (forms.Select(choices=GROUPED), "place", "c", {"id": "id_place"}),
    (forms.Select(choices=[]), "empty", None, {}),
    (forms.SelectMultiple(choices=CHOICES), "kinds", ["nhs_trust", "3"], ATTRS),
    (forms.SelectMultiple(choices=GROUPED), "places", ["a", "d", "e"], {}),
    (forms.NullBooleanSelect(), "open", True, {}),
    (forms.NullBooleanSelect(), "open", None, {"id": "id_open"}),
    (forms.SelectDateWidget(years=[2024, 2025]), "day", datetime.date(2025, 7, 1), {}),
]


@pytest.mark.parametrize(("widget", "name", "value", "attrs"), CASES)
@pytest.mark.parametrize("thousands", [False, True])
def test_a_select_is_written_as_djangos_templates_write_it(widget, name, value, attrs, thousands):
    with override_settings(USE_THOUSAND_SEPARATOR=thousands):
        expected = widget.render(name, value, attrs, renderer=DJANGO)
        written = widget.render(name, value, attrs, renderer=PORTAL)
    assert written == expected
    assert "<option" in expected or name in {"empty"}


def test_the_python_writer_is_what_answered():
    """The cases above are not rendered by the template after all: the writer answers."""
    widget = forms.Select(choices=CHOICES)
    context = widget.get_context("kind", "nhs_trust", {"id": "id_kind"})
    markup = render_select(context["widget"])
    assert markup == widget.render("kind", "nhs_trust", {"id": "id_kind"}, renderer=DJANGO)
    assert markup.count("<option") == len(CHOICES)
    assert '<option value="nhs_trust" selected>NHS trust</option>' in markup
    assert "&lt;script&gt;alert(&#x27;label&#x27;)&lt;/script&gt; &amp; co" in markup
    assert "<em>marked safe</em>" in markup


class StarSelect(forms.Select):
    """A select whose options use a template of their own: left to the templates."""

    option_template_name = "django/forms/widgets/input.html"


def test_options_with_another_template_are_left_to_it():
    widget = StarSelect(choices=[("a", "A"), ("b", "B")])
    context = widget.get_context("x", "a", {})
    assert render_select(context["widget"]) is None
    rendered = widget.render("x", "a", {}, renderer=PORTAL)
    assert rendered == widget.render("x", "a", {}, renderer=DJANGO)
    assert '<input type="select" name="x" value="a"' in rendered


def test_other_widgets_render_through_their_templates():
    for widget in (forms.TextInput(), forms.Textarea(), forms.RadioSelect(choices=CHOICES)):
        assert widget.render("x", "nhs_trust", {}, renderer=PORTAL) == widget.render(
            "x", "nhs_trust", {}, renderer=DJANGO
        )


def test_the_site_uses_it():
    assert settings.FORM_RENDERER == "core.renderers.PortalFormRenderer"
    assert isinstance(forms.Form().renderer, PortalFormRenderer)


def public_forms():
    """Every PortalForm of the site's apps (their forms modules imported first)."""
    for app in apps.get_app_configs():
        if module_has_submodule(app.module, "forms"):
            import_module(f"{app.name}.forms")
    found, queue = [], list(PortalForm.__subclasses__())
    while queue:
        form = queue.pop()
        queue.extend(form.__subclasses__())
        if not form.__module__.startswith("tests."):
            found.append(form)
    return sorted(found, key=lambda form: form.__qualname__)


@pytest.mark.parametrize("form_class", public_forms(), ids=lambda form: form.__qualname__)
@pytest.mark.parametrize("data", [None, {"kind": "<bad>", "place": "nowhere", "year": "x"}])
def test_every_public_form_renders_as_it_did(form_class, data, seeded):
    """Each of the site's forms, fresh and with bad input, field by field through both."""
    form = form_class(data=data)
    if data is not None:
        form.is_valid()
    assert form.fields, form_class
    for field in form:
        django = str(form_class(data=data, renderer=DJANGO)[field.name])
        portal = str(form_class(data=data, renderer=PORTAL)[field.name])
        assert portal == django, field.name
