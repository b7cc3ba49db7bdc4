"""Sitemap entries for governance: the governance page, the meetings list, the registers of
interests, each body and each meeting."""

from django.urls import reverse

from core.sitemaps import PortalSitemap
from governance.models import Body, Meeting


class GovernancePagesSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return [
            "governance:index",
            "governance:bodies",
            "governance:meetings",
            "governance:registers",
        ]

    def location(self, item):
        return reverse(item)


class BodySitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Body.objects.order_by("slug").only("slug")


class MeetingSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.order_by("slug").only("slug")
