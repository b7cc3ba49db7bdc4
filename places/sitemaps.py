"""Sitemap entries for the places app."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from places.models import Place


class PlaceSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Place.objects.order_by("slug")


class PlacesPagesSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return ["places:journey", "places:list", "places:neighbourhoods"]

    def location(self, item):
        return reverse(item)
