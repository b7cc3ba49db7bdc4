"""The media library: images as records, with their words (title, alt text, credit, licence),
reused by news items and pages, and their renditions.

An upload is checked by its content (images.files), stored under a random name, and made into
renditions once, at upload (images.renditions): several widths, each as WebP and in the
original's format, so a page sends a phone a small file and a wide screen a sharp one.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse
from simple_history.models import HistoricalRecords

from images.files import image_path, validate_image


class Licence(models.TextChoices):
    OWN = "own", "Our own (taken by or for the partnership)"
    OGL = "ogl-3", "Open Government Licence v3.0"
    CC_BY = "cc-by-4", "Creative Commons Attribution 4.0"
    PERMISSION = "permission", "Used with the owner's permission"


class ImageQuerySet(models.QuerySet):
    def with_renditions(self) -> "ImageQuerySet":
        return self.prefetch_related("renditions")


class Image(models.Model):
    title = models.CharField(max_length=200, help_text="What staff know it by, in the library.")
    file = models.ImageField(
        upload_to=image_path,
        validators=[validate_image],
        width_field="width",
        height_field="height",
        help_text="A JPEG, PNG or WebP photo, at most 5 MB and 40 megapixels.",
    )
    width = models.PositiveIntegerField(editable=False, default=0)
    height = models.PositiveIntegerField(editable=False, default=0)
    alt_text = models.CharField(
        "description (alt text)",
        max_length=250,
        help_text="What it shows, for people who cannot see it.",
    )
    credit = models.CharField(
        max_length=200, blank=True, help_text="Who took or made it, as they ask to be named."
    )
    licence = models.CharField(max_length=12, choices=Licence, default=Licence.OWN)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, editable=False,
        related_name="+",
    )  # fmt: skip
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ImageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["-created_at", "-pk"]
        constraints = [
            models.CheckConstraint(condition=~Q(alt_text=""), name="image_has_alt_text"),
            models.CheckConstraint(condition=~Q(title=""), name="image_title_not_empty"),
            models.CheckConstraint(
                condition=Q(licence__in=Licence.values), name="image_licence_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.title

    def sources(self) -> dict[str, list["Rendition"]]:
        """Its renditions by format, narrowest first (prefetched by `with_renditions()`)."""
        found: dict[str, list[Rendition]] = {}
        for rendition in sorted(self.renditions.all(), key=lambda r: r.width):
            found.setdefault(rendition.format, []).append(rendition)
        return found


class Rendition(models.Model):
    FORMATS = {"webp": "image/webp", "jpeg": "image/jpeg", "png": "image/png"}

    image = models.ForeignKey(Image, on_delete=models.CASCADE, related_name="renditions")
    width = models.PositiveIntegerField()
    height = models.PositiveIntegerField()
    format = models.CharField(max_length=4, choices=[(f, f) for f in FORMATS])
    file = models.CharField(max_length=200, help_text="Its name in the media storage.")
    size = models.PositiveIntegerField(help_text="In bytes.")

    class Meta:
        ordering = ["image", "format", "width"]
        constraints = [
            models.UniqueConstraint(
                fields=["image", "width", "format"], name="rendition_unique_width_format"
            ),
            models.CheckConstraint(
                condition=Q(format__in=["webp", "jpeg", "png"]), name="rendition_format_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.image} at {self.width}px ({self.format})"

    @property
    def url(self) -> str:
        return reverse("image-file", kwargs={"name": self.file.removeprefix("images/")})

    @property
    def content_type(self) -> str:
        return self.FORMATS[self.format]
