"""Root URLconf: each app's URLs under its namespace, plus admin and machine endpoints."""

from datetime import date

from django.contrib import admin
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path
from django.views.decorators.cache import cache_page

from alliances.sitemaps import AlliancePagesSitemap, AllianceSitemap
from core.http import safe
from engagement.sitemaps import EngagementSitemap
from governance.sitemaps import BodySitemap, GovernancePagesSitemap, MeetingSitemap
from icsportal import sources, views
from news import views as news_views
from news.sitemaps import NewsPagesSitemap, NewsSitemap
from opendata.views import OpenDataPage
from partners.sitemaps import OrganisationSitemap
from places.sitemaps import PlaceSitemap, PlacesPagesSitemap
from publications.sitemaps import PublicationPagesSitemap, PublicationSitemap

# admin.site is staff.sites.PortalAdminSite (staff.apps.PortalAdminConfig).
sitemaps = {
    "pages": PlacesPagesSitemap,
    "places": PlaceSitemap,
    "partners": OrganisationSitemap,
    "alliance-pages": AlliancePagesSitemap,
    "alliances": AllianceSitemap,
    "governance-pages": GovernancePagesSitemap,
    "bodies": BodySitemap,
    "meetings": MeetingSitemap,
    "news-pages": NewsPagesSitemap,
    "news": NewsSitemap,
    "sources": sources.SourcesSitemap,
    "publication-pages": PublicationPagesSitemap,
    "publications": PublicationSitemap,
    "engagement": EngagementSitemap,
}

# The accessibility statement's dates, shown on it: update them here when it is reviewed.
ACCESSIBILITY_STATEMENT_DATES = {
    "prepared_on": date(2026, 11, 26),
    "last_reviewed_on": date(2026, 11, 26),
}

policy_pages = [
    path(
        "accessibility/",
        views.PolicyPageView.as_view(
            template_name="pages/accessibility.html",
            page_title="Accessibility statement",
            meta_description="How accessible this website is, and how to report a problem.",
            extra_context=ACCESSIBILITY_STATEMENT_DATES,
        ),
        name="accessibility",
    ),
    path(
        "cookies/",
        views.PolicyPageView.as_view(
            template_name="pages/cookies.html",
            page_title="Cookies",
            meta_description=(
                "The cookies this website sets: none for readers, one for the contact form, "
                "two strictly necessary ones for staff."
            ),
        ),
        name="cookies",
    ),
    path(
        "privacy/",
        views.PolicyPageView.as_view(
            template_name="pages/privacy.html",
            page_title="Privacy notice",
            meta_description="What personal information this website collects, and how it is used.",
        ),
        name="privacy",
    ),
]

urlpatterns = [
    path("", views.HomeView.as_view(), name="home"),
    path("", include("places.urls")),
    path("partners/", include("partners.urls")),
    path("", include("alliances.urls")),
    path("governance/", include("governance.urls")),
    # /publications/ and /freedom-of-information/ (the publication scheme).
    path("", include("publications.urls")),
    path("news/", include("news.urls")),
    path("media/news/<str:name>", news_views.news_image, name="news-image"),
    # Uploaded documents only as downloads, by slug: nothing under /media/ serves them.
    path("documents/", include("documents.urls")),
    path("", include("engagement.urls")),
    path("search/", include("search.urls")),
    path("api/v1/", include("opendata.urls")),
    path("open-data/", OpenDataPage.as_view(), name="open-data"),
    path("", include((policy_pages, "pages"))),
    path("sources/", sources.SourcesView.as_view(), name="sources"),
    path("sources/<slug:kind>/", sources.SourcesKindView.as_view(), name="sources-kind"),
    path(
        "sitemap.xml",
        # Cached briefly: an unpublished news item leaves the sitemap within ten minutes.
        safe(cache_page(60 * 10)(sitemap)),
        {"sitemaps": sitemaps},
        name="sitemap",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("healthz/", views.healthz, name="healthz"),
    # Passkey ceremonies (django-otp-webauthn's JSON endpoints), for staff signing in.
    path("admin/passkeys/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("admin/", admin.site.urls),
]

handler404 = "icsportal.views.page_not_found"
handler500 = "icsportal.views.server_error"
