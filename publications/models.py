"""Publications: what the partnership publishes (strategies, plans, annual reports, policies,
consultation documents, board papers), each with its documents in order, or written as a page
in the admin (GOV.UK's "HTML attachment", the most accessible format).

A publication is public once it is marked published and its date (when known) has come, so a
publication dated ahead appears on that day with nothing having to run.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Prefetch, Q
from django.utils import timezone
from django.utils.safestring import SafeString
from simple_history.models import HistoricalRecords

from core.dates import DatePrecision, format_date, iso_date
from core.links import slug_url
from core.models import (
    NamedBySlug,
    SlugNaturalKeyManager,
    SourcedModel,
    VersionedModel,
    sourced_constraints,
)
from core.richtext import RichTextField, render_rich_text
from documents.models import Document
from governance.models import Body, Meeting
from places.models import IntegratedCareSystem, Place


class PublicationKind(models.TextChoices):
    STRATEGY = "strategy", "Strategy"
    PLAN = "plan", "Plan"
    ANNUAL_REPORT = "annual_report", "Annual report"
    POLICY = "policy", "Policy"
    CONSULTATION = "consultation", "Consultation document"
    BOARD_PAPERS = "board_papers", "Board papers"
    REPORT = "report", "Report"
    OTHER = "other", "Other"


class PublicationQuerySet(models.QuerySet):
    def published(self, today: datetime.date | None = None) -> "PublicationQuerySet":
        """What the public may see today: marked published, and dated today or earlier (or
        undated: an unknown date never hides a publication). The one rule of what is public."""
        return self.filter(is_published=True).filter(
            Q(published_on__isnull=True) | Q(published_on__lte=today or timezone.localdate())
        )

    def newest_first(self) -> "PublicationQuerySet":
        """Newest first; undated ones (their date unknown) last, by title."""
        return self.order_by(F("published_on").desc(nulls_last=True), "title", "pk")

    def matching(
        self,
        *,
        kind: str = "",
        body: Body | None = None,
        year: int | None = None,
    ) -> "PublicationQuerySet":
        """Publications of one kind, one body and one year (the filter form's cleaned values)."""
        found = self
        if kind:
            found = found.filter(kind=kind)
        if body is not None:
            found = found.filter(body=body)
        if year is not None:
            found = found.filter(published_on__year=year)
        return found

    def with_context(self) -> "PublicationQuerySet":
        """For lists: the system, place, body and meeting each row names."""
        return self.select_related("system", "place", "body", "meeting__body")


class PublicationManager(SlugNaturalKeyManager.from_queryset(PublicationQuerySet)):
    pass


class Publication(NamedBySlug, VersionedModel, SourcedModel):
    """One publication: its documents (files or links, with their alternative formats) and,
    optionally, its content written here and shown as a page."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(max_length=150, unique=True)
    kind = models.CharField("type", max_length=20, choices=PublicationKind)
    summary = models.TextField(help_text="Plain text: what it is, in a sentence or two.")
    published_on = models.DateField(
        null=True,
        blank=True,
        help_text="When it was published, as far as known. Leave empty when not known.",
    )
    published_on_precision = models.CharField(
        "precision of the date", max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    period = models.CharField(
        "period it covers",
        max_length=80,
        blank=True,
        help_text="For a plan or report, as published: “2019 to 2024”, “1 July 2022 to "
        "31 March 2023”.",
    )
    publisher = models.CharField(
        "published by",
        max_length=200,
        blank=True,
        help_text="When someone other than the partnership or its boards published it: the "
        "Department of Health and Social Care, say.",
    )
    system = models.ForeignKey(
        IntegratedCareSystem,
        on_delete=models.PROTECT,
        related_name="publications",
        help_text="The system it is about or was published for.",
    )
    # A publication's record outlives its place, body or meeting: deleting one only unlinks it.
    place = models.ForeignKey(
        Place,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        help_text="For a place plan: the place.",
    )
    body = models.ForeignKey(
        Body,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        verbose_name="board or committee",
        help_text="The board or committee that published or considered it.",
    )
    meeting = models.ForeignKey(
        Meeting,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="publications",
        help_text="For board papers: the meeting they were for.",
    )
    content = RichTextField(
        "content as a page",
        blank=True,
        help_text="Optional: the publication itself, written here and shown as a web page.",
    )
    documents = models.ManyToManyField(
        Document, through="PublicationDocument", blank=True, related_name="publications"
    )
    is_published = models.BooleanField(
        "published",
        default=False,
        help_text="Tick to show it on the public site (from its date, when that is ahead).",
    )
    added_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = PublicationManager()
    history = HistoricalRecords()

    class Meta:
        ordering = [F("published_on").desc(nulls_last=True), "title"]
        indexes = [
            # The latest of each class of the publication scheme (/freedom-of-information/):
            # each class's first five read down the index, where each scanned and sorted all
            # publications (1.7 ms at a hundred times the data, 0.6 now).
            models.Index(fields=["kind", "-published_on", "title"], name="publication_kind_latest"),
        ]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=PublicationKind.values), name="publication_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(published_on_precision__in=DatePrecision.values),
                name="publication_published_on_precision_valid",
            ),
            models.CheckConstraint(condition=~Q(title=""), name="publication_title_not_empty"),
            *sourced_constraints("publication"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("publications:detail", self.slug)

    def clean(self):
        errors = {}
        if not self.title.strip():
            errors["title"] = "Give the publication's title."
        if self.kind and self.kind not in PublicationKind.values:
            errors["kind"] = "Choose one of the types listed."
        if self.place_id and self.system_id and self.place.system_id != self.system_id:
            errors["place"] = "The place must be in the publication's system."
        if self.body_id and self.system_id and self.body.system_id != self.system_id:
            errors["body"] = "The board or committee must be in the publication's system."
        if self.meeting_id and self.body_id and self.meeting.body_id != self.body_id:
            errors["meeting"] = "The meeting must be one of the chosen board or committee's."
        if errors:
            raise ValidationError(errors)

    @property
    def content_html(self) -> SafeString:
        """The content, cleaned against the allowlist (core.richtext)."""
        return render_rich_text(self.content)

    @property
    def date_display(self) -> str:
        return format_date(self.published_on, self.published_on_precision)

    @property
    def date_iso(self) -> str:
        return iso_date(self.published_on, self.published_on_precision)

    @property
    def ordered_documents(self) -> list[Document]:
        """All its documents in their order (its page lists them a page at a time, through
        `document_links.for_page()`)."""
        return [link.document for link in self.document_links.in_order().select_related("document")]

    def is_public(self, today: datetime.date | None = None) -> bool:
        """The queryset's `published()` rule for this one publication."""
        today = today or timezone.localdate()
        return self.is_published and (self.published_on is None or self.published_on <= today)


class PublicationDocumentQuerySet(models.QuerySet):
    def in_order(self) -> "PublicationDocumentQuerySet":
        """Lower numbers first; documents given the same number, in the order they were added."""
        return self.order_by("order", "pk")

    def for_page(self) -> "PublicationDocumentQuerySet":
        """A publication's documents as its page lists them, in order, each document with its
        alternative formats: a fixed number of queries however many a page shows."""
        return (
            self.in_order()
            .select_related("document__alternative_of")
            .prefetch_related(
                Prefetch("document__alternatives", queryset=Document.objects.in_format_order())
            )
        )


class PublicationDocument(models.Model):
    """A document of a publication, in its place in the list. Alternative formats are not
    attached here: they are shown with their original."""

    publication = models.ForeignKey(
        Publication, on_delete=models.CASCADE, related_name="document_links"
    )
    document = models.ForeignKey(
        Document, on_delete=models.CASCADE, related_name="publication_links"
    )
    order = models.PositiveSmallIntegerField(default=0, help_text="Lower numbers come first.")

    objects = PublicationDocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["publication", "order", "pk"]
        verbose_name = "document of a publication"
        verbose_name_plural = "documents of publications"
        constraints = [
            models.UniqueConstraint(
                fields=["publication", "document"], name="publication_document_once"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.document} in {self.publication}"

    def clean(self):
        if self.document_id and self.document.alternative_of_id:
            raise ValidationError(
                {
                    "document": "Attach the original: its Easy Read, large print and other "
                    "versions are shown with it."
                }
            )
