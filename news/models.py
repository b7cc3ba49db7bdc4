"""News items: written by the comms team, published now or on a schedule, read by the public.

Visibility is decided when a page is served (`NewsItem.objects.published()` compares
`publish_at` with the time of the request), so nothing has to run for an item to go live.
"""

from django.db import models
from django.db.models import Q
from simple_history.models import HistoricalRecords

from alliances.models import Alliance
from core.links import slug_url
from core.models import NamedBySlug, SlugNaturalKeyManager
from core.richtext import RichTextField, render_rich_text
from images.models import Image
from partners.models import Organisation
from places.models import Place
from publishing.models import Publishable, PublishableQuerySet, new_preview_key

__all__ = ["NewsItem", "Topic", "new_preview_key"]  # new_preview_key: for migration 0002


class Topic(NamedBySlug, models.Model):  # noqa: DJ008 (NamedBySlug gives __str__)
    name = models.CharField(max_length=80, unique=True)
    slug = models.SlugField(max_length=80, unique=True)

    objects = SlugNaturalKeyManager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["name"]


class NewsItemQuerySet(PublishableQuerySet):
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
        return self.select_related("picture").prefetch_related(
            "places", "topics", "alliances", "organisations", "picture__renditions"
        )


class NewsItemManager(SlugNaturalKeyManager.from_queryset(NewsItemQuerySet)):
    pass


class NewsItem(NamedBySlug, Publishable):
    title = models.CharField(max_length=200)
    slug = models.SlugField(max_length=100, unique=True)
    summary = models.CharField(
        max_length=300, help_text="One or two sentences: shown in lists, feeds and search results."
    )
    body = RichTextField(
        help_text="Headings, lists, links, bold, quotes and tables from the toolbar. Anything "
        "else pasted in (scripts, styles, images) is removed when the item is saved."
    )
    picture = models.ForeignKey(
        Image,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="news_items",
        verbose_name="image",
        help_text="Optional: an image from the media library (the magnifier opens it, with "
        "thumbnails). Its description and credit go with it.",
    )
    places = models.ManyToManyField(Place, blank=True, related_name="news_items")
    alliances = models.ManyToManyField(Alliance, blank=True, related_name="news_items")
    organisations = models.ManyToManyField(
        Organisation, blank=True, related_name="news_items", verbose_name="partners"
    )
    topics = models.ManyToManyField(Topic, blank=True, related_name="news_items")
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = NewsItemManager()
    history = HistoricalRecords(m2m_fields=[places, alliances, organisations, topics])

    class Meta:
        ordering = ["-publish_at", "-pk"]
        verbose_name = "news item"
        permissions = [("publish_newsitem", "Can publish, schedule and unpublish news items")]
        constraints = [
            models.CheckConstraint(condition=~Q(title=""), name="news_title_not_empty"),
            *Publishable.publishing_constraints("news"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return slug_url("news:detail", self.slug)

    @property
    def body_html(self) -> str:
        return render_rich_text(self.body)
