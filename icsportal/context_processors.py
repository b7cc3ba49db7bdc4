"""Site-wide template context: the site's name, its navigation and the page's canonical URL."""

from django.conf import settings
from django.http import HttpRequest

NAVIGATION = [
    ("Who we are", "/about/"),
    ("Our journey", "/our-journey/"),
    ("Places", "/places/"),
    ("Partners", "/partners/"),
    ("Collaboratives", "/collaboratives/"),
    ("Alliances", "/alliances/"),
    ("Governance", "/governance/"),
    ("News", "/news/"),
]


def canonical_url(request: HttpRequest) -> str:
    """The page's address without its query string, on the configured public host."""
    if settings.SITE_URL:
        return settings.SITE_URL + request.path
    return request.build_absolute_uri(request.path)


def site(request: HttpRequest) -> dict:
    sections = [url for _, url in NAVIGATION if request.path.startswith(url)]
    return {
        "site_name": settings.SITE_NAME,
        "navigation": NAVIGATION,
        "current_section": max(sections, key=len, default=None),
        "canonical_url": canonical_url(request),
    }
