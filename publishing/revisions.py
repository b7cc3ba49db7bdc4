"""Draft changes to a published item: kept aside as a Revision while the public keeps seeing
the published version, compared with it, and copied onto it when approved and published.

A revision holds the edit form's fields: concrete fields by their stored value (a file by its
stored name, a relation by its key), many-to-many fields as lists of keys.
"""

import difflib
import json

from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import FieldDoesNotExist
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, transaction
from django.utils.html import conditional_escape, format_html, strip_tags
from django.utils.safestring import SafeString, mark_safe

from publishing.models import Revision


def field_values(item: models.Model, form) -> dict:
    """What the saved form holds (applied to `item` in memory, not saved), as JSON values."""
    values = {}
    for name in form.fields:
        try:
            field = item._meta.get_field(name)
        except FieldDoesNotExist:  # a form-only field, such as loaded_version
            continue
        if field.many_to_many:
            values[name] = sorted(obj.pk for obj in form.cleaned_data.get(name) or [])
        elif isinstance(field, models.FileField):
            file = getattr(item, name)
            if file and not file._committed:
                file.save(file.name, file.file, save=False)  # stored now, named by upload_to
            values[name] = file.name or ""
        elif field.concrete:
            values[name] = field.value_from_object(item)
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def save_revision(item: models.Model, form, *, by) -> Revision:
    revision, _ = Revision.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(item),
        object_id=item.pk,
        defaults={"data": field_values(item, form), "created_by": by},
    )
    return revision


def pending(item: models.Model) -> Revision | None:
    if item.pk is None:
        return None
    return Revision.objects.of(item).first()


def apply(item: models.Model, data: dict) -> dict:
    """Set the revision's concrete values on `item` (in memory); return its many-to-many."""
    many = {}
    for name, value in data.items():
        field = item._meta.get_field(name)
        if field.many_to_many:
            many[name] = value
        elif isinstance(field, models.FileField):
            setattr(item, name, value)
        else:
            setattr(item, field.attname, field.to_python(value))
    return many


def as_draft(item: models.Model) -> models.Model:
    """`item` as its preview shows it: with its draft changes, if any, applied in memory (the
    public still sees what is published). Many-to-many changes show once published."""
    revision = pending(item) if item.publish_at is not None else None
    if revision is not None:
        apply(item, revision.data)
    return item


@transaction.atomic
def publish_revision(item: models.Model, revision: Revision) -> None:
    """The draft becomes the published version: saved onto the item (in its history)."""
    many = apply(item, revision.data)
    item.save()
    for name, keys in many.items():
        getattr(item, name).set(keys)
    revision.delete()


def differences(item: models.Model, revision: Revision) -> list[dict]:
    """Field by field, what the draft changes: the label, and the words taken out and put in."""
    live = _live_values(item, revision.data)
    changes = []
    for name, new in revision.data.items():
        old = live.get(name)
        if _comparable(old) == _comparable(new):
            continue
        field = item._meta.get_field(name)
        changes.append(
            {
                "label": str(field.verbose_name).capitalize(),
                "diff": word_diff(_readable(item, field, old), _readable(item, field, new)),
            }
        )
    return changes


def _live_values(item, data: dict) -> dict:
    values = {}
    for name in data:
        field = item._meta.get_field(name)
        if field.many_to_many:
            values[name] = sorted(getattr(item, name).values_list("pk", flat=True))
        elif isinstance(field, models.FileField):
            values[name] = getattr(item, name).name or ""
        else:
            values[name] = field.value_from_object(item)
    return json.loads(json.dumps(values, cls=DjangoJSONEncoder))


def _comparable(value):
    return value if value not in (None, "") else ""


def _readable(item, field, value) -> str:
    if field.many_to_many:
        names = field.related_model._default_manager.filter(pk__in=value or [])
        return ", ".join(sorted(str(obj) for obj in names))
    if field.is_relation and value:
        obj = field.related_model._default_manager.filter(pk=value).first()
        return str(obj) if obj else ""
    return " ".join(strip_tags(str(value if value is not None else "")).split())


def word_diff(old: str, new: str) -> SafeString:
    """HTML: the words kept, with those removed in <del> and those added in <ins>."""
    before, after = old.split(), new.split()
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(conditional_escape(" ".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(format_html("<del>{}</del>", " ".join(before[a1:a2])))
        if b2 > b1:
            parts.append(format_html("<ins>{}</ins>", " ".join(after[b1:b2])))
    # Every part is escaped above.
    return mark_safe(" ".join(parts))  # noqa: S308  # nosec B308 B703
