"""RSS and Atom feeds of published news."""

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.html import escape

from news.models import NewsItem

# The latest ten, as most sites' feeds give: a reader polling a feed needs only what is new
# since it last looked, and the news page has the rest.
FEED_ITEMS = 10


class LatestNewsFeed(Feed):
    description = "News from the integrated care system partnership and its places."

    def title(self) -> str:
        return f"{settings.SITE_NAME}: news"

    def link(self):
        return reverse("news:list")

    def items(self):
        fields = ("title", "slug", "summary", "publish_at", "updated_at")
        return NewsItem.objects.published().newest_first().only(*fields)[:FEED_ITEMS]

    def item_title(self, item: NewsItem) -> str:
        return item.title

    def item_description(self, item: NewsItem) -> str:
        # Feed readers treat the description as HTML; the summary is plain text.
        return escape(item.summary)

    def item_pubdate(self, item: NewsItem):
        return item.publish_at

    def item_updateddate(self, item: NewsItem):
        return item.updated_at


class LatestNewsAtomFeed(LatestNewsFeed):
    feed_type = Atom1Feed
    subtitle = LatestNewsFeed.description
