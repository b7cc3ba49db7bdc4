"""Documents: an uploaded file or an external link with its source, and the alternative
formats (Easy Read, large print, audio, British Sign Language, other languages) of each.

A document is shown as GOV.UK shows an attachment: its title, type, size and, for a PDF, its
page count. Uploaded files are checked by their content and stored under random names
(`documents.files`); they are served only as downloads (`documents.views`).
"""

from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Prefetch, Q
from simple_history.models import HistoricalRecords

from core.dates import DatePrecision
from core.links import slug_url
from core.models import SourcedModel, VersionedModel, sourced_constraints
from documents.files import CONTENT_TYPES, document_path, inspect_document


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


# How an alternative is named in the list under its original, and on itself.
VERSION_LABELS = {
    AlternativeFormat.EASY_READ: "Easy Read version",
    AlternativeFormat.LARGE_PRINT: "Large print version",
    AlternativeFormat.AUDIO: "Audio version",
    AlternativeFormat.BSL: "British Sign Language (BSL) video",
}
VERSION_OF = {
    AlternativeFormat.EASY_READ: "This is an Easy Read version of",
    AlternativeFormat.LARGE_PRINT: "This is a large print version of",
    AlternativeFormat.AUDIO: "This is an audio version of",
    AlternativeFormat.BSL: "This is a British Sign Language (BSL) video of",
}


class DocumentQuerySet(models.QuerySet):
    def originals(self) -> "DocumentQuerySet":
        return self.filter(alternative_of__isnull=True)

    def uploads(self) -> "DocumentQuerySet":
        """Documents with a stored file (the ones the download view serves)."""
        return self.exclude(file="")

    def with_alternatives(self) -> "DocumentQuerySet":
        """Everything `{% attachment %}` shows, in two queries
        however many documents: the original of an alternative and the alternatives of an
        original, in format order. Use it as the queryset of another app's Prefetch too."""
        return self.select_related("alternative_of").prefetch_related(
            Prefetch("alternatives", queryset=Document.objects.in_format_order())
        )

    def in_format_order(self) -> "DocumentQuerySet":
        """Alternatives as a page lists them: by format, then language."""
        return self.order_by("alternative_format", "language", "title")


class Document(VersionedModel, SourcedModel):
    """One file or link. Exactly one of `file` and `url` is set (checked by the database)."""

    title = models.CharField(max_length=300)
    slug = models.SlugField(
        max_length=150, unique=True, help_text="Names the download: <slug>.<extension>."
    )
    file = models.FileField(
        upload_to=document_path,  # a random name: the uploaded one is never used
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
            return slug_url("documents:download", self.slug)
        return self.url

    @property
    def is_upload(self) -> bool:
        return bool(self.file)

    @property
    def stored_format(self) -> str:
        """An upload's real format, from the extension its stored name was given when its
        content was checked (not from the editable type field), or "" when unknown."""
        extension = self.file.name.rsplit(".", 1)[-1] if self.file else ""
        return extension if extension in CONTENT_TYPES else ""

    @property
    def content_type(self) -> str:
        return CONTENT_TYPES[self.stored_format]

    @property
    def download_name(self) -> str:
        """The name a download is saved as: the slug and the real format's extension, never
        a name someone chose."""
        return f"{self.slug}.{self.stored_format}"

    @property
    def link_site(self) -> str:
        """The site a link points to, as "www.gov.uk"."""
        return (urlsplit(self.url).hostname or "") if self.url else ""

    @property
    def version_label(self) -> str:
        """An alternative's name in the list under its original: "Easy Read version"."""
        if self.alternative_format == AlternativeFormat.OTHER_LANGUAGE:
            return f"{self.language} translation"
        return VERSION_LABELS.get(self.alternative_format, "")

    @property
    def version_of_text(self) -> str:
        """What an alternative says of itself before naming its original."""
        if self.alternative_format == AlternativeFormat.OTHER_LANGUAGE:
            return f"This is a translation into {self.language} of"
        return VERSION_OF.get(self.alternative_format, "")

    def _new_upload(self):
        """The uploaded file not yet stored, if there is one (stored files were checked when
        they were uploaded, and are not read again on every edit)."""
        if self.file and not self.file._committed:
            return self.file.file
        return None

    def check_upload(self) -> None:
        """Check a new upload's content and record its format, size and page count.

        The one place upload details are set: clean() calls it for a friendly form error and
        save() for code that saves without validating, so no unchecked file is stored.
        """
        upload = self._new_upload()
        if upload is None:
            if self.stored_format:
                # A stored upload's type is the one its content showed, whatever a form says.
                self.file_format = self.stored_format
            return
        if getattr(self, "_checked_upload", None) is upload:
            return
        try:
            found = inspect_document(upload, self.file.name)
        except ValidationError as error:
            raise ValidationError({"file": error.messages}) from None
        self.file_format = found.file_format
        self.size_bytes = found.size_bytes
        self.page_count = found.page_count
        self._checked_upload = upload

    def save(self, *args, **kwargs):
        self.check_upload()
        if not self.file:
            # A link has no size or pages of its own.
            self.size_bytes = self.page_count = None
        return super().save(*args, **kwargs)

    def clean(self):
        errors = {}
        try:
            self.check_upload()
        except ValidationError as error:
            errors.update(error.message_dict)
        if bool(self.file) == bool(self.url):
            errors["url"] = "Upload a file or give an external link (one, not both)."
        # The original as set, saved or not: an inline adding versions with their original
        # sets an unsaved one (no query when none is set).
        original = self.alternative_of
        if original is not None and not self.alternative_format:
            errors["alternative_format"] = "Say which format this version is."
        if self.alternative_format and original is None:
            errors["alternative_of"] = "Choose the original this is a version of."
        if original is not None and self.pk and original.pk == self.pk:
            errors["alternative_of"] = "A document cannot be a version of itself."
        elif original is not None and original.alternative_of_id:
            errors["alternative_of"] = "Choose the original, not another version of it."
        if self.alternative_format == AlternativeFormat.OTHER_LANGUAGE and not self.language:
            errors["language"] = "Name the language of the translation."
        if errors:
            raise ValidationError(errors)
