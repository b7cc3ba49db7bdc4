"""The search page: /search/?q=words[&kind=partner][&page=2]."""

from django.core.paginator import InvalidPage
from django.http import Http404
from django.views.generic import TemplateView

from core.views import PageMixin
from search.forms import SearchForm
from search.query import run


class SearchView(PageMixin, TemplateView):
    template_name = "search/search.html"
    meta_description = (
        "Search the partnership's places, neighbourhoods, partner organisations, "
        "collaboratives, alliances, boards, meetings, publications and news."
    )

    def get(self, request, *args, **kwargs):
        self.form = SearchForm(request.GET)
        self.results = None
        if not self.form.is_valid():
            return self.render_to_response(self.get_context_data(), status=400)
        if words := self.form.cleaned_data["q"]:
            try:
                self.results = run(
                    words,
                    kind=self.form.cleaned_data["kind"],
                    page_number=request.GET.get("page") or 1,
                )
            except InvalidPage as error:
                raise Http404("There is no such page of results.") from error
        return self.render_to_response(self.get_context_data())

    def get_page_title(self) -> str:
        if not self.form.is_valid():
            return "Error: Search"
        if self.results is None:
            return "Search"
        title = f"Search results for ‘{self.results.asked}’"
        page = self.results.page
        if page.paginator.num_pages > 1:
            title += f" (page {page.number} of {page.paginator.num_pages})"
        return title

    def get_context_data(self, **kwargs):
        context = super().get_context_data(form=self.form, results=self.results, **kwargs)
        if self.results is not None:
            context.update(page_obj=self.results.page, paginator=self.results.page.paginator)
        return context
