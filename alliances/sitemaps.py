"""Sitemap entries for collaboratives and alliances."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from alliances.models import Alliance


class AllianceSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Alliance.objects.order_by("slug")


class AlliancePagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["alliances:collaborative-list", "alliances:list"]

    def location(self, item):
        return reverse(item)
