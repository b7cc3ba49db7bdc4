"""Where every fact on the site comes from: /sources/ lists each kind of sourced record,
and /sources/<kind>/ every fact of that kind with its source, confidence and the page that
shows it. Generated from the records, so it cannot drift from what the pages show.

It composes the apps from above (nothing imports it): each kind names its queryset, the
facts a record carries, and where the record is shown.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.core.paginator import InvalidPage, Paginator
from django.db.models import QuerySet
from django.http import Http404
from django.urls import reverse
from django.views.generic import TemplateView

from alliances.models import Alliance, GovernanceStage, Membership
from core.dates import format_date
from core.sitemaps import PortalSitemap
from core.views import PageMixin
from partners.models import Organisation, PreviousIdentifier
from places.models import (
    IntegratedCareSystem,
    Milestone,
    Neighbourhood,
    NeighbourhoodCount,
    Place,
    PopulationEstimate,
    SystemMembership,
)

Fact = tuple[str, str]  # (what, value)


def _day(value) -> str:
    return format_date(value)


@dataclass(frozen=True)
class FactKind:
    """One kind of sourced record: its records, the facts each carries, and its page."""

    slug: str
    title: str
    queryset: Callable[[], QuerySet]
    facts: Callable[[object], list[Fact]]
    shown_on: Callable[[object], str]

    def rows(self, records) -> list[dict]:
        return [
            {"record": record, "facts": self.facts(record), "shown_on": self.shown_on(record)}
            for record in records
        ]


def _present(*facts: Fact) -> list[Fact]:
    return [(label, value) for label, value in facts if value not in ("", None)]


def _system_facts(system) -> list[Fact]:
    return _present(
        ("Stated population", system.stated_population_words),
        ("Stated neighbourhoods", system.stated_neighbourhood_count),
        ("Status", system.get_status_display()),
        ("Status since", _day(system.status_since)),
        ("Former name", system.former_name),
        ("Current name since", system.renamed_display),
    )


def _place_facts(place) -> list[Fact]:
    return _present(
        ("GSS code", place.gss_code),
        ("GSS code since", _day(place.gss_code_since)),
        ("Previous GSS code", place.previous_gss_code),
        ("Previous GSS code until", _day(place.previous_gss_code_until)),
    )


def _organisation_facts(organisation) -> list[Fact]:
    return _present(
        ("ODS code", organisation.ods_code),
        ("GSS code", organisation.gss_code),
        ("From", _day(organisation.active_from)),
        ("Until", _day(organisation.active_to)),
    )


KINDS = [
    FactKind(
        "systems",
        "Integrated care systems",
        lambda: IntegratedCareSystem.objects.order_by("name"),
        _system_facts,
        lambda system: system.get_absolute_url(),
    ),
    FactKind(
        "places",
        "Places and their area codes",
        lambda: Place.objects.order_by("name"),
        _place_facts,
        lambda place: place.get_absolute_url(),
    ),
    FactKind(
        "system-memberships",
        "Which system each place is in, and when",
        lambda: SystemMembership.objects.select_related("place", "system").order_by(
            "place__name", "started_on"
        ),
        lambda m: _present(
            ("System", m.system.name), ("From", _day(m.started_on)), ("Until", _day(m.ended_on))
        ),
        lambda m: m.place.get_absolute_url(),
    ),
    FactKind(
        "populations",
        "Populations",
        lambda: PopulationEstimate.objects.select_related("place").order_by("place__name", "year"),
        lambda e: [("Population", f"{e.population:,}"), ("Figure", e.describe_series())],
        lambda e: e.place.get_absolute_url(),
    ),
    FactKind(
        "neighbourhoods",
        "Neighbourhoods named",
        lambda: Neighbourhood.objects.select_related("place").order_by("place__name", "name"),
        lambda n: [("Name", n.name), ("Kind", n.get_kind_display())],
        lambda n: reverse("places:neighbourhoods"),
    ),
    FactKind(
        "neighbourhood-counts",
        "Neighbourhoods known only by their number",
        lambda: NeighbourhoodCount.objects.select_related("place").order_by("place__name"),
        lambda c: [("Number", str(c.count)), ("Kind", c.get_kind_display())],
        lambda c: reverse("places:neighbourhoods"),
    ),
    FactKind(
        "milestones",
        "The journey",
        lambda: Milestone.objects.select_related("system").order_by("system__name", "date"),
        lambda m: [("Date", m.display_date), ("Event", m.title)],
        lambda m: m.system.get_absolute_url(),
    ),
    FactKind(
        "organisations",
        "Partner organisations and their codes",
        lambda: Organisation.objects.order_by("name"),
        _organisation_facts,
        lambda o: o.get_absolute_url(),
    ),
    FactKind(
        "previous-names-and-codes",
        "Previous names and codes",
        lambda: PreviousIdentifier.objects.select_related("organisation").order_by(
            "organisation__name"
        ),
        lambda p: _present(
            (f"Previous {p.get_scheme_display().lower()}", p.value),
            ("Until", _day(p.used_until)),
        ),
        lambda p: p.organisation.get_absolute_url(),
    ),
    FactKind(
        "alliances",
        "Collaboratives and alliances",
        lambda: Alliance.objects.order_by("name"),
        lambda a: _present(("Kind", a.get_kind_display()), ("Since", a.established_display)),
        lambda a: a.get_absolute_url(),
    ),
    FactKind(
        "alliance-members",
        "Members of collaboratives and alliances",
        lambda: Membership.objects.select_related("alliance", "organisation").order_by(
            "alliance__name", "organisation__name", "represented_group"
        ),
        lambda m: _present(
            ("Member", m.member_name),
            ("Role", m.get_role_display()),
            ("Until", _day(m.left_on)),
        ),
        lambda m: m.alliance.get_absolute_url(),
    ),
    FactKind(
        "governance-stages",
        "Governance stages",
        lambda: GovernanceStage.objects.select_related("alliance").order_by(
            "alliance__name", "started_on"
        ),
        lambda s: _present(
            ("Stage", s.get_stage_display()), ("From", s.started_display), ("To", s.ended_display)
        ),
        lambda s: s.alliance.get_absolute_url(),
    ),
]
KINDS_BY_SLUG = {kind.slug: kind for kind in KINDS}


class SourcesSitemap(PortalSitemap):
    changefreq = "weekly"

    def items(self):
        return [None, *KINDS]

    def location(self, item):
        return reverse("sources") if item is None else reverse("sources-kind", args=[item.slug])


class SourcesView(PageMixin, TemplateView):
    template_name = "sources/index.html"
    page_title = "Where our facts come from"
    meta_description = (
        "Every figure, date and code on this site, with its source, how sure we are of it, "
        "and the page that shows it."
    )

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["kinds"] = [(kind, kind.queryset().count()) for kind in KINDS]
        return context


class SourcesKindView(PageMixin, TemplateView):
    template_name = "sources/kind.html"
    # A table of facts to check, each with its source: a screenful or two at a time.
    paginate_by = 25

    def dispatch(self, request, *args, **kwargs):
        self.kind = KINDS_BY_SLUG.get(kwargs["kind"])
        if self.kind is None:
            raise Http404("No such kind of fact.")
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return f"Sources: {self.kind.title.lower()}"

    def get_meta_description(self) -> str:
        return f"{self.kind.title}: each fact with its source and how sure we are of it."

    def get_breadcrumbs(self):
        return [
            ("Home", "/"),
            (SourcesView.page_title, reverse("sources")),
            (self.kind.title, None),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        paginator = Paginator(self.kind.queryset(), self.paginate_by)
        try:
            page = paginator.page(self.request.GET.get("page") or 1)
        except InvalidPage as error:
            raise Http404("No such page.") from error
        context.update(
            kind=self.kind,
            rows=self.kind.rows(page.object_list),
            page_obj=page,
            paginator=paginator,
            is_paginated=page.has_other_pages(),
        )
        return context
