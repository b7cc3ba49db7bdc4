"""Site-wide template context: the site's name, its navigation and the page's canonical URL."""

from django.conf import settings
from django.http import HttpRequest

from core.links import named_url

# The header's navigation: (label, URL name), in order.
NAVIGATION = [
    ("Who we are", "places:about"),
    ("Our journey", "places:journey"),
    ("Places", "places:list"),
    ("Partners", "partners:list"),
    ("Collaboratives", "alliances:collaborative-list"),
    ("Alliances", "alliances:list"),
    ("Governance", "governance:index"),
    ("News", "news:list"),
    ("Get involved", "engagement:get-involved"),
]


def canonical_url(request: HttpRequest) -> str:
    """The page's address without its query string, on the configured public host."""
    if settings.SITE_URL:
        return settings.SITE_URL + request.path
    return request.build_absolute_uri(request.path)


def site(request: HttpRequest) -> dict:
    # Each address reversed once (core.links.named_url): this runs for every page.
    navigation = [(label, named_url(name)) for label, name in NAVIGATION]
    sections = [url for _, url in navigation if request.path.startswith(url)]
    return {
        "site_name": settings.SITE_NAME,
        "site_name_parts": settings.SITE_NAME_PARTS,
        "navigation": navigation,
        "current_section": max(sections, key=len, default=None),
        "canonical_url": canonical_url(request),
    }
