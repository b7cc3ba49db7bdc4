"""/in-pictures/: the partnership as pictures people read faster than tables: the journey as
a timeline, the places' populations as a bar chart, and its structure as a diagram. Each is
server-rendered (SVG, or HTML and CSS) with its words or a table beside it.

Each picture is bounded, and says so, with a link to the page that has the whole list: the
latest steps of the journey, the largest places, the first places by name, and the alliances
with the most members. Totals are of all the rows, counted in the database."""

from django.db.models import Count, Q
from django.views.generic import TemplateView

from alliances.models import Alliance, Membership
from core.models import count_of, distinct_citations
from pictures.charts import bar_chart
from places.figures import LARGEST_KEPT, figures_of
from places.models import Milestone, Place, summarise_neighbourhoods
from places.views import SystemPageMixin

# The timeline shows the latest steps up to this many; the journey page has them all.
MILESTONES_SHOWN = 10
# The bar chart and its table show the largest places up to this many (as many as the
# system's figures keep); /places/ has them all.
PLACES_CHARTED = LARGEST_KEPT
# The structure shows the first places by name up to this many.
PLACES_IN_STRUCTURE = 10
# The alliances in the diagram (those with the most members), and each one's members shown;
# their own pages list them all.
ALLIANCES_SHOWN = 3
MEMBERS_SHOWN = 12


class PicturesView(SystemPageMixin, TemplateView):
    template_name = "pictures/pictures.html"
    page_title = "The partnership in pictures"
    meta_description = (
        "Our journey as a timeline, our places' populations as a chart, and how the "
        "partnership fits together, each with its words and sources."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        system = self.system
        steps = Milestone.objects.filter(system=system)
        # The latest steps, shown oldest first as on the journey page.
        milestones = list(steps.order_by("-date", "-title", "-pk")[:MILESTONES_SHOWN])[::-1]
        ours = Place.objects.filter(system=system)
        figures = figures_of(system)
        population = figures.population
        # The largest places, by their keys in the system's figures (sorting every place by
        # its latest population on each request grew with the places), in that order.
        keys = figures.largest[:PLACES_CHARTED]
        found = ours.filter(pk__in=keys).with_population().in_bulk()
        largest = [found[pk] for pk in keys if pk in found]
        # The largest, counted from the memberships alone (grouped on their indexed foreign
        # key), then those few alliances read with their first members.
        largest_alliances = (
            Membership.objects.order_by()
            .values("alliance")
            .annotate(number=Count("pk"))
            .order_by("-number", "alliance__name")
            .values("alliance")[:ALLIANCES_SHOWN]
        )
        alliances = list(
            Alliance.objects.filter(pk__in=largest_alliances)
            .select_related("system", "place")
            .annotate(member_count=count_of(Membership, "alliance"))
            .order_by("name")
        )
        # Each one's first members, chosen by key from its own index (a window over all their
        # memberships would sort every one), then read in one query.
        first_members = Q(pk__in=[])
        for alliance in alliances:
            roster = alliance.memberships.in_roster_order()[:MEMBERS_SHOWN]
            first_members |= Q(pk__in=roster.values("pk"))
        shown = Membership.objects.filter(first_members).in_roster_order()
        for alliance in alliances:
            alliance.members_shown = []
        by_pk = {alliance.pk: alliance for alliance in alliances}
        for membership in shown:
            by_pk[membership.alliance_id].members_shown.append(membership)
        for alliance in alliances:
            alliance.members_more = alliance.member_count - len(alliance.members_shown)
        structure = list(ours.select_related("system").order_by("name", "pk")[:PLACES_IN_STRUCTURE])
        summarise_neighbourhoods(structure, shown=0)
        context.update(
            milestones=milestones,
            milestone_count=steps.count(),
            milestone_citations=distinct_citations(milestones),
            places=largest,
            # The places with a figure that are not charted, so the table still adds up.
            places_others=population["counted"] - len(largest),
            places_others_total=(population["total"] or 0)
            - sum(place.population for place in largest),
            places_without_figure=population["places"] - population["counted"],
            chart=bar_chart(largest),
            population=population,
            structure=structure,
            structure_more=population["places"] - len(structure),
            alliances=alliances,
        )
        return context
