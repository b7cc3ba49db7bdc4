"""Sitemap entries for published news."""

from django.urls import reverse

from core.sitemaps import PortalSitemap
from news.models import NewsItem


class NewsSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return NewsItem.objects.published().newest_first().only("slug", "updated_at")

    def lastmod(self, item: NewsItem):
        return item.updated_at


class NewsPagesSitemap(PortalSitemap):
    def items(self):
        return ["news:list"]

    def location(self, item):
        return reverse(item)
