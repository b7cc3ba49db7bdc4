"""Sitemap entries for the places app."""

from django.urls import reverse

from core.sitemaps import PortalSitemap
from places.models import Place


class PlaceSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Place.objects.order_by("slug").only("slug")


class PlacesPagesSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return ["places:journey", "places:list", "places:neighbourhoods", "places:census-year"]

    def location(self, item):
        return reverse(item)
