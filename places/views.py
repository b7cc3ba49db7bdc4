"""Public pages about the partnership: who we are, the journey, places and neighbourhoods."""

from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from core.views import PageMixin
from places.models import IntegratedCareSystem, Milestone, Place


class SystemPageMixin(PageMixin):
    """Pages about the portal's own system."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["system"] = self.system
        return context

    def dispatch(self, request, *args, **kwargs):
        self.system = IntegratedCareSystem.objects.portal()
        return super().dispatch(request, *args, **kwargs)


class AboutView(SystemPageMixin, TemplateView):
    template_name = "places/about.html"
    page_title = "Who we are"
    meta_description = (
        "Who we are: the partners of the integrated care system, our places, and how we work "
        "together."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        places = Place.objects.filter(system=self.system).current()
        context.update(
            places=places.with_counts(),
            population=places.population_total(),
            structured_data=self.system.structured_data(
                self.request.build_absolute_uri(self.request.path)
            ),
        )
        return context


class JourneyView(SystemPageMixin, TemplateView):
    template_name = "places/journey.html"
    page_title = "Our journey"
    meta_description = (
        "Our journey: from a sustainability and transformation partnership in 2016 to a "
        "statutory integrated care system in 2022."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        milestones = list(Milestone.objects.filter(system=self.system).in_order())
        today = timezone.localdate()
        reached = [m for m in milestones if m.date <= today]
        context.update(
            milestones=milestones,
            latest=reached[-1] if reached else None,
            today=today,
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
        ours = Place.objects.filter(system=self.system).with_counts()
        context.update(
            current=ours.current(),
            former=ours.former(),
            elsewhere=Place.objects.exclude(system=self.system).with_counts(),
            population=Place.objects.filter(system=self.system).current().population_total(),
        )
        return context


class NeighbourhoodListView(SystemPageMixin, TemplateView):
    template_name = "places/neighbourhood_list.html"
    page_title = "Neighbourhoods"
    meta_description = (
        "Neighbourhoods of 30,000 to 50,000 people where health and care organisations work "
        "closely together, grouped by place."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        places = list(
            Place.objects.with_counts()
            .filter(system=self.system)
            .prefetch_related("neighbourhoods")
            .order_by("active_to", "name")
        )
        context.update(
            places=places,
            named_total=sum(p.neighbourhood_count for p in places if not p.active_to),
        )
        return context


class PlaceDetailView(PageMixin, DetailView):
    template_name = "places/place_detail.html"

    def get_queryset(self):
        return Place.objects.select_related("system").prefetch_related(
            "neighbourhoods", "organisations", "alliances"
        )

    def get_page_title(self) -> str:
        return self.object.name

    def get_meta_description(self) -> str:
        return (
            f"{self.object.name}: population, council, place plan priorities, neighbourhoods, "
            "partners and alliances."
        )

    def get_breadcrumbs(self):
        return [("Home", "/"), ("Our places", reverse("places:list")), (self.object.name, None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        partners_by_kind: dict[str, list] = {}
        councils = []
        for organisation in self.object.organisations.all():
            partners_by_kind.setdefault(organisation.get_kind_display(), []).append(organisation)
            if organisation.kind == "council":
                councils.append(organisation)
        context.update(
            partners_by_kind=sorted(partners_by_kind.items()),
            councils=councils,
            # News reaches places through its relation, so this app imports no news code.
            news_items=self.object.news_items.published().newest_first()[:5],
        )
        return context
