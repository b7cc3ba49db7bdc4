"""The sitemap: an index at /sitemap.xml naming one sitemap a section (/sitemap-<section>.xml),
each in pages of at most `LIMIT` addresses (`?p=2`...), so no response grows with the data.

Every app's sitemap classes derive from `PortalSitemap`. The index gives no last-modified date
per section: that would read every row of the section (Django's default takes the latest of
each item's), and each address in a section carries its own.
"""

from django.contrib.sitemaps import Sitemap

# Addresses in one page of a section. Search engines take up to 50,000; 100 keeps a page as
# cheap to render at a hundred times the data as at seed size.
LIMIT = 100


class PortalSitemap(Sitemap):
    """A section of the sitemap. A section of records reads only the fields its addresses
    (and dates) need (`.only()`): a page of them then costs little more than the seed's few."""

    limit = LIMIT

    def get_latest_lastmod(self):
        return None
