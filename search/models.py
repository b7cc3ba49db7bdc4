"""The search index: an entry per record the site search can find, and the words it knows.

An entry copies what its record says (title, codes, other names, text) so one indexed query
ranks every kind together. Whether the public may see the record is not copied: the search asks
each app's queryset at query time (a draft or scheduled news item is indexed but never shown).
On PostgreSQL the weighted search vector is stored in the row and GIN-indexed, and the words
table (GIN trigram index) answers "did you mean"; on SQLite both stay empty.
"""

from django.contrib.postgres.search import SearchVectorField
from django.db import models


class Kind(models.TextChoices):
    """What a result is, in the order the filter lists them."""

    PLACE = "place", "Place"
    NEIGHBOURHOOD = "neighbourhood", "Neighbourhood"
    PARTNER = "partner", "Partner organisation"
    COLLABORATIVE = "collaborative", "Provider collaborative"
    ALLIANCE = "alliance", "Alliance"
    BODY = "body", "Board or committee"
    MEETING = "meeting", "Meeting"
    PUBLICATION = "publication", "Publication"
    NEWS = "news", "News"
    CONSULTATION = "consultation", "Consultation"
    PAGE = "page", "Page"


class Entry(models.Model):
    source = models.CharField(max_length=100, help_text="The record's model, app_label.model.")
    object_id = models.PositiveBigIntegerField()
    kind = models.CharField(max_length=20, choices=Kind)
    title = models.CharField(max_length=300)
    url = models.CharField(max_length=300)
    codes = models.CharField(
        max_length=500, blank=True, help_text="Current and former codes (ODS, GSS), spaced."
    )
    other_names = models.TextField(blank=True, help_text="Former and other names.")
    text = models.TextField(blank=True, help_text="What the snippet is cut from.")
    date = models.DateField(null=True, blank=True)
    search_vector = SearchVectorField(null=True, editable=False)

    class Meta:
        ordering = ["kind", "title"]
        verbose_name_plural = "entries"
        constraints = [
            models.UniqueConstraint(
                fields=["source", "object_id"], name="search_entry_one_per_record"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=Kind.values), name="search_entry_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_kind_display()}: {self.title}"

    def get_absolute_url(self) -> str:
        return self.url


class Word(models.Model):
    """A word from the records' titles and names: what "did you mean" may suggest."""

    word = models.CharField(max_length=60, unique=True)

    class Meta:
        ordering = ["word"]

    def __str__(self) -> str:
        return self.word
