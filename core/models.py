"""Abstract models shared by the domain apps, and the loader's record of what it wrote."""

from django.core.exceptions import ValidationError
from django.db import models, transaction
from django.db.models.functions import Coalesce
from django.utils.choices import CallableChoiceIterator
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable

from core.dates import DatePrecision, format_date


class ConcurrentEditError(Exception):
    """Someone else saved this record after it was loaded: saving would overwrite their work."""


class SlugNaturalKeyManager(models.Manager):
    """Seed data and fixtures refer to records by slug."""

    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)


class NamedBySlug:
    """A record shown by its name and known to seed data, fixtures and URLs by its slug
    (mix in before the model base classes)."""

    def __str__(self) -> str:
        return self.name

    def natural_key(self) -> tuple[str]:
        return (self.slug,)


# Each field's choices as a dict of labels by value, made once (ChoiceLabels).
_labels_by_field: dict[models.Field, dict] = {}


class ChoiceLabels:
    """`get_FOO_display()` from the field's choices made into a dict once, where Django's makes
    the dict again on every call (a field of twenty choices cost 27 µs a call: it showed in
    the profiles of every list). Choices a callable gives may change, so those are read
    afresh, as Django reads them."""

    def _get_FIELD_display(self, field):
        labels = _labels_by_field.get(field)
        if labels is None:
            if isinstance(field.choices, CallableChoiceIterator):
                return super()._get_FIELD_display(field)
            labels = _labels_by_field[field] = dict(make_hashable(field.flatchoices))
        value = getattr(self, field.attname)
        # force_str() as Django's: a lazy label becomes text in the language of the moment.
        return force_str(labels.get(make_hashable(value), value), strings_only=True)


class VersionedModel(ChoiceLabels, models.Model):
    """A record with an edit counter, so a stale edit cannot silently overwrite a newer one.

    `save()` only writes if the row still has the version this instance was loaded with
    (a conditional UPDATE, atomic in the database), then moves the counter on. Forms that
    span two requests carry the version through the page (see core.admin).
    """

    version = models.PositiveIntegerField(default=1, editable=False)

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self._state.adding or kwargs.get("force_insert"):
            return super().save(*args, **kwargs)
        loaded = self.version
        with transaction.atomic(using=kwargs.get("using")):
            moved = (
                type(self)
                ._base_manager.filter(pk=self.pk, version=loaded)
                .update(version=loaded + 1)
            )
            if not moved:
                raise ConcurrentEditError(f"{self} was changed by someone else.")
            self.version = loaded + 1
            return super().save(*args, **kwargs)


class Confidence(models.TextChoices):
    """How sure we are of a fact, in the words a reader sees beside its source."""

    HIGH = "high", "confirmed by more than one source or an official register"
    MEDIUM = "medium", "one source"
    LOW = "low", "one source, not confirmed by another"


CITATION_FIELDS = ("source", "source_url", "source_date", "source_date_precision", "confidence")


class SourcedModel(ChoiceLabels, models.Model):
    """Where a fact was seen (name, date, link) and how sure we are of it.

    Every public page shows these beside the facts (the `citation` tag in
    core/templatetags/portal.py), and /sources/ lists every sourced fact with them.
    """

    source = models.CharField(
        max_length=300, blank=True, help_text="Where this was seen: the publisher and title."
    )
    source_url = models.URLField("source link", blank=True)
    source_date = models.DateField(
        null=True, blank=True, help_text="When the source was published, as far as known."
    )
    source_date_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    confidence = models.CharField(
        max_length=6,
        choices=Confidence,
        default=Confidence.MEDIUM,
        help_text="High: more than one independent source or an official register. "
        "Medium: one source. Low: one third-party source only.",
    )

    class Meta:
        abstract = True

    def citation(self) -> dict:
        """This record's source fields, for a record that shares its source."""
        return {name: getattr(self, name) for name in CITATION_FIELDS}

    @property
    def source_date_display(self) -> str:
        return format_date(self.source_date, self.source_date_precision)


def dates_in_order(start: str, end: str, *, name: str) -> models.CheckConstraint:
    """The database's check that a period does not end before it starts; either end may be
    unknown (null)."""
    return models.CheckConstraint(
        condition=models.Q(**{f"{start}__isnull": True})
        | models.Q(**{f"{end}__isnull": True})
        | models.Q(**{f"{end}__gte": models.F(start)}),
        name=name,
    )


def check_dates_in_order(start, end, *, field: str, message: str) -> None:
    """The same rule for forms: a friendly error on `field` when `end` comes before `start`."""
    if start and end and end < start:
        raise ValidationError({field: message})


def distinct_citations(records) -> list:
    """One record for each distinct source among sourced `records`, in their order."""
    seen, citations = set(), []
    for record in records:
        key = tuple(record.citation().values())
        if key not in seen:
            seen.add(key)
            citations.append(record)
    return citations


def sourced_constraints(prefix: str) -> list[models.BaseConstraint]:
    """The database's own checks on a SourcedModel's fields, for the subclass's Meta."""
    return [
        models.CheckConstraint(
            condition=models.Q(confidence__in=Confidence.values),
            name=f"{prefix}_confidence_valid",
        ),
        models.CheckConstraint(
            condition=models.Q(source_date_precision__in=DatePrecision.values),
            name=f"{prefix}_source_date_precision_valid",
        ),
    ]


class LoadedValue(models.Model):
    """The value the partnership loader last wrote to one field of one seeded record.

    A later run compares a record's current value with this one to tell a staff edit (keep it)
    from the loader's own write (the data file may update it), and a record staff deleted
    (rows here, none in its table) from one never loaded. Records are named by natural key
    ("sheffield", "sheffield/central"), not by id, so the rows read clearly.
    """

    model_label = models.CharField(max_length=100, help_text='For example "partners.organisation".')
    record_key = models.CharField(max_length=300, help_text="The record's natural key.")
    field_name = models.CharField(max_length=100)
    # A null field and an empty string are different values, so the text may be NULL.
    value = models.TextField(  # noqa: DJ001
        null=True, blank=True, help_text="As serialised by the loader; NULL for a null value."
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["model_label", "record_key", "field_name"]
        constraints = [
            models.UniqueConstraint(
                fields=["model_label", "record_key", "field_name"],
                name="loaded_value_unique_field",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.model_label} {self.record_key}.{self.field_name}"


def count_of(model: type[models.Model], field: str) -> models.Expression:
    """How many `model` rows point at the outer row through `field`, as a correlated subquery
    (0 for none). Unlike Count() over a join it adds no GROUP BY, so a list ordered by an
    indexed column and cut to a page counts only for the rows it shows, however long the list."""
    rows = (
        model._default_manager.filter(**{field: models.OuterRef("pk")})
        .order_by()
        .values(field)
        .annotate(number=models.Count("pk"))
        .values("number")
    )
    return Coalesce(models.Subquery(rows, output_field=models.IntegerField()), 0)
