"""Documents: an uploaded file or an external link with its source, and the alternative
formats (Easy Read, large print, audio, British Sign Language, other languages) of each.

A document is shown as GOV.UK shows an attachment: its title, type, size and, for a PDF, its
page count. Uploaded files are checked by their content and stored under random names
(`documents.files`); they are served only as downloads (`documents.views`).
"""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from core.dates import DatePrecision
from core.models import SourcedModel, VersionedModel, sourced_constraints


class FileFormat(models.TextChoices):
    """What a document is, in the words GOV.UK uses for attachments. Uploads have theirs set
    from their content; a link's is chosen by staff."""

    PDF = "pdf", "PDF"
    WORD = "docx", "MS Word Document"
    EXCEL = "xlsx", "MS Excel Spreadsheet"
    ODT = "odt", "OpenDocument Text"
    ODS = "ods", "OpenDocument Spreadsheet"
    CSV = "csv", "CSV"
    WEB_PAGE = "html", "Web page"
    AUDIO = "audio", "Audio"
    VIDEO = "video", "Video"


class AlternativeFormat(models.TextChoices):
    """An accessible or translated version of another document."""

    EASY_READ = "easy_read", "Easy Read"
    LARGE_PRINT = "large_print", "Large print"
    AUDIO = "audio", "Audio"
    BSL = "bsl", "British Sign Language video"
    OTHER_LANGUAGE = "language", "Other language"


class DocumentQuerySet(models.QuerySet):
    def originals(self) -> "DocumentQuerySet":
        return self.filter(alternative_of__isnull=True)

    def with_alternatives(self) -> "DocumentQuerySet":
        return self.prefetch_related("alternatives")


class Document(VersionedModel, SourcedModel):
    """One file or link. Exactly one of `file` and `url` is set (checked by the database)."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=150, unique=True, help_text="Names the download: <slug>.<extension>."
    )
    file = models.FileField(
        upload_to="documents/",  # replaced by a random name: documents.files.document_path
        blank=True,
        max_length=200,
        help_text="PDF, Word, Excel, OpenDocument or CSV. Leave empty for an external link.",
    )
    url = models.URLField(
        "external link",
        max_length=500,
        blank=True,
        help_text="Where the document is published elsewhere. Leave empty for an upload.",
    )
    file_format = models.CharField(
        "type",
        max_length=10,
        choices=FileFormat,
        blank=True,
        help_text="Set from an upload's content; choose it for a link where known.",
    )
    size_bytes = models.PositiveBigIntegerField(
        "size in bytes", null=True, blank=True, editable=False
    )
    page_count = models.PositiveIntegerField(
        null=True, blank=True, editable=False, help_text="For a PDF upload."
    )
    published_on = models.DateField(null=True, blank=True)
    published_on_precision = models.CharField(
        max_length=5, choices=DatePrecision, default=DatePrecision.DAY
    )
    alternative_of = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        related_name="alternatives",
        help_text="For an Easy Read, large print, audio, BSL or translated version: the original.",
    )
    alternative_format = models.CharField(max_length=12, choices=AlternativeFormat, blank=True)
    language = models.CharField(
        max_length=100, blank=True, help_text='For a translation: the language, as "Urdu".'
    )
    added_at = models.DateTimeField(auto_now_add=True)

    objects = DocumentQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["title", "slug"]
        constraints = [
            models.CheckConstraint(
                condition=(Q(file="") & ~Q(url="")) | (~Q(file="") & Q(url="")),
                name="document_is_file_or_link",
            ),
            models.CheckConstraint(
                condition=Q(file_format__in=[*FileFormat.values, ""]),
                name="document_file_format_valid",
            ),
            models.CheckConstraint(
                condition=Q(alternative_format__in=[*AlternativeFormat.values, ""]),
                name="document_alternative_format_valid",
            ),
            models.CheckConstraint(
                condition=Q(alternative_of__isnull=True, alternative_format="")
                | Q(alternative_of__isnull=False) & ~Q(alternative_format=""),
                name="document_alternative_has_format",
            ),
            models.CheckConstraint(
                condition=~Q(alternative_format=AlternativeFormat.OTHER_LANGUAGE) | ~Q(language=""),
                name="document_translation_names_language",
            ),
            models.CheckConstraint(
                condition=~Q(alternative_of=models.F("pk")),
                name="document_not_its_own_alternative",
            ),
            models.CheckConstraint(
                condition=Q(published_on_precision__in=DatePrecision.values),
                name="document_published_on_precision_valid",
            ),
            *sourced_constraints("document"),
        ]

    def __str__(self) -> str:
        return self.title

    def natural_key(self) -> tuple[str]:
        return (self.slug,)

    def get_absolute_url(self) -> str:
        """Where a reader gets it: the download for an upload, the link otherwise."""
        if self.file:
            return reverse("documents:download", kwargs={"slug": self.slug})
        return self.url

    @property
    def is_upload(self) -> bool:
        return bool(self.file)

    def clean(self):
        errors = {}
        if bool(self.file) == bool(self.url):
            errors["url"] = "Upload a file or give an external link (one, not both)."
        if self.alternative_of_id and not self.alternative_format:
            errors["alternative_format"] = "Say which format this version is."
        if self.alternative_format and not self.alternative_of_id:
            errors["alternative_of"] = "Choose the original this is a version of."
        if self.alternative_of_id and self.pk and self.alternative_of_id == self.pk:
            errors["alternative_of"] = "A document cannot be a version of itself."
        if self.alternative_of_id and self.alternative_of.alternative_of_id:
            errors["alternative_of"] = "Choose the original, not another version of it."
        if self.alternative_format == AlternativeFormat.OTHER_LANGUAGE and not self.language:
            errors["language"] = "Name the language of the translation."
        if errors:
            raise ValidationError(errors)
