"""Public pages about the partnership: who we are, the journey, places and neighbourhoods."""

from django.db.models import F, Prefetch
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from core.models import distinct_citations
from core.views import PageMixin
from pages.views import StandingPageMixin
from places.models import (
    CENSUS_YEAR,
    IntegratedCareSystem,
    Milestone,
    Place,
    PopulationEstimate,
    SystemMembership,
    neighbourhood_totals,
)


class SystemPageMixin(PageMixin):
    """Pages about the portal's own system."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["system"] = self.system
        return context

    def dispatch(self, request, *args, **kwargs):
        self.system = IntegratedCareSystem.objects.portal()
        return super().dispatch(request, *args, **kwargs)


class AboutView(StandingPageMixin, SystemPageMixin, TemplateView):
    template_name = "places/about.html"
    page_key = "about"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        places = Place.objects.filter(system=self.system)
        census_year = list(PopulationEstimate.objects.of_places_in(self.system, CENSUS_YEAR))
        context.update(
            places=places.with_counts().with_population(),
            population=places.population_total(),
            census_year=CENSUS_YEAR,
            census_year_figures=census_year,
            census_year_total=sum(estimate.population for estimate in census_year),
            census_year_citations=distinct_citations(census_year),
            structured_data=self.system.structured_data(
                self.request.build_absolute_uri(self.request.path)
            ),
        )
        return context


class JourneyView(SystemPageMixin, TemplateView):
    """The portal's own system's journey at /our-journey/, another system's at
    /our-journey/<slug>/ (York's, in Humber and North Yorkshire)."""

    template_name = "places/journey.html"
    page_title = "Our journey"
    meta_description = (
        "Our journey: from a sustainability and transformation partnership in 2016 to a "
        "statutory integrated care system in 2022."
    )

    def dispatch(self, request, *args, **kwargs):
        if "slug" not in kwargs:
            return super().dispatch(request, *args, **kwargs)
        self.system = get_object_or_404(IntegratedCareSystem, slug=kwargs["slug"])
        if self.system.is_portal:
            return redirect("places:journey", permanent=True)
        return super(SystemPageMixin, self).dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        if self.system.is_portal:
            return self.page_title
        return f"The journey of the {self.system.name}"

    def get_meta_description(self) -> str:
        if self.system.is_portal:
            return self.meta_description
        return f"The dated steps of the {self.system.name}, with their sources."

    def get_breadcrumbs(self):
        if self.system.is_portal:
            return super().get_breadcrumbs()
        return [
            ("Home", "/"),
            ("Our journey", reverse("places:journey")),
            (self.system.name, None),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        milestones = list(Milestone.objects.filter(system=self.system).in_order())
        today = timezone.localdate()
        reached = [m for m in milestones if m.date <= today]
        context.update(
            milestones=milestones,
            latest=reached[-1] if reached else None,
            today=today,
            other_systems=IntegratedCareSystem.objects.exclude(pk=self.system.pk)
            .filter(milestones__isnull=False)
            .distinct()
            .order_by("name"),
        )
        return context


class PlaceListView(SystemPageMixin, TemplateView):
    template_name = "places/place_list.html"
    page_title = "Our places"
    meta_description = (
        "The places of the integrated care system, with their populations, councils and "
        "neighbourhoods."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        ours = Place.objects.filter(system=self.system)
        former = Place.objects.former_of(self.system).select_related("system")
        context.update(
            current=ours.with_counts().with_population(),
            former=former,
            elsewhere=Place.objects.exclude(system=self.system)
            .exclude(pk__in=former.values("pk"))
            .select_related("system"),
            population=ours.population_total(),
        )
        return context


class NeighbourhoodListView(SystemPageMixin, TemplateView):
    template_name = "places/neighbourhood_list.html"
    page_title = "Neighbourhoods"
    meta_description = (
        "Neighbourhoods of 30,000 to 50,000 people where health and care organisations work "
        "closely together: what is known of them in each place, and how it adds up."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        current = list(
            Place.objects.filter(system=self.system).select_related("system").with_neighbourhoods()
        )
        former = list(
            Place.objects.former_of(self.system).select_related("system").with_neighbourhoods()
        )
        context.update(current=current, former=former, totals=neighbourhood_totals(current))
        return context


class PlaceDetailView(PageMixin, DetailView):
    template_name = "places/place_detail.html"

    def get_queryset(self):
        return (
            Place.objects.select_related("system")
            .with_neighbourhoods()
            .prefetch_related(
                "organisations",
                "alliances",
                "population_estimates",
                Prefetch(
                    "system_memberships",
                    queryset=SystemMembership.objects.select_related("system").order_by(
                        F("started_on").asc(nulls_first=True)
                    ),
                ),
            )
        )

    def get_page_title(self) -> str:
        return self.object.name

    def get_meta_description(self) -> str:
        return (
            f"{self.object.name}: population, council, place plan priorities, neighbourhoods, "
            "partners and alliances."
        )

    def get_breadcrumbs(self):
        if not self.object.system.is_portal:
            # A place in another system (York) says so before anything else.
            return [
                ("Home", "/"),
                ("Our places", reverse("places:list")),
                (self.object.system.name, self.object.system.get_absolute_url()),
                (self.object.name, None),
            ]
        return [("Home", "/"), ("Our places", reverse("places:list")), (self.object.name, None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners_by_kind: dict[str, list] = {}
        councils = []
        for organisation in self.object.organisations.all():
            partners_by_kind.setdefault(organisation.get_kind_display(), []).append(organisation)
            if organisation.is_council:
                councils.append(organisation)
        context.update(
            place_as_list=[self.object],
            partners_by_kind=sorted(partners_by_kind.items()),
            councils=councils,
            # News reaches places through its relation, so this app imports no news code.
            news_items=self.object.news_items.published().newest_first()[:5],
        )
        return context
