"""View helpers shared by the public pages of every app."""

from django.db.models import QuerySet


class PageMixin:
    """Title, description and breadcrumbs for a public page.

    Every public page has a specific <title>, a meta description and, below the home page,
    breadcrumbs. Views set `page_title`/`meta_description` or override the getters; the
    breadcrumbs are (label, url) pairs ending with the page itself (no url).
    """

    page_title: str = ""
    meta_description: str = ""

    def get_page_title(self) -> str:
        return self.page_title

    def get_meta_description(self) -> str:
        return self.meta_description

    def get_breadcrumbs(self) -> list[tuple[str, str | None]]:
        return [("Home", "/"), (self.get_page_title(), None)]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(
            page_title=self.get_page_title(),
            meta_description=self.get_meta_description(),
            breadcrumbs=self.get_breadcrumbs(),
        )
        return context


class FilteredListMixin(PageMixin):
    """A list narrowed by a GET filter form (`filter_form_class`).

    The form is always bound to the query string, so every value is cleaned: a bad one is
    answered 400 with the form's errors and an "Error:" title, never a 500. The form only
    cleans; the queryset's `matching(**cleaned_data)` narrows the list, so search and the
    open data API can reuse it. A bad page number is ListView's 404.
    """

    filter_form_class: type

    def get(self, request, *args, **kwargs):
        self.form = self.filter_form_class(request.GET)
        if not self.form.is_valid():
            self.object_list = []
            return self.render_to_response(self.get_context_data(), status=400)
        return super().get(request, *args, **kwargs)

    def get_unfiltered_queryset(self):
        return super().get_queryset()

    def get_queryset(self):
        return self.get_unfiltered_queryset().matching(**self.form.cleaned_data)

    def get_page_title(self) -> str:
        title = super().get_page_title()
        return title if self.form.is_valid() else f"Error: {title}"

    def get_context_data(self, **kwargs):
        # The list's own title for its heading; the page title gains "Error:" when invalid.
        list_title = super().get_page_title()
        return super().get_context_data(form=self.form, list_title=list_title, **kwargs)


class PageByKeyMixin:
    """A ListView whose page is chosen by the rows' primary keys alone, after which only that
    page's rows are read with what `decorate()` adds (related rows to join): SQLite joins
    before it sorts, so joining the whole list to show twenty of it costs a little for every
    row there is. The page keeps the list's order."""

    def decorate(self, queryset):
        return queryset

    def paginate_queryset(self, queryset, page_size):
        if not isinstance(queryset, QuerySet):  # a bad filter's empty list
            return super().paginate_queryset(queryset, page_size)
        paginator, page, keys, is_paginated = super().paginate_queryset(
            queryset.values_list("pk", flat=True), page_size
        )
        keys = list(keys)
        found = self.decorate(queryset.model._default_manager.filter(pk__in=keys)).in_bulk()
        page.object_list = [found[pk] for pk in keys]
        return paginator, page, page.object_list, is_paginated
