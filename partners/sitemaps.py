"""Sitemap entries for the partner directory."""

from django.contrib.sitemaps import Sitemap

from partners.models import Organisation


class OrganisationSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.order_by("slug")
