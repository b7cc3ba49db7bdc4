"""Sitemap entries for publications: the list and each published publication (the freedom of
information page is a standing page: in pages.sitemaps)."""

from django.urls import reverse

from core.sitemaps import PortalSitemap
from publications.models import Publication


class PublicationPagesSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return ["publications:list"]

    def location(self, item):
        return reverse(item)


class PublicationSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Publication.objects.published().order_by("slug").only("slug")
