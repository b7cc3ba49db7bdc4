"""Abstract models shared by the domain apps."""

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
