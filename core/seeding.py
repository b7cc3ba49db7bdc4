"""Loading reference data without undoing staff work: create what is missing, update only
what the loader itself wrote.

Records are matched on their natural key. Every value the loader writes is remembered
(`core.models.LoadedValue`, per record and field), and a later run compares:

- a record that does not exist yet is created, unless the loader created it before (then staff
  deleted it, and it stays deleted);
- a field that already holds the file's value is left alone;
- a field that still holds what the loader last wrote takes the file's new value;
- a field the loader has no record of (a database loaded before it kept one) takes the file's
  value only if the record's history shows no save but the loader's;
- a field that holds anything else was changed by staff and is kept, and the run reports it.

Many-to-many links are only ever added, and a link the loader added once is not added again
after staff removed it. Fields given as `create_only` (a news item's `publish_at`) are written
when the record is created and never after. Writes go through `full_clean()` and `save()`, so
every change is validated and kept in the history. Loading the same data twice changes nothing.
"""

import json
import tomllib
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from django.db import models
from django.utils import timezone

from core.models import LoadedValue

CHANGE_REASON = "Loaded from the partnership data files"


@dataclass
class LoadReport:
    """What a load did, per model: created, updated, unchanged, staff changes kept."""

    counts: dict[str, Counter] = field(default_factory=dict)
    kept: list[str] = field(default_factory=list)

    def record(self, model: type[models.Model], outcome: str) -> None:
        self.counts.setdefault(model._meta.verbose_name_plural, Counter())[outcome] += 1

    def keep_change(self, model: type[models.Model], key: str, field_name: str) -> None:
        self.record(model, "kept")
        self.kept.append(f"kept staff change: {model._meta.verbose_name} {key}.{field_name}")

    def keep_deletion(self, model: type[models.Model], key: str) -> None:
        self.record(model, "kept")
        self.kept.append(f"kept staff deletion: {model._meta.verbose_name} {key}")

    def lines(self) -> list[str]:
        return [
            f"{name}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged, "
            f"{c['kept']} staff change{'' if c['kept'] == 1 else 's'} kept"
            for name, c in self.counts.items()
        ] + self.kept


def read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def natural_key_string(value: Any) -> str:
    """A record as the loader names it: its natural key joined with "/" ("sheffield/central")."""
    if isinstance(value, models.Model):
        if hasattr(value, "natural_key"):
            return "/".join(str(part) for part in value.natural_key())
        return str(value.pk)
    return str(value)


def serialise(model_field: models.Field, value: Any) -> str | None:
    """A field's value as text, equal for equal values: related records by natural key,
    datetimes in UTC, everything else as Django's serialisers write it; None for null."""
    if value is None:
        return None
    if model_field.is_relation:
        return natural_key_string(value)
    value = model_field.to_python(value)
    if isinstance(value, datetime) and value.tzinfo is not None:
        value = value.astimezone(UTC)
    return model_field.value_to_string(SimpleNamespace(**{model_field.attname: value}))


def upsert[M: models.Model](
    model: type[M],
    *,
    key: dict[str, Any],
    values: dict[str, Any],
    report: LoadReport,
    create_only: dict[str, Any] | None = None,
) -> M | None:
    """Create or update one record matched on `key`, touching only the fields in `values`
    (and `create_only`, when creating) that staff have not changed.

    Returns the record, or None when staff deleted a record the loader had created.
    """
    create_only = create_only or {}
    label = model._meta.label_lower
    record_key = "/".join(natural_key_string(v) for v in key.values())
    recorded = {
        row.field_name: row.value
        for row in LoadedValue.objects.filter(model_label=label, record_key=record_key)
    }
    instances = model._default_manager.filter(**key)
    if related := [name for name in values if model._meta.get_field(name).many_to_one]:
        instances = instances.select_related(*related)
    instance = instances.first()

    if instance is None:
        if recorded:
            report.keep_deletion(model, record_key)
            return None
        instance = model(**key, **values, **create_only)
        _save(instance)
        _remember(model, record_key, {**key, **values, **create_only}, recorded)
        report.record(model, "created")
        return instance

    changed, loaded = {}, dict(key)
    for name, value in values.items():
        model_field = model._meta.get_field(name)
        current = serialise(model_field, getattr(instance, name))
        wanted = serialise(model_field, value)
        if current == wanted:
            loaded[name] = value
        elif name in recorded and current == recorded[name]:
            changed[name] = loaded[name] = value
        elif name not in recorded and only_the_loader_saved(instance):
            # Loaded before the loader kept its record, and never saved by staff since.
            changed[name] = loaded[name] = value
        else:
            report.keep_change(model, record_key, name)
    if changed:
        for name, value in changed.items():
            setattr(instance, name, value)
        _save(instance)
    _remember(model, record_key, loaded, recorded)
    report.record(model, "updated" if changed else "unchanged")
    return instance


def only_the_loader_saved(instance: models.Model) -> bool:
    """True when no version of the record in its history is anyone's but the loader's: no one
    else has saved it (a record a data migration made has no history at all), so its values
    are the loader's even without a LoadedValue record (a database loaded before the loader
    kept one). A model without a history proves nothing."""
    history = getattr(instance, "history", None)
    if history is None:
        return False
    if not hasattr(instance, "_only_the_loader_saved"):
        instance._only_the_loader_saved = not history.exclude(
            history_change_reason=CHANGE_REASON
        ).exists()
    return instance._only_the_loader_saved


def find[M: models.Model](model: type[M], slug: str) -> M | None:
    """The record a data file refers to by slug, or None if staff deleted it after the loader
    created it (rows referring to it are then skipped). A slug the loader never loaded is a
    mistake in the data files and raises DoesNotExist."""
    instance = model._default_manager.filter(slug=slug).first()
    if instance is not None:
        return instance
    if LoadedValue.objects.filter(model_label=model._meta.label_lower, record_key=slug).exists():
        return None
    raise model.DoesNotExist(f"No {model._meta.verbose_name} {slug!r} in the database.")


def add_links(
    instance: models.Model,
    field_name: str,
    targets: Iterable[models.Model],
    *,
    report: LoadReport,
) -> None:
    """Add the many-to-many links the loader has never added; never re-add one staff removed,
    never remove one staff added. Remembers the links it owns as a sorted list of keys."""
    model = type(instance)
    label = model._meta.label_lower
    record_key = natural_key_string(instance)
    row = LoadedValue.objects.filter(
        model_label=label, record_key=record_key, field_name=field_name
    ).first()
    added_before = set(json.loads(row.value)) if row else set()
    manager = getattr(instance, field_name)
    present = {natural_key_string(t) for t in manager.all()}
    wanted = {natural_key_string(t): t for t in targets}

    missing = [t for k, t in wanted.items() if k not in present and k not in added_before]
    if missing:
        instance._change_reason = CHANGE_REASON
        manager.add(*missing)
    if any(k not in present and k in added_before for k in wanted):
        report.keep_change(model, record_key, field_name)

    owned = json.dumps(sorted(added_before | wanted.keys()))
    if row is None or row.value != owned:
        LoadedValue.objects.update_or_create(
            model_label=label,
            record_key=record_key,
            field_name=field_name,
            defaults={"value": owned},
        )


def _save(instance: models.Model) -> None:
    instance.full_clean()
    instance._change_reason = CHANGE_REASON
    instance.save()


def _remember(
    model: type[models.Model],
    record_key: str,
    written: dict[str, Any],
    recorded: dict[str, str | None],
) -> None:
    """Record `written` as the loader's values, skipping those already recorded."""
    label = model._meta.label_lower
    new = []
    for name, value in written.items():
        text = serialise(model._meta.get_field(name), value)
        if name not in recorded:
            new.append(
                LoadedValue(model_label=label, record_key=record_key, field_name=name, value=text)
            )
        elif recorded[name] != text:
            LoadedValue.objects.filter(
                model_label=label, record_key=record_key, field_name=name
            ).update(value=text, updated_at=timezone.now())
    LoadedValue.objects.bulk_create(new)
