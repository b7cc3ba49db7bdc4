"""Sitemap entries for the ways to get in touch and the consultations the public may see."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from engagement.models import Consultation


class ConsultationSitemap(Sitemap):
    changefreq = "weekly"

    def items(self):
        return Consultation.objects.public().order_by("-opens_at", "-pk")

    def lastmod(self, consultation: Consultation):
        return consultation.updated_at


class EngagementPagesSitemap(Sitemap):
    def items(self):
        return ["engagement:get-involved", "engagement:contact", "engagement:complaints"]

    def location(self, item):
        return reverse(item)
