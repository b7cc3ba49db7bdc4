"""Sitemap entries for governance: the governance page, the meetings list, the registers of
interests, each body and each meeting."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from governance.models import Body, Meeting


class GovernancePagesSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return ["governance:index", "governance:meetings", "governance:registers"]

    def location(self, item):
        return reverse(item)


class BodySitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Body.objects.order_by("slug")


class MeetingSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        return Meeting.objects.order_by("slug")
