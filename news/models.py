"""News items: written by the comms team, published now or on a schedule, read by the public.

Visibility is decided when a page is served (`NewsItem.objects.published()` compares
`publish_at` with the time of the request), so nothing has to run for an item to go live.
"""

import datetime
import secrets

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone
from simple_history.models import HistoricalRecords

from alliances.models import Alliance
from core.models import NamedBySlug, SlugNaturalKeyManager, VersionedModel
from core.richtext import RichTextField, render_rich_text
from news.images import news_image_path, validate_news_image
from partners.models import Organisation
from places.models import Place


def new_preview_key() -> str:
    return secrets.token_urlsafe(16)


class Topic(NamedBySlug, models.Model):  # noqa: DJ008 (NamedBySlug gives __str__)
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    objects = SlugNaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]


class NewsItemQuerySet(models.QuerySet):
    def published(self, now: datetime.datetime | None = None) -> "NewsItemQuerySet":
        """Items the public may see at this moment: published, and their time has come.

        The one rule of what is public; `NewsItem.is_public()` states it for one item."""
        return self.filter(publish_at__lte=now or timezone.now())

    def matching(
        self, *, place: Place | None = None, topic: "Topic | None" = None
    ) -> "NewsItemQuerySet":
        """Items about `place` and on `topic`, where given: the news list's filter."""
        found = self
        if place:
            found = found.filter(places=place)
        if topic:
            found = found.filter(topics=topic)
        return found

    def newest_first(self) -> "NewsItemQuerySet":
        return self.order_by("-publish_at", "-pk")

    def for_listing(self) -> "NewsItemQuerySet":
        return self.prefetch_related("places", "topics")

    def for_detail(self) -> "NewsItemQuerySet":
        return self.prefetch_related("places", "topics", "alliances", "organisations")


class NewsItemManager(SlugNaturalKeyManager.from_queryset(NewsItemQuerySet)):
    pass


class NewsItem(NamedBySlug, VersionedModel):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences: shown in lists, feeds and search results."
    )
    body = RichTextField(
        help_text="Headings, lists, links, bold, quotes and tables from the toolbar. Anything "
        "else pasted in (scripts, styles, images) is removed when the item is saved."
    )
    image = models.ImageField(
        upload_to=news_image_path,
        blank=True,
        validators=[validate_news_image],
        help_text="Optional. A JPEG, PNG or WebP photo, at most 5 MB and 40 megapixels.",
    )
    image_alt = models.CharField(
        "image description (alt text)",
        max_length=250,
        blank=True,
        help_text="Required with an image: what it shows, for people who cannot see it.",
    )
    publish_at = models.DateTimeField(
        "publish at",
        null=True,
        blank=True,
        db_index=True,
        help_text="Empty: a draft. A time in the future: scheduled. UK time.",
    )
    places = models.ManyToManyField(Place, blank=True, related_name="news_items")
    alliances = models.ManyToManyField(Alliance, blank=True, related_name="news_items")
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="news_items", verbose_name="partners"
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="news_items")
    preview_key = models.CharField(max_length=32, default=new_preview_key, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NewsItemManager()
    history = HistoricalRecords(m2m_fields=[places, alliances, organisations, topics])

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = "news item"
        permissions = [("publish_newsitem", "Can publish, schedule and unpublish news items")]
        constraints = [
            models.CheckConstraint(
                condition=Q(image="") | ~Q(image_alt=""), name="news_image_has_alt_text"
            ),
            models.CheckConstraint(condition=~Q(title=""), name="news_title_not_empty"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return reverse("news:detail", kwargs={"slug": self.slug})

    def clean(self):
        if self.image and not self.image_alt.strip():
            raise ValidationError({"image_alt": "Describe the image for people who cannot see it."})

    def is_public(self, now: datetime.datetime | None = None) -> bool:
        """The queryset's `published()` rule for this one item."""
        return self.publish_at is not None and self.publish_at <= (now or timezone.now())

    @property
    def status(self) -> str:
        if self.publish_at is None:
            return "Draft"
        return "Published" if self.is_public() else "Scheduled"

    @property
    def body_html(self) -> str:
        return render_rich_text(self.body)

    def publish(self, *, at: datetime.datetime | None = None) -> None:
        """Publish now, or schedule for a later time."""
        self.publish_at = at or timezone.now()
        self.save()

    def unpublish(self) -> None:
        """Back to draft; links shared for preview stop working."""
        self.publish_at = None
        self.preview_key = new_preview_key()
        self.save()
