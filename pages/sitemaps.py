"""Sitemap entries for the site's pages: the standing pages (wherever their app serves them)
and those the comms team added, each last modified when its text was."""

from core.sitemaps import PortalSitemap
from pages.models import Page


class PageSitemap(PortalSitemap):
    changefreq = "monthly"

    def items(self):
        return Page.objects.live().order_by("url_path").only("url_path", "updated_at")

    def lastmod(self, page: Page):
        return page.updated_at
