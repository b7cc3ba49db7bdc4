"""Sitemap entries for publications: the list and each published publication (the freedom of
information page is a standing page: in pages.sitemaps)."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from publications.models import Publication


class PublicationPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["publications:list"]

    def location(self, item):
        return reverse(item)


class PublicationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Publication.objects.published().order_by("slug")
