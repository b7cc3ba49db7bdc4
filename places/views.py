"""Public pages about the partnership: who we are, the journey, places and neighbourhoods.

Every list that grows with the data is bounded (issue 20): a list page paginates, and a page
that composes several lists shows the first few of each with a link to a page that has them
all. Totals are counted in the database over all the rows, never summed from those shown."""

from django.core.validators import slug_re
from django.db.models import F, Prefetch
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils import timezone
from django.views.generic import DetailView, TemplateView

from core.models import distinct_citations
from core.paging import first_few, paginate
from core.views import PageMixin
from pages.models import Page
from pages.views import StandingPageMixin
from places.figures import figures_of
from places.models import (
    CENSUS_YEAR,
    IntegratedCareSystem,
    Milestone,
    Place,
    PopulationEstimate,
    SystemMembership,
    summarise_neighbourhoods,
)

# The bounds, chosen for the pages' readers: a list page shows a page of rows, a page that
# composes several lists the first few of each with a link to the rest.
PLACES_ON_ABOUT_PAGE = 10
CENSUS_FIGURES_ON_ABOUT_PAGE = 10
CENSUS_FIGURES_PER_PAGE = 25
MILESTONES_PER_PAGE = 25
PLACES_PER_PAGE = 24  # cards in two columns
OTHER_PLACES_ON_PLACES_PAGE = 10
OTHER_PLACES_PER_PAGE = 25
NEIGHBOURHOOD_PLACES_PER_PAGE = 10
FORMER_PLACES_ON_NEIGHBOURHOODS_PAGE = 5
NEIGHBOURHOODS_NAMED_SHOWN = 10  # of each kind, in each place, on a page about places
NEIGHBOURHOODS_PER_PAGE = 25
PARTNERS_OF_EACH_KIND_SHOWN = 5
ALLIANCES_ON_PLACE_PAGE = 10
NEWS_ON_PLACE_PAGE = 5

# The other lists of /places/, each a paginated page of its own at /places/?show=<key>.
PLACE_GROUPS = {
    "former": "Places formerly part of the partnership",
    "elsewhere": "Places in other systems",
}


class SystemPageMixin(PageMixin):
    """Pages about the portal's own system."""

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["system"] = self.system
        return context

    def dispatch(self, request, *args, **kwargs):
        self.system = IntegratedCareSystem.objects.portal()
        return super().dispatch(request, *args, **kwargs)


def census_year_figures(system: IntegratedCareSystem):
    """The estimates for the census year of every place that was part of `system` then."""
    return PopulationEstimate.objects.of_places_in(system, CENSUS_YEAR)


class AboutView(StandingPageMixin, SystemPageMixin, TemplateView):
    template_name = "places/about.html"
    page_key = "about"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        places = Place.objects.filter(system=self.system)
        figures = census_year_figures(self.system)
        shown = first_few(figures, CENSUS_FIGURES_ON_ABOUT_PAGE)
        census = figures.summary()
        context.update(
            # The first few chosen by name alone, then counted and looked up: annotating
            # every place before cutting the list would cost a little for each of them.
            places=first_few(
                Place.objects.filter(
                    pk__in=places.order_by("name", "pk").values("pk")[: PLACES_ON_ABOUT_PAGE + 1]
                )
                .with_counts()
                .with_population()
                .order_by("name", "pk"),
                PLACES_ON_ABOUT_PAGE,
            ),
            population=figures_of(self.system).population,
            census_year=CENSUS_YEAR,
            census_year_figures=shown,
            census_year_total=census["total"],
            census_year_count=census["count"],
            # The figures not shown, so the table still adds up on the page.
            census_year_others=(census["total"] or 0) - sum(e.population for e in shown),
            census_year_others_count=census["count"] - len(shown),
            # The sources of the figures shown; the page of them all cites each of the rest.
            census_year_citations=distinct_citations(shown),
            structured_data=self.system.structured_data(
                self.request.build_absolute_uri(self.request.path)
            ),
        )
        return context


class CensusYearView(SystemPageMixin, TemplateView):
    """Every census-year figure the about page adds up, a page at a time, with the total of
    them all: the arithmetic behind the partnership's stated population, in full."""

    template_name = "places/census_year.html"
    meta_description = (
        f"The population of each place that was part of the partnership in {CENSUS_YEAR}, "
        "the year of the last census, with the total and the sources."
    )

    def get_page_title(self) -> str:
        return f"Our places' populations in {CENSUS_YEAR}"

    def get_breadcrumbs(self):
        about = Page.objects.filter(key="about").values_list("title", flat=True).first()
        return [
            ("Home", "/"),
            (about or "Who we are", reverse("places:about")),
            (self.get_page_title(), None),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        figures = census_year_figures(self.system)
        context.update(
            paginate(self.request, figures, CENSUS_FIGURES_PER_PAGE),
            census_year=CENSUS_YEAR,
            census=figures.summary(),
        )
        context["page_citations"] = distinct_citations(context["object_list"])
        return context


class JourneyView(SystemPageMixin, TemplateView):
    """The portal's own system's journey at /our-journey/, another system's at
    /our-journey/<slug>/ (York's, in Humber and North Yorkshire), oldest step first, a page
    of steps at a time."""

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
        milestones = Milestone.objects.filter(system=self.system)
        today = timezone.localdate()
        context.update(
            paginate(self.request, milestones.in_order(), MILESTONES_PER_PAGE),
            latest=milestones.filter(date__lte=today).order_by("-date", "-title", "-pk").first(),
            today=today,
            other_systems=IntegratedCareSystem.objects.exclude(pk=self.system.pk)
            .filter(milestones__isnull=False)
            .distinct()
            .order_by("name"),
        )
        return context


class PlaceListView(SystemPageMixin, TemplateView):
    """Our places, a page of cards at a time, with the total population of them all; the
    first few places that have left and places in other systems, each list whole at
    /places/?show=former and /places/?show=elsewhere."""

    template_name = "places/place_list.html"
    page_title = "Our places"
    meta_description = (
        "The places of the integrated care system, with their populations, councils and "
        "neighbourhoods."
    )

    def dispatch(self, request, *args, **kwargs):
        self.show = request.GET.get("show", "")
        if self.show and self.show not in PLACE_GROUPS:
            raise Http404("No such list of places.")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return PLACE_GROUPS.get(self.show, self.page_title)

    def get_meta_description(self) -> str:
        if self.show == "former":
            return "The places that were part of the integrated care system and have left it."
        if self.show == "elsewhere":
            return "Places in other integrated care systems that this site has records of."
        return self.meta_description

    def get_breadcrumbs(self):
        if not self.show:
            return super().get_breadcrumbs()
        title = self.get_page_title()
        return [("Home", "/"), ("Our places", reverse("places:list")), (title, None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        former = Place.objects.former_of(self.system).select_related("system")
        elsewhere = (
            Place.objects.exclude(system=self.system)
            .exclude(pk__in=former.values("pk"))
            .select_related("system")
        )
        context["show"] = self.show
        if self.show:
            rows = former if self.show == "former" else elsewhere
            context.update(paginate(self.request, rows, OTHER_PLACES_PER_PAGE))
            return context
        ours = Place.objects.filter(system=self.system)
        context.update(
            # Ordered explicitly: a grouped query (the counts) ignores the model's ordering.
            paginate(
                self.request,
                ours.order_by("name", "pk"),
                PLACES_PER_PAGE,
                decorate=lambda page: page.with_counts().with_population().order_by("name", "pk"),
            ),
            population=figures_of(self.system).population,
        )
        if context["page_obj"].number == 1:
            context.update(
                former=first_few(former, OTHER_PLACES_ON_PLACES_PAGE),
                elsewhere=first_few(elsewhere, OTHER_PLACES_ON_PLACES_PAGE),
            )
        return context


class NeighbourhoodListView(SystemPageMixin, TemplateView):
    """What is known of the neighbourhoods, place by place, a page of places at a time, with
    the totals across all our places; /neighbourhoods/?place=<slug> lists one place's named
    neighbourhoods in full, a page at a time."""

    template_name = "places/neighbourhood_list.html"
    page_title = "Neighbourhoods"
    meta_description = (
        "Neighbourhoods of 30,000 to 50,000 people where health and care organisations work "
        "closely together: what is known of them in each place, and how it adds up."
    )

    def dispatch(self, request, *args, **kwargs):
        self.place = None
        if slug := request.GET.get("place"):
            if not slug_re.fullmatch(slug):  # a NUL or any non-slug is no place: never a 500
                raise Http404("No such place.")
            self.place = get_object_or_404(Place.objects.select_related("system"), slug=slug)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Neighbourhoods in {self.place.name}" if self.place else self.page_title

    def get_meta_description(self) -> str:
        if self.place:
            return (
                f"The neighbourhoods of {self.place.name} as far as a source names or counts "
                "them, with their sources."
            )
        return self.meta_description

    def get_breadcrumbs(self):
        if not self.place:
            return super().get_breadcrumbs()
        return [
            ("Home", "/"),
            (self.page_title, reverse("places:neighbourhoods")),
            (self.place.name, None),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        if self.place:
            summarise_neighbourhoods([self.place], shown=0)
            context.update(
                paginate(
                    self.request,
                    self.place.neighbourhoods.order_by("kind", "name", "pk"),
                    NEIGHBOURHOODS_PER_PAGE,
                ),
                place=self.place,
            )
            context["page_citations"] = distinct_citations(context["object_list"])
            return context
        ours = Place.objects.filter(system=self.system)
        context.update(
            paginate(
                self.request,
                ours.select_related("system").order_by("name", "pk"),
                NEIGHBOURHOOD_PLACES_PER_PAGE,
            ),
            totals=figures_of(self.system).neighbourhood_totals,
        )
        current = list(context["object_list"])
        former = []
        if context["page_obj"].number == 1:
            former = first_few(
                Place.objects.former_of(self.system).select_related("system"),
                FORMER_PLACES_ON_NEIGHBOURHOODS_PAGE,
            )
        summarise_neighbourhoods([*current, *former], shown=NEIGHBOURHOODS_NAMED_SHOWN)
        context.update(current=current, former=former)
        return context


class PlaceDetailView(PageMixin, DetailView):
    """A place: its facts, and the first few of its neighbourhoods, partners (of each kind),
    alliances and news, each with a link to the whole list."""

    template_name = "places/place_detail.html"

    def get_queryset(self):
        return Place.objects.select_related("system").prefetch_related(
            "population_estimates",
            Prefetch(
                "system_memberships",
                queryset=SystemMembership.objects.select_related("system").order_by(
                    F("started_on").asc(nulls_first=True)
                ),
            ),
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
        place = self.object
        summarise_neighbourhoods([place], shown=NEIGHBOURHOODS_NAMED_SHOWN)
        # Partners, alliances and news reach places through their relations, so this app
        # imports none of their code.
        partners_by_kind: dict[str, dict] = {}
        for organisation in place.organisations.first_of_each_kind(PARTNERS_OF_EACH_KIND_SHOWN):
            group = partners_by_kind.setdefault(
                organisation.get_kind_display(),
                {"kind": organisation.kind, "total": organisation.kind_total, "rows": []},
            )
            group["rows"].append(organisation)
        councils = [o for group in partners_by_kind.values() for o in group["rows"] if o.is_council]
        context.update(
            place_as_list=[place],
            partners_by_kind=sorted(partners_by_kind.items()),
            councils=councils,
            alliances=first_few(place.alliances.order_by("name", "pk"), ALLIANCES_ON_PLACE_PAGE),
            news_items=first_few(place.news_items.published().newest_first(), NEWS_ON_PLACE_PAGE),
        )
        return context
