"""Sitemap entries for published news."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from news.models import NewsItem


class NewsSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return NewsItem.objects.published().newest_first()

    def lastmod(self, item: NewsItem):
        return item.updated_at


class NewsPagesSitemap(Sitemap):
    def items(self):
        return ["news:list"]

    def location(self, item):
        return reverse(item)
