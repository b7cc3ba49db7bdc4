"""Sitemap entries for collaboratives and alliances."""

from django.urls import reverse

from alliances.models import Alliance
from core.sitemaps import PortalSitemap


class AllianceSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Alliance.objects.order_by("slug").only("slug", "kind")


class AlliancePagesSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return ["alliances:collaborative-list", "alliances:list"]

    def location(self, item):
        return reverse(item)
