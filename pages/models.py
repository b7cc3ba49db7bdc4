"""The site's pages of prose, written by the comms team in the admin, with their history.

Two kinds of page share one model:

- the standing pages the site always has (about, get involved, freedom of information,
  accessibility, cookies, privacy, complaints), each with a fixed `key`. Their address is
  their app's (`/about/` is places'), and the page's data-driven parts (figures, lists, the
  publication scheme, the cookies the settings name) stay in their templates; the text around
  them is here;
- the pages the comms team adds under any page, with their own address (`/about/our-board/`)
  and breadcrumbs, served by this app's catch-all view.

Each page says when it was last reviewed and when its next review is due (shown with the
NHS.UK review-date markup); the admin lists those past due. This app sits low, beside `core`:
the apps whose views show a standing page's text import it, and it imports none of them.
"""

import datetime

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import Resolver404, resolve
from django.utils import timezone
from simple_history.models import HistoricalRecords

from core.models import check_dates_in_order, dates_in_order
from core.richtext import RichTextField, render_rich_text
from images.models import Image
from publishing.models import Publishable, PublishableQuerySet

# The standing pages: key -> the address their app serves them at.
STANDING_PAGES = {
    "about": "/about/",
    "get-involved": "/get-involved/",
    "freedom-of-information": "/freedom-of-information/",
    "accessibility": "/accessibility/",
    "cookies": "/cookies/",
    "privacy": "/privacy/",
    "complaints": "/complaints/",
}
# How long a page may go unreviewed, by default, when a review is recorded.
REVIEW_INTERVAL = datetime.timedelta(days=365)


class PageQuerySet(PublishableQuerySet):
    def live(self, now: datetime.datetime | None = None) -> "PageQuerySet":
        """Pages the public may see at this moment (`published()`)."""
        return self.published(now)

    def for_detail(self) -> "PageQuerySet":
        """With its image and the image's renditions: at most two more queries."""
        return self.select_related("picture").prefetch_related("picture__renditions")

    def due_for_review(self, today: datetime.date | None = None) -> "PageQuerySet":
        return self.filter(next_review_due__lt=today or timezone.localdate())

    def ancestors_of(self, page: "Page") -> "PageQuerySet":
        """The pages above `page`, top first, in one query (their addresses are its prefixes)."""
        parts = page.url_path.strip("/").split("/")[:-1]
        prefixes = ["/" + "/".join(parts[: n + 1]) + "/" for n in range(len(parts))]
        return self.filter(url_path__in=prefixes).order_by("url_path")


class Page(Publishable):
    title = models.CharField(max_length=200)
    key = models.SlugField(
        max_length=40,
        blank=True,
        editable=False,
        help_text="Set for the site's standing pages, whose address is fixed.",
    )
    parent = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="children",
        help_text="The page this one sits under: its address and breadcrumbs follow from it.",
    )
    slug = models.SlugField(
        max_length=80, help_text="The last part of the page's address: lower case, hyphens."
    )
    url_path = models.CharField("address", max_length=255, unique=True, editable=False)
    summary = models.CharField(
        max_length=300,
        help_text="One or two sentences: shown under the title, in search results and to "
        "search engines.",
    )
    body = RichTextField(
        blank=True,
        help_text="Headings, lists, links, bold, quotes and tables from the toolbar.",
    )
    picture = models.ForeignKey(
        Image,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="pages",
        verbose_name="image",
        help_text="Optional: an image from the media library (the magnifier opens it, with "
        "thumbnails), shown under the summary. Its description and credit go with it.",
    )
    last_reviewed_on = models.DateField(
        "page last reviewed", help_text="When someone last checked the whole page was right."
    )
    next_review_due = models.DateField(
        "next review due", help_text="When it must be checked again. Past due pages are listed."
    )
    updated_at = models.DateTimeField(auto_now=True)

    objects = PageQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        ordering = ["url_path"]
        permissions = [("publish_page", "Can publish, schedule and unpublish pages")]
        constraints = [
            models.UniqueConstraint(
                fields=["key"], condition=~Q(key=""), name="page_key_unique_when_set"
            ),
            models.UniqueConstraint(fields=["parent", "slug"], name="page_slug_unique_in_parent"),
            models.CheckConstraint(condition=~Q(title=""), name="page_title_not_empty"),
            models.CheckConstraint(condition=~Q(slug=""), name="page_slug_not_empty"),
            models.CheckConstraint(
                condition=Q(url_path__startswith="/") & Q(url_path__endswith="/"),
                name="page_url_path_is_a_path",
            ),
            dates_in_order("last_reviewed_on", "next_review_due", name="page_review_after_last"),
            # A standing page is always public: the site links to it from every page.
            models.CheckConstraint(
                condition=Q(key="") | Q(publish_at__isnull=False),
                name="page_standing_is_published",
            ),
            *Publishable.publishing_constraints("page"),
        ]

    def __str__(self) -> str:
        return self.title

    def get_absolute_url(self) -> str:
        return self.url_path

    @property
    def is_standing(self) -> bool:
        return bool(self.key)

    @property
    def body_html(self):
        return render_rich_text(self.body)

    def is_review_overdue(self, today: datetime.date | None = None) -> bool:
        return self.next_review_due < (today or timezone.localdate())

    def computed_url_path(self) -> str:
        if self.key:
            return STANDING_PAGES[self.key]
        base = self.parent.url_path if self.parent_id else "/"
        return f"{base}{self.slug}/"

    def clean(self):
        errors = {}
        if self.key or self.slug:
            # Its address, for the database's checks that follow (and for save()).
            self.url_path = self.computed_url_path()
        check_dates_in_order(
            self.last_reviewed_on,
            self.next_review_due,
            field="next_review_due",
            message="The next review must be after the last one.",
        )
        if self.parent_id and self.pk:
            ancestor = self.parent
            while ancestor is not None:
                if ancestor.pk == self.pk:
                    errors["parent"] = "A page cannot sit under itself or a page below it."
                    break
                ancestor = ancestor.parent
        if self.slug and not self.key and "parent" not in errors:
            path = self.computed_url_path()
            clash = Page.objects.filter(url_path=path).exclude(pk=self.pk).first()
            if clash:
                errors["slug"] = f"“{clash}” already has the address {path}."
            elif not serves_pages(path):
                errors["slug"] = (
                    f"The address {path} belongs to another part of the site: choose another "
                    "slug or parent."
                )
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        old_path = self.url_path
        self.url_path = self.computed_url_path()
        super().save(*args, **kwargs)
        if old_path and old_path != self.url_path:
            self.move_descendants(old_path)

    def move_descendants(self, old_path: str) -> None:
        """Pages below this one follow it to its new address (saved one by one, so each move
        is in its history)."""
        for child in self.children.all():
            child.save()


def serves_pages(path: str) -> bool:
    """Whether the site's URLs send `path` to the pages app's own view (and not to another
    app's page, which would hide it)."""
    try:
        match = resolve(path)
    except Resolver404:
        return False
    return match.url_name == "page"
