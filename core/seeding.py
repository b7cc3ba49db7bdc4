"""Idempotent loading of reference data: create what is missing, update what changed.

Records are matched on their natural key. Fields the data file gives are brought in line
(through `full_clean()` and `save()`, so every change is validated and kept in the history);
fields it does not give, records it does not name and many-to-many links staff added are left
alone. Loading the same data twice changes nothing.
"""

import tomllib
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from django.db import models

CHANGE_REASON = "Loaded from the partnership data files"


@dataclass
class LoadReport:
    """What a load did, per model: created, updated, unchanged."""

    counts: dict[str, Counter] = field(default_factory=dict)

    def record(self, model: type[models.Model], outcome: str) -> None:
        self.counts.setdefault(model._meta.verbose_name_plural, Counter())[outcome] += 1

    def lines(self) -> list[str]:
        return [
            f"{name}: {c['created']} created, {c['updated']} updated, {c['unchanged']} unchanged"
            for name, c in self.counts.items()
        ]


def read_toml(path: Path) -> dict[str, Any]:
    with path.open("rb") as handle:
        return tomllib.load(handle)


def upsert[M: models.Model](
    model: type[M], *, key: dict[str, Any], values: dict[str, Any], report: LoadReport
) -> M:
    """Create or update one record matched on `key`, touching only the fields in `values`."""
    instance = model._default_manager.filter(**key).first()
    if instance is None:
        instance = model(**key, **values)
        outcome = "created"
    else:
        changed = {name: v for name, v in values.items() if getattr(instance, name) != v}
        if not changed:
            report.record(model, "unchanged")
            return instance
        for name, value in changed.items():
            setattr(instance, name, value)
        outcome = "updated"
    instance.full_clean()
    instance._change_reason = CHANGE_REASON
    instance.save()
    report.record(model, outcome)
    return instance


def add_links(manager, targets) -> None:
    """Add many-to-many links that are missing; never remove links staff added."""
    present = set(manager.values_list("pk", flat=True))
    missing = [t for t in targets if t.pk not in present]
    if missing:
        manager.add(*missing)
