"""The partner directory, each partner's page, and the whole of each of its lists.

A partner's page shows the first few of each of its lists (places served, the organisations
it took over from and that took over from it, its partnerships), each with a link to a page
that lists them all, a page at a time: the page costs the same however long they grow."""

from django.http import Http404
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from core.models import distinct_citations
from core.paging import first_few, paginate
from core.views import FilteredListMixin, PageMixin
from partners.forms import PartnerFilterForm
from partners.models import Organisation

# The first few of each list on a partner's page; its own page lists the rest.
SHOWN_ON_PARTNER_PAGE = 10
RELATED_PER_PAGE = 25


class PartnerListView(FilteredListMixin, ListView):
    template_name = "partners/organisation_list.html"
    paginate_by = 20
    filter_form_class = PartnerFilterForm
    queryset = Organisation.objects.for_directory()
    page_title = "Partners"
    meta_description = (
        "The partner organisations of the integrated care system: councils, NHS bodies, primary "
        "care, voluntary sector, hospices and education, with their NHS and ONS codes."
    )


class PartnerDetailView(PageMixin, DetailView):
    template_name = "partners/organisation_detail.html"

    def get_queryset(self):
        # Its earlier names and codes are few, and shown whole.
        return Organisation.objects.prefetch_related("previous_identifiers")

    def get_page_title(self) -> str:
        return self.object.name

    def get_meta_description(self) -> str:
        kind = self.object.get_kind_display().lower()
        return f"{self.object.name}: {kind}, its codes, places and partnerships."

    def get_breadcrumbs(self):
        return [("Home", "/"), ("Partners", reverse("partners:list")), (self.object.name, None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        organisation = self.object
        # The first few of each list, and one more to say whether there are others: a query
        # each, as the whole list's page asks it. (Sliced prefetches, made for many
        # organisations, cost twice as much for one: a window function over each list.)
        first = {
            key: first_few(rows(organisation), SHOWN_ON_PARTNER_PAGE)
            for key, (_title, rows) in RELATIONS.items()
        }
        places, memberships = first["places"], first["partnerships"]
        context.update(
            places=places,
            predecessors=first["took-over-from"],
            successors=first["taken-over-by"],
            memberships=memberships,
            membership_citations=distinct_citations(memberships),
            structured_data=organisation.structured_data(
                self.request.build_absolute_uri(organisation.get_absolute_url()), places=places
            ),
        )
        return context


# Each list a partner's page shows the first few of: its title, and its rows, in the order
# the partner's page shows them.
RELATIONS = {
    "places": (
        "Places served by {name}",
        lambda o: o.places.select_related("system").order_by("system__name", "name", "pk"),
    ),
    "took-over-from": (
        "Organisations {name} took over from",
        lambda o: o.predecessors.order_by("name", "pk"),
    ),
    "taken-over-by": (
        "Organisations that took over from {name}",
        lambda o: o.successors.order_by("name", "pk"),
    ),
    "partnerships": (
        "Partnerships of {name}",
        lambda o: o.memberships.select_related("alliance").order_by("alliance__name", "pk"),
    ),
}


class PartnerRelatedView(PageMixin, TemplateView):
    """The whole of one of a partner's lists, a page at a time: /partners/<slug>/<relation>/."""

    template_name = "partners/organisation_related.html"

    def dispatch(self, request, *args, **kwargs):
        if kwargs["relation"] not in RELATIONS:
            raise Http404("No such list.")
        self.relation = kwargs["relation"]
        self.organisation = get_object_or_404(Organisation, slug=kwargs["slug"])
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return RELATIONS[self.relation][0].format(name=self.organisation.name)

    def get_meta_description(self) -> str:
        return f"{self.get_page_title()}: the whole list, with its sources."

    def get_breadcrumbs(self):
        return [
            ("Home", "/"),
            ("Partners", reverse("partners:list")),
            (self.organisation.name, self.organisation.get_absolute_url()),
            (self.get_page_title(), None),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        rows = RELATIONS[self.relation][1](self.organisation)
        context.update(
            paginate(self.request, rows, RELATED_PER_PAGE),
            organisation=self.organisation,
            relation=self.relation,
        )
        if self.relation == "partnerships":
            context["citations"] = distinct_citations(context["object_list"])
        return context
