"""Governance in public: the governance page, the list of bodies, each body's page, members
and meetings, and the registers of interests."""

import re
from urllib.parse import urlencode

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from alliances.models import Alliance, AllianceKind
from core.http import safe
from core.models import distinct_citations
from core.paging import first_few
from core.views import FilteredListMixin, PageByKeyMixin, PageMixin
from governance.calendar import calendar_name, meetings_calendar
from governance.forms import MeetingFilterForm
from governance.models import Body, Meeting
from places.models import IntegratedCareSystem

# How many upcoming and past meetings a body's page shows before "see all".
MEETINGS_ON_BODY_PAGE = 3
# How many members a body's page shows before "see all": a whole board as boards are (chair,
# vice chair and chief executive first); the members page lists the rest a page at a time.
MEMBERS_ON_BODY_PAGE = 20
MEMBERS_PER_PAGE = 25
# The governance page shows the first few bodies and the first few collaboratives and
# alliances of each kind; the bodies page and the alliances' own lists have them all.
BODIES_ON_GOVERNANCE_PAGE = 10
ALLIANCES_ON_GOVERNANCE_PAGE = 5
BODIES_PER_PAGE = 20
# The most meetings the subscribable calendar holds, from twelve months ago onward: the soonest
# upcoming kept first, then the most recent past. It keeps the file small (clients fetch it
# every 12 hours); past it, the furthest ahead and the oldest are left out, and the meetings
# list has them all.
CALENDAR_LIMIT = 200


def calendar_url(body: Body | None = None) -> str:
    """The subscribable calendar's address, narrowed to one body's meetings."""
    url = reverse("governance:calendar")
    return f"{url}?{urlencode({'body': body.slug})}" if body else url


class GovernanceView(PageMixin, TemplateView):
    """Where each system and alliance stands, and the boards and committees that meet in
    public: the first few of each list, each linked to the page that has them all. It lives
    here, above alliances, because it lists the governance app's bodies."""

    template_name = "governance/index.html"
    page_title = "Governance"
    meta_description = (
        "Where each integrated care system and alliance stands, and the boards and committees "
        "that meet in public, with their members and meetings."
    )

    def get_context_data(self, **kwargs):
        alliances = Alliance.objects.with_stages().order_by("name")
        context = super().get_context_data(**kwargs)
        context.update(
            # England has 42 integrated care systems at most: they are shown whole.
            systems=IntegratedCareSystem.objects.order_by("name"),
            collaboratives=first_few(
                alliances.of_kind(AllianceKind.PROVIDER_COLLABORATIVE),
                ALLIANCES_ON_GOVERNANCE_PAGE,
            ),
            place_alliances=first_few(
                alliances.of_kind(AllianceKind.PLACE_ALLIANCE), ALLIANCES_ON_GOVERNANCE_PAGE
            ),
            bodies=first_few(Body.objects.in_list_order(), BODIES_ON_GOVERNANCE_PAGE),
        )
        return context


class BodyListView(PageMixin, ListView):
    """Every board and committee that meets in public, by system, a page at a time."""

    template_name = "governance/body_list.html"
    paginate_by = BODIES_PER_PAGE
    page_title = "Boards and committees"
    meta_description = (
        "Every board and committee that meets in public, by integrated care system: each "
        "with its members, rule for public questions and meetings."
    )

    def get_queryset(self):
        return Body.objects.in_list_order()

    def get_breadcrumbs(self):
        return [("Home", "/"), ("Governance", reverse("governance:index")), (self.page_title, None)]


class BodyDetailView(PageMixin, DetailView):
    template_name = "governance/body_detail.html"
    context_object_name = "body"

    def get_queryset(self):
        return Body.objects.with_member_count()

    def get_page_title(self) -> str:
        return self.object.name

    def get_meta_description(self) -> str:
        return f"{self.object.name}: its purpose, members, rule for public questions and meetings."

    def get_breadcrumbs(self):
        return [
            ("Home", "/"),
            ("Governance", reverse("governance:index")),
            (self.object.name, None),
        ]

    def get_context_data(self, **kwargs):
        meetings = self.object.meetings.all()
        return super().get_context_data(
            members=first_few(self.object.members.in_seat_order(), MEMBERS_ON_BODY_PAGE),
            upcoming=list(meetings.upcoming()[:MEETINGS_ON_BODY_PAGE]),
            past=list(meetings.past()[:MEETINGS_ON_BODY_PAGE]),
            calendar_url=calendar_url(self.object),
            calendar_limit=CALENDAR_LIMIT,
            **kwargs,
        )


class BodyMembersView(PageMixin, ListView):
    """All of one body's members, a page at a time."""

    template_name = "governance/body_members.html"
    paginate_by = MEMBERS_PER_PAGE

    def get(self, request, *args, **kwargs):
        self.body = get_object_or_404(Body.objects.with_context(), slug=kwargs["slug"])
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.body.members.in_seat_order()

    def get_page_title(self) -> str:
        return f"{self.body.name}: members"

    def get_meta_description(self) -> str:
        return f"The members of the {self.body.name}: each member's role and dates."

    def get_breadcrumbs(self):
        return [
            ("Home", "/"),
            ("Governance", reverse("governance:index")),
            (self.body.name, self.body.get_absolute_url()),
            ("Members", None),
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(body=self.body, **kwargs)


class MeetingListView(PageByKeyMixin, FilteredListMixin, ListView):
    template_name = "governance/meeting_list.html"
    paginate_by = 20
    filter_form_class = MeetingFilterForm
    page_title = "Meetings"
    meta_description = (
        "Meetings of the boards and committees that meet in public: upcoming ones first, "
        "then past ones."
    )

    def get_unfiltered_queryset(self):
        # Built per request: which meetings are upcoming depends on the day.
        return Meeting.objects.in_listing_order()

    def decorate(self, queryset):
        return queryset.with_body()

    def get_context_data(self, **kwargs):
        # The body the reader chose, even when another field (the year) is in error.
        body = self.form.cleaned_data.get("body")
        return super().get_context_data(
            calendar_url=calendar_url(body), calendar_limit=CALENDAR_LIMIT, **kwargs
        )

    def get_breadcrumbs(self):
        return [
            ("Home", "/"),
            ("Governance", reverse("governance:index")),
            (self.get_page_title(), None),
        ]


class MeetingDetailView(PageMixin, DetailView):
    template_name = "governance/meeting_detail.html"
    context_object_name = "meeting"

    def get_queryset(self):
        return Meeting.objects.with_papers()

    def get_page_title(self) -> str:
        return f"{self.object.body.name}: {self.object.date:%-d %B %Y}"

    def get_meta_description(self) -> str:
        return (
            f"Meeting of the {self.object.body.name} on {self.object.date:%-d %B %Y}: time, "
            "place, status, agenda, papers, minutes and how to send a question."
        )

    def get_breadcrumbs(self):
        body = self.object.body
        return [
            ("Home", "/"),
            ("Governance", reverse("governance:index")),
            (body.name, body.get_absolute_url()),
            (f"{self.object.date:%-d %B %Y}", None),
        ]

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            questions_open=self.object.questions_open(),
            papers=self.object.papers_in_order,
            **kwargs,
        )


SLUG = re.compile(r"[-a-zA-Z0-9_]+")
CALENDAR_CONTENT_TYPE = "text/calendar; charset=utf-8"


@safe
def meeting_calendar(request: HttpRequest, slug: str) -> HttpResponse:
    """One meeting as an iCalendar file, downloaded to add to a calendar."""
    meeting = get_object_or_404(Meeting.objects.with_body(), slug=slug)
    calendar = meetings_calendar([meeting], request)
    response = HttpResponse(calendar.to_ical(), content_type=CALENDAR_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{meeting.slug}.ics"'
    return response


def calendar_order(meeting: Meeting) -> tuple:
    """Oldest first, as a calendar file reads; an unpublished time first in its day."""
    return (meeting.date, meeting.start_time is not None, meeting.start_time, meeting.slug)


@safe
def calendar_feed(request: HttpRequest) -> HttpResponse:
    """The meetings to subscribe to: upcoming ones and those of the past twelve months, at
    most `CALENDAR_LIMIT` (200) of them, the soonest upcoming kept first and then the most
    recent past, listed oldest first; `?body=<slug>` for one body's (an unknown body is not
    found)."""
    meetings = Meeting.objects.with_body().in_calendar()
    body_slug = request.GET.get("body", "")
    body = None
    if body_slug:
        # Not a slug (a NUL byte, say, which PostgreSQL refuses): no body has it.
        if not SLUG.fullmatch(body_slug):
            raise Http404("No such board or committee.")
        body = get_object_or_404(Body, slug=body_slug)
        meetings = meetings.filter(body=body)
    calendar = meetings_calendar(
        sorted(meetings[:CALENDAR_LIMIT], key=calendar_order),
        request,
        name=calendar_name(body.name if body else None),
    )
    return HttpResponse(calendar.to_ical(), content_type=CALENDAR_CONTENT_TYPE)


# How many of a body's declared interests the registers page shows; the body's own interests
# page lists them all, a page at a time. Bodies are paged too, so the page stays bounded.
INTERESTS_PER_BODY = 10


def show_register(body: Body, interests: list) -> None:
    """Ready a body (loaded with its register) for templates/governance/includes/register.html:
    its register or None, the interests shown, and their distinct sources."""
    body.register = getattr(body, "interest_register", None)
    body.interests = interests
    body.register_citations = distinct_citations(
        [*([body.register] if body.register else []), *interests]
    )


class RegisterListView(PageMixin, ListView):
    """Every body's register of interests, by system, each with its first few entries."""

    template_name = "governance/registers.html"
    # Each body brings a table of up to INTERESTS_PER_BODY interests: ten bodies make a page
    # that can still be read through.
    paginate_by = 10
    page_title = "Registers of interests"
    meta_description = (
        "What the members of each board and committee have declared: their financial and "
        "non-financial interests, the dates, and the action taken."
    )

    def get_queryset(self):
        return Body.objects.with_registers(rows_each=INTERESTS_PER_BODY)

    def get_breadcrumbs(self):
        return [("Home", "/"), ("Governance", reverse("governance:index")), (self.page_title, None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        for body in context["object_list"]:
            show_register(body, body.interests_shown)
        return context


class BodyInterestsView(PageMixin, ListView):
    """All of one body's declared interests, a page at a time."""

    template_name = "governance/body_interests.html"
    paginate_by = 50

    def get(self, request, *args, **kwargs):
        self.body = get_object_or_404(
            Body.objects.with_context().select_related("interest_register"), slug=kwargs["slug"]
        )
        return super().get(request, *args, **kwargs)

    def get_queryset(self):
        return self.body.declared_interests.in_register_order()

    def get_page_title(self) -> str:
        return f"{self.body.name}: register of interests"

    def get_meta_description(self) -> str:
        return (
            f"The interests declared by members of the {self.body.name}: each interest, its "
            "type, dates and the action taken."
        )

    def get_breadcrumbs(self):
        return [
            ("Home", "/"),
            ("Governance", reverse("governance:index")),
            (self.body.name, self.body.get_absolute_url()),
            ("Register of interests", None),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(body=self.body, **kwargs)
        show_register(self.body, list(context["object_list"]))
        return context
