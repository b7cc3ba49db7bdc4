"""Sitemap entries for the site's pages: the standing pages (wherever their app serves them)
and those the comms team added, each last modified when its text was."""

from django.contrib.sitemaps import Sitemap

from pages.models import Page


class PageSitemap(Sitemap):
    changefreq = "monthly"

    def items(self):
        # A list: one query, however many there are (a queryset costs a count as well).
        return list(Page.objects.live().only("url_path", "updated_at"))

    def lastmod(self, page: Page):
        return page.updated_at
