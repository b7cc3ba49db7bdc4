"""Sitemap entries for the partner directory."""

from core.sitemaps import PortalSitemap
from partners.models import Organisation


class OrganisationSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Organisation.objects.order_by("slug").only("slug")
