"""Sitemap entries for publications: the list, the freedom of information page and each
published publication."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from publications.models import Publication


class PublicationPagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["publications:list", "publications:freedom-of-information"]

    def location(self, item):
        return reverse(item)


class PublicationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Publication.objects.published().order_by("slug")
