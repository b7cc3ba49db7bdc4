"""Public news pages, and the page a shared preview link opens."""

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView, ListView

from core.views import FilteredListMixin, PageMixin
from news.forms import NewsFilterForm
from news.models import NewsItem
from news.services import item_for_preview_token


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
        return [("Home", "/"), ("News", reverse("news:list")), (self.object.title, None)]


class SharedPreviewView(NewsDetailView):
    """A draft as the public will see it, for a reviewer holding a signed link."""

    def get_object(self, queryset=None):
        item = item_for_preview_token(self.kwargs["token"])
        if item is None:
            raise Http404("This preview link has expired or been withdrawn.")
        return item

    def get_context_data(self, **kwargs):
        return super().get_context_data(preview=True, **kwargs)

    def render_to_response(self, context, **kwargs):
        response = super().render_to_response(context, **kwargs)
        response["X-Robots-Tag"] = "noindex, nofollow"
        add_never_cache_headers(response)
        return response


IMAGE_NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")
IMAGE_TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


def news_image(request, name: str) -> FileResponse:
    """Serves an uploaded news image: only names the upload gave, with its checked type.

    Images are stored under random names, so a name is unguessable until its item is shown;
    they are never executed or sniffed (nosniff is sent site-wide).
    """
    if not IMAGE_NAME.match(name):
        raise Http404
    path = f"news/{name}"
    if not default_storage.exists(path):
        raise Http404
    response = FileResponse(
        default_storage.open(path, "rb"), content_type=IMAGE_TYPES[name.rsplit(".", 1)[1]]
    )
    response["Cache-Control"] = "public, max-age=86400"
    return response
