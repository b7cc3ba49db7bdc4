"""get_FOO_display() from each field's choices made into a dict once (core.models.ChoiceLabels)
says what Django's own says, for every field with choices on every model that has it."""

import pytest
from django.apps import apps
from django.db import models
from django.test.utils import isolate_apps
from django.utils.choices import CallableChoiceIterator

from core.models import ChoiceLabels, _labels_by_field

FIELDS = [
    (model, field)
    for model in apps.get_models()
    if issubclass(model, ChoiceLabels)
    for field in model._meta.concrete_fields
    if field.choices
]


def test_the_public_records_choices_are_covered():
    covered = {(model._meta.label, field.name) for model, field in FIELDS}
    assert ("partners.Organisation", "kind") in covered
    assert ("alliances.Membership", "role") in covered
    assert ("publications.Publication", "kind") in covered
    assert ("governance.Meeting", "status") in covered


@pytest.mark.parametrize(
    ("model", "field"), FIELDS, ids=[f"{m._meta.label}.{f.name}" for m, f in FIELDS]
)
def test_every_label_is_djangos(model, field):
    for value in [*(value for value, _ in field.flatchoices), "not-a-choice", "", None]:
        record = model(**{field.attname: value})
        ours = getattr(record, f"get_{field.name}_display")()
        assert ours == models.Model._get_FIELD_display(record, field)
        assert type(ours) is type(models.Model._get_FIELD_display(record, field))
    assert field in _labels_by_field  # made once, then read


@isolate_apps("core")
def test_choices_from_a_callable_are_read_afresh():
    offered = [("a", "First")]

    class Ballot(ChoiceLabels, models.Model):  # noqa: DJ008 (a model for this test only)
        choice = models.CharField(max_length=1, choices=lambda: offered)

        class Meta:
            app_label = "core"

    field = Ballot._meta.get_field("choice")
    assert isinstance(field.choices, CallableChoiceIterator)
    assert Ballot(choice="a").get_choice_display() == "First"
    offered[:] = [("a", "Changed")]
    assert Ballot(choice="a").get_choice_display() == "Changed"
    assert field not in _labels_by_field
