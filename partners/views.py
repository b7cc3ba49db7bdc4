"""The partner directory and each partner's page."""

from django.urls import reverse
from django.views.generic import DetailView, ListView

from core.views import FilteredListMixin, PageMixin
from partners.forms import PartnerFilterForm
from partners.models import Organisation


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
        return Organisation.objects.for_detail()

    def get_page_title(self) -> str:
        return self.object.name

    def get_meta_description(self) -> str:
        kind = self.object.get_kind_display().lower()
        return f"{self.object.name}: {kind}, its codes, places and partnerships."

    def get_breadcrumbs(self):
        return [("Home", "/"), ("Partners", reverse("partners:list")), (self.object.name, None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["structured_data"] = self.object.structured_data(
            self.request.build_absolute_uri(self.object.get_absolute_url())
        )
        return context
