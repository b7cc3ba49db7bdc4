"""/in-pictures/: the partnership as pictures people read faster than tables: the journey as
a timeline, the places' populations as a bar chart, and its structure as a diagram. Each is
server-rendered (SVG, or HTML and CSS) with its words or a table beside it."""

from django.views.generic import TemplateView

from alliances.models import Alliance
from core.models import distinct_citations
from pictures.charts import bar_chart
from places.models import Milestone, Place, neighbourhood_totals
from places.views import SystemPageMixin

# The timeline shows the first steps up to this many; the journey page has them all.
MILESTONES_SHOWN = 20
# An alliance's members in the diagram, at most; its own page lists them all.
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
        milestones = list(Milestone.objects.filter(system=system).in_order()[:MILESTONES_SHOWN])
        places = list(Place.objects.filter(system=system).with_population().with_neighbourhoods())
        alliances = list(Alliance.objects.with_members().order_by("name")[:3])
        for alliance in alliances:
            alliance.members_shown = alliance.member_list[:MEMBERS_SHOWN]
            alliance.members_more = len(alliance.member_list) - len(alliance.members_shown)
        context.update(
            milestones=milestones,
            milestone_citations=distinct_citations(milestones),
            more_milestones=Milestone.objects.filter(system=system).count() > len(milestones),
            places=places,
            chart=bar_chart(places),
            population=Place.objects.filter(system=system).population_total(),
            neighbourhood_totals=neighbourhood_totals(places),
            alliances=alliances,
        )
        return context
