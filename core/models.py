"""Abstract models shared by the domain apps, and the loader's record of what it wrote."""

from django.db import models, transaction


class ConcurrentEditError(Exception):
    """Someone else saved this record after it was loaded: saving would overwrite their work."""


class SlugNaturalKeyManager(models.Manager):
    """Seed data and fixtures refer to records by slug."""

    def get_by_natural_key(self, slug: str):
        return self.get(slug=slug)


class VersionedModel(models.Model):
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


class SourcedModel(models.Model):
    """Where a fact was seen, and whether staff have checked it."""

    source = models.CharField(
        max_length=300, blank=True, help_text="Where this was seen, in words."
    )
    source_url = models.URLField("source link", blank=True)
    verified = models.BooleanField(
        default=True,
        help_text="Untick for facts seen in a single third-party source only.",
    )

    class Meta:
        abstract = True


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
