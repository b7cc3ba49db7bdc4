"""Sitemap entries for the ways to get in touch and the consultations the public may see."""

from django.urls import reverse

from core.sitemaps import PortalSitemap
from engagement.models import Consultation


class EngagementPagesSitemap(PortalSitemap):
    """The contact page (get involved and the complaints page are standing pages: in
    pages.sitemaps)."""

    def items(self):
        return ["engagement:contact"]

    def location(self, item):
        return reverse(item)


class ConsultationSitemap(PortalSitemap):
    """The public consultations, newest first, each last modified when it was."""

    def items(self):
        return Consultation.objects.public().order_by("-opens_at", "-pk").only("slug", "updated_at")

    def lastmod(self, consultation: Consultation):
        return consultation.updated_at
