"""Publications in public: the list (filter by type, body and year), each publication with its
documents, and the freedom of information page with the publication scheme.

The freedom of information page lives here, not in icsportal, because it is the publication
scheme: its classes are filled from this app's publications (publications.scheme), and the
site's pages it links to are named by URL only, so it imports no app above this one.
"""

from dataclasses import dataclass

from django.conf import settings
from django.urls import reverse
from django.views.generic import DetailView, ListView, TemplateView

from core.models import Confidence
from core.paging import paginate
from core.views import FilteredListMixin, PageByKeyMixin, PageMixin
from pages.views import StandingPageMixin
from publications.forms import PublicationFilterForm
from publications.models import Publication
from publications.scheme import build_scheme


class PublicationListView(PageByKeyMixin, FilteredListMixin, ListView):
    template_name = "publications/publication_list.html"
    paginate_by = 20
    filter_form_class = PublicationFilterForm
    page_title = "Publications"
    meta_description = (
        "Strategies, plans, annual reports, policies, consultation documents and board papers "
        "published by the partnership and its boards, newest first."
    )

    def get_unfiltered_queryset(self):
        # Built per request: what is published depends on the day.
        return Publication.objects.published().newest_first()

    def decorate(self, queryset):
        return queryset.with_context()


# How many of a publication's documents its page lists; the rest are on the next pages.
DOCUMENTS_PER_PAGE = 20


class PublicationDetailView(PageMixin, DetailView):
    """A publication: what it is, its content, and its documents a page at a time (`?page=`),
    each with its alternative formats."""

    template_name = "publications/publication_detail.html"
    context_object_name = "publication"

    def get_queryset(self):
        return Publication.objects.published().with_context()

    def get_page_title(self) -> str:
        return self.object.title

    def get_meta_description(self) -> str:
        summary = " ".join(self.object.summary.split())
        return f"{self.object.get_kind_display()}: {summary}"

    def get_breadcrumbs(self):
        return [
            ("Home", "/"),
            ("Publications", reverse("publications:list")),
            (self.object.title, None),
        ]

    def get_context_data(self, **kwargs):
        paged = paginate(self.request, self.object.document_links.for_page(), DOCUMENTS_PER_PAGE)
        return super().get_context_data(
            **paged,
            documents=[link.document for link in paged["object_list"]],
            **kwargs,
        )


@dataclass(frozen=True)
class InformationContact:
    """Who answers requests for a system's information, with where that was seen (shown with
    the citation tag, like any sourced record)."""

    name: str
    office: str
    website: str
    source: str
    source_url: str
    confidence: str
    source_date = None

    def get_confidence_display(self) -> str:
        return Confidence(self.confidence).label


# The integrated care board is the public authority that holds the NHS's information for its
# system since 1 July 2022; only what shared facts give (its office, its website) is shown.
INFORMATION_CONTACTS = {
    "south-yorkshire": InformationContact(
        name="NHS South Yorkshire Integrated Care Board",
        office="197 Eyre Street, Sheffield",
        website="https://southyorkshire.icb.nhs.uk/",
        source="NHS South Yorkshire ICB, meetings and papers",
        source_url="https://southyorkshire.icb.nhs.uk/our-information/meetings-and-papers",
        confidence=Confidence.MEDIUM,
    ),
}


class FreedomOfInformationView(StandingPageMixin, TemplateView):
    template_name = "publications/freedom_of_information.html"
    page_key = "freedom-of-information"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            contact=INFORMATION_CONTACTS.get(settings.PORTAL_SYSTEM_SLUG),
            scheme=build_scheme(),
            **kwargs,
        )
