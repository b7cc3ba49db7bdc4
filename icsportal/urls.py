"""Root URLconf: each app's URLs under its namespace, plus admin and machine endpoints."""

from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps.views import index as sitemap_index
from django.contrib.sitemaps.views import sitemap
from django.urls import include, path, register_converter

from alliances.sitemaps import AlliancePagesSitemap, AllianceSitemap
from core.http import safe
from engagement.sitemaps import ConsultationSitemap, EngagementPagesSitemap
from governance.sitemaps import BodySitemap, GovernancePagesSitemap, MeetingSitemap
from icsportal import sources, views
from images import views as image_views
from news.sitemaps import NewsPagesSitemap, NewsSitemap
from opendata.views import OpenDataPage
from pages.sitemaps import PageSitemap
from pages.views import PagePathConverter, PageView, shared_preview
from partners.sitemaps import OrganisationSitemap
from places.sitemaps import PlaceSitemap, PlacesPagesSitemap
from publications.sitemaps import PublicationPagesSitemap, PublicationSitemap

register_converter(PagePathConverter, "page_path")

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
    "engagement": EngagementPagesSitemap,
    "consultations": ConsultationSitemap,
    "site-pages": PageSitemap,
}

# The policy pages (their text is the comms team's, in pages.Page), then any other address,
# which may be a page the comms team added: mounted last, so it never hides another page.
policy_pages = [
    path(
        "accessibility/",
        views.PolicyPageView.as_view(
            template_name="pages/accessibility.html", page_key="accessibility"
        ),
        name="accessibility",
    ),
    path(
        "cookies/",
        views.PolicyPageView.as_view(template_name="pages/cookies.html", page_key="cookies"),
        name="cookies",
    ),
    path(
        "privacy/",
        views.PolicyPageView.as_view(template_name="pages/privacy.html", page_key="privacy"),
        name="privacy",
    ),
    path("pages/preview/<str:token>/", shared_preview, name="shared-preview"),
    path("<page_path:url_path>/", PageView.as_view(), name="page"),
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
    # The media library's images and renditions, by their random names.
    path("media/images/<str:name>", image_views.image_file, name="image-file"),
    # Uploaded documents only as downloads, by slug: nothing under /media/ serves them.
    path("documents/", include("documents.urls")),
    path("", include("engagement.urls")),
    path("", include("postcodes.urls")),
    path("", include("pictures.urls")),
    path("search/", include("search.urls")),
    path("api/v1/", include("opendata.urls")),
    path("open-data/", OpenDataPage.as_view(), name="open-data"),
    path("sources/", sources.SourcesView.as_view(), name="sources"),
    path("sources/<slug:kind>/", sources.SourcesKindView.as_view(), name="sources-kind"),
    # The sitemap index, then each section in pages of core.sitemaps.LIMIT addresses. Kept by
    # the page cache like every public page: an unpublished item leaves it at once.
    path(
        "sitemap.xml",
        safe(sitemap_index),
        {"sitemaps": sitemaps, "sitemap_url_name": "sitemap-section"},
        name="sitemap",
    ),
    path(
        "sitemap-<slug:section>.xml",
        safe(sitemap),
        # Django's template, its entries written by one tag rather than a loop of tags.
        {"sitemaps": sitemaps, "template_name": "sitemaps/section.xml"},
        name="sitemap-section",
    ),
    path("robots.txt", views.robots_txt, name="robots"),
    path(".well-known/security.txt", views.security_txt, name="security-txt"),
    path("healthz/", views.healthz, name="healthz"),
    # Passkey ceremonies (django-otp-webauthn's JSON endpoints), for staff signing in.
    path("admin/passkeys/", include("django_otp_webauthn.urls", namespace="otp_webauthn")),
    path("admin/", admin.site.urls),
    path("", include((policy_pages, "pages"))),
]

if settings.BENCH_FLOOR:
    urlpatterns.insert(0, path("_floor/", views.floor, name="floor"))
    urlpatterns.insert(0, path("_floor/page/", views.smallest_page, name="smallest-page"))

handler403 = "icsportal.views.permission_denied"
handler404 = "icsportal.views.page_not_found"
handler500 = "icsportal.views.server_error"
