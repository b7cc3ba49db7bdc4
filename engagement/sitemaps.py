"""Sitemap entries for the ways to get in touch and the consultations the public may see."""

from django.contrib.sitemaps import Sitemap
from django.urls import reverse

from engagement.models import Consultation

# Get involved and the complaints page are standing pages: in pages.sitemaps.
PAGES = ["engagement:contact"]


class EngagementSitemap(Sitemap):
    """The pages, then the public consultations: one list, so one query however many there
    are (a queryset would cost a count and, once there are any, the rows)."""

    def items(self):
        consultations = Consultation.objects.public().order_by("-opens_at", "-pk")
        return [*PAGES, *consultations]

    def location(self, item):
        return reverse(item) if isinstance(item, str) else item.get_absolute_url()

    def lastmod(self, item):
        return None if isinstance(item, str) else item.updated_at
