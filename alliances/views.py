"""Collaboratives and alliances. (The governance page, which lists every body too, is the
governance app's: it sits above this one.)"""

from django.urls import reverse
from django.views.generic import DetailView, ListView

from alliances.models import Alliance
from core.models import distinct_citations
from core.paging import paginate
from core.views import PageMixin

# Rows a page shows: alliances on a list page (ten cards, as NHS.UK's service search shows
# ten results), members on an alliance's page. The rest are on the following pages
# (`?page=`), so a page costs the same however many there are.
ALLIANCES_PER_PAGE = 10
MEMBERS_PER_PAGE = 25


class AllianceKindMixin(PageMixin):
    """Collaboratives and alliances share their pages; the URLconf says which kind a page
    shows, its list's title and URL name (`as_view(kind=..., list_title=..., ...)`)."""

    kind: str = ""
    list_title: str = ""
    list_url_name: str = ""

    def get_queryset(self):
        return Alliance.objects.of_kind(self.kind)


class AllianceListView(AllianceKindMixin, ListView):
    template_name = "alliances/alliance_list.html"
    paginate_by = ALLIANCES_PER_PAGE

    def get_queryset(self):
        # Named again: a counted (grouped) query leaves out the model's default ordering.
        return super().get_queryset().with_member_count().order_by("name")

    def get_page_title(self) -> str:
        return self.list_title


class AllianceDetailView(AllianceKindMixin, DetailView):
    """An alliance's purpose, a page of its members with their roles (`?page=`), and its
    governance stages (at most one of each stage, so they are shown whole)."""

    template_name = "alliances/alliance_detail.html"

    def get_queryset(self):
        return super().get_queryset().with_stages()

    def get_page_title(self) -> str:
        return self.object.name

    def get_meta_description(self) -> str:
        return f"{self.object.name}: purpose, members and their roles, and governance stages."

    def get_breadcrumbs(self):
        crumbs = [("Home", "/"), (self.list_title, reverse(self.list_url_name))]
        system = self.object.system
        if not system.is_portal:
            # An alliance in another system (York) says so in its trail.
            crumbs.append((system.name, system.get_absolute_url()))
        return [*crumbs, (self.object.name, None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paged = paginate(self.request, self.object.memberships.in_roster_order(), MEMBERS_PER_PAGE)
        members = list(paged["object_list"])
        context.update(
            paged,
            members=members,
            # The sources of the members shown, each once, below their table.
            member_citations=distinct_citations(members),
        )
        return context
