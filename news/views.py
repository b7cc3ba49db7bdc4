"""Public news pages, and the page a shared preview link opens."""

from django.http import Http404, HttpRequest
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from core.http import safe
from core.views import FilteredListMixin, PageMixin
from news.forms import NewsFilterForm
from news.models import NewsItem
from news.services import item_for_preview_token
from publishing import revisions


class NewsListView(FilteredListMixin, ListView):
    template_name = "news/newsitem_list.html"
    paginate_by = 10
    filter_form_class = NewsFilterForm
    page_title = "News"
    meta_description = "News from the integrated care system partnership and its places."

    def get_unfiltered_queryset(self):
        # Built per request: what is published depends on the time of the request.
        return NewsItem.objects.published().newest_first().for_listing()


class NewsDetailView(PageMixin, DetailView):
    template_name = "news/newsitem_detail.html"
    context_object_name = "item"

    def get_queryset(self):
        return NewsItem.objects.published().for_detail()

    def get_page_title(self) -> str:
        return self.object.title

    def get_meta_description(self) -> str:
        return self.object.summary

    def get_breadcrumbs(self):
        return news_breadcrumbs(self.object)


def render_preview(request: HttpRequest, item: NewsItem) -> TemplateResponse:
    """The one way an item is previewed, by staff in the admin or by a reviewer holding a
    signed link: exactly as the public will see it, marked as a preview, never cached and
    never indexed."""
    response = TemplateResponse(
        request,
        NewsDetailView.template_name,
        {
            "item": item,
            "preview": True,
            "page_title": f"Preview: {item.title}",
            "meta_description": item.summary,
            "breadcrumbs": news_breadcrumbs(item),
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


@safe
def shared_preview(request: HttpRequest, token: str) -> TemplateResponse:
    """A draft as the public will see it, for a reviewer holding a signed link."""
    item = item_for_preview_token(token)
    if item is None:
        raise Http404("This preview link has expired or been withdrawn.")
    return render_preview(request, revisions.as_draft(item))


def news_breadcrumbs(item: NewsItem) -> list[tuple[str, str | None]]:
    return [("Home", "/"), ("News", reverse("news:list")), (item.title, None)]
