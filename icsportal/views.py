"""Site-wide views that sit above the apps: the home page, policies and machine endpoints."""

from datetime import timedelta

from django.conf import settings
from django.contrib import admin
from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.urls import reverse
from django.utils import timezone
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.cache import cache_control, never_cache
from django.views.generic import TemplateView

from core.http import safe
from core.paging import first_few
from core.views import PageMixin
from icsportal.context_processors import canonical_url
from news.models import NewsItem
from pages.views import StandingPageMixin
from partners.models import Organisation
from places.figures import figures_of
from places.models import IntegratedCareSystem, Place
from postcodes.forms import PostcodeForm

# The places the home page names in its partners' card; the rest are on /places/.
HOME_PLACES = 6


class HomeView(PageMixin, TemplateView):
    template_name = "home.html"

    def get_page_title(self) -> str:
        return ""

    def get_meta_description(self) -> str:
        return (
            f"{settings.SITE_NAME}: our vision, our places and neighbourhoods, our partners and "
            "how we work together."
        )

    def get_breadcrumbs(self):
        return []

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        system = IntegratedCareSystem.objects.portal()
        places = Place.objects.filter(system=system)
        figures = figures_of(system)
        population = figures.population
        context.update(
            system=system,
            population=population,
            # Named in the partners' card: the first few, then how many more.
            places=first_few(places.order_by("name").only("name", "slug"), HOME_PLACES),
            more_places=max(population["places"] - HOME_PLACES, 0),
            neighbourhood_totals=figures.neighbourhood_totals,
            partner_count=Organisation.objects.count_serving(places),
            structured_data=system.structured_data(canonical_url(self.request)),
            latest_news=NewsItem.objects.published().newest_first()[:3],
            postcode_form=PostcodeForm(),
        )
        return context


class PolicyPageView(StandingPageMixin, TemplateView):
    """The accessibility statement, cookies and privacy pages: their text is the comms team's
    (pages.Page), the parts that come from the settings are added here."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["contact_email"] = settings.CONTACT_EMAIL
        context["session_cookie"] = settings.SESSION_COOKIE_NAME
        context["csrf_cookie"] = settings.CSRF_COOKIE_NAME
        context["contact_reply_days"] = settings.CONTACT_REPLY_WORKING_DAYS
        context["contact_retention_days"] = settings.CONTACT_RETENTION_DAYS
        return context


@safe
@cache_control(max_age=86400, public=True)
def robots_txt(request: HttpRequest) -> HttpResponse:
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {canonical_url(request).removesuffix(request.path)}{reverse('sitemap')}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@safe
def security_txt(request: HttpRequest) -> HttpResponse:
    """RFC 9116: where to report a vulnerability; it expires, so it is always made fresh."""
    origin = canonical_url(request).removesuffix(request.path)
    # By default the contact form, with its topic chosen: a person reads every message.
    contact = settings.SECURITY_CONTACT or f"{origin}{reverse('engagement:contact')}?topic=website"
    expires = (timezone.now() + timedelta(days=180)).replace(microsecond=0)
    lines = [
        f"Contact: {contact}",
        f"Expires: {expires.isoformat().replace('+00:00', 'Z')}",
        "Preferred-Languages: en",
        f"Canonical: {origin}/.well-known/security.txt",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


@safe
@never_cache
def healthz(request: HttpRequest) -> JsonResponse:
    """For the load balancer: 200 when this host can reach its database, else 503."""
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
    except Exception:
        response = JsonResponse({"status": "unavailable"}, status=503)
        response.database_unavailable = True  # not a sign the outage is over (middleware)
        return response
    return JsonResponse({"status": "ok"})


@never_cache
def floor(request: HttpRequest) -> HttpResponse:
    """The benchmark's floor (`make bench`, with BENCH_FLOOR on): a small constant response
    behind all the site's middleware, what no page can beat on the same server."""
    return HttpResponse(b"floor\n", content_type="text/plain; charset=utf-8")


@never_cache
def smallest_page(request: HttpRequest) -> HttpResponse:
    """The benchmark's second reference (with BENCH_FLOOR on): a page of the site with nothing
    in it but its heading, in the header and footer every page has, running no query. What
    any HTML page costs at least, beyond the floor, whatever it shows."""
    return render(request, "smallest_page.html", {"page_title": "The smallest page"})


def page_not_found(request: HttpRequest, exception: Exception) -> HttpResponse:
    return render(
        request,
        "404.html",
        {"page_title": "Page not found", "breadcrumbs": []},
        status=404,
    )


def permission_denied(request: HttpRequest, exception: Exception) -> HttpResponse:
    """Refused: inside the admin, an admin page that says so and offers a way back; elsewhere,
    the site's own page."""
    if request.path.startswith(reverse("admin:index")) and request.user.is_authenticated:
        back = request.headers.get("referer", "")
        if not url_has_allowed_host_and_scheme(back, allowed_hosts={request.get_host()}):
            back = ""
        context = {
            **admin.site.each_context(request),
            "title": "You do not have permission to do that",
            "back": back,
        }
        return render(request, "admin/403.html", context, status=403)
    return render(
        request,
        "403.html",
        {"page_title": "You do not have permission to see this page", "breadcrumbs": []},
        status=403,
    )


def server_error(request: HttpRequest) -> HttpResponse:
    # The site context processors touch no database, which may be what failed.
    return render(
        request,
        "500.html",
        {"page_title": "Sorry, there is a problem with the service"},
        status=500,
    )
