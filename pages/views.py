"""The pages' public views: the mixin the standing pages' views use, and the view of the
pages the comms team adds."""

from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.cache import add_never_cache_headers
from django.views.generic import DetailView

from core.http import safe
from core.views import PageMixin
from pages.models import Page
from publishing import revisions
from publishing.links import item_for_token, make_token

PREVIEW_SALT = "pages.preview-link"

# A section lists at most this many of its pages; more are reached through their own.
CHILDREN_SHOWN = 30


class PagePathConverter:
    """An added page's address: slugs joined by slashes. Nothing with a dot or any other
    character matches, so a file's address (`/media/…/x.pdf`) is never sent here, nor
    redirected to one ending in a slash."""

    regex = r"[-a-zA-Z0-9_]+(?:/[-a-zA-Z0-9_]+)*"

    def to_python(self, value: str) -> str:
        return value

    def to_url(self, value: str) -> str:
        return value


class StandingPageMixin(PageMixin):
    """A view whose title, summary and text are its standing page's (`page_key`), edited by
    the comms team; the template adds the data-driven parts around them."""

    page_key: str = ""

    def dispatch(self, request, *args, **kwargs):
        # Always public (the database sees to it), whatever the time of the request.
        self.page = get_object_or_404(Page.objects.for_detail(), key=self.page_key)
        return super().dispatch(request, *args, **kwargs)

    def get_page_title(self) -> str:
        return self.page.title

    def get_meta_description(self) -> str:
        return self.page.summary

    def get_context_data(self, **kwargs):
        return super().get_context_data(page=self.page, **kwargs)


class PageView(PageMixin, DetailView):
    """A page the comms team added, at its own address, with the pages above it as
    breadcrumbs and the pages under it listed. Three queries, however deep it sits."""

    template_name = "pages/page_detail.html"
    context_object_name = "page"

    def get_object(self, queryset=None):
        path = f"/{self.kwargs['url_path'].strip('/')}/"
        page = Page.objects.live().for_detail().filter(url_path=path).first()
        if page is None or page.is_standing:
            # A standing page lives at its own app's address, never here.
            raise Http404("No page at this address.")
        return page

    def get_page_title(self) -> str:
        return self.object.title

    def get_meta_description(self) -> str:
        return self.object.summary

    def get_breadcrumbs(self):
        above = Page.objects.live().ancestors_of(self.object).only("title", "url_path")
        return [
            ("Home", "/"),
            *[(page.title, page.url_path) for page in above],
            (self.object.title, None),
        ]

    def get_context_data(self, **kwargs):
        children = self.object.children.all() & Page.objects.live()
        return super().get_context_data(
            children=children.only("title", "summary", "url_path")[:CHILDREN_SHOWN], **kwargs
        )


def render_preview(request: HttpRequest, page: Page) -> TemplateResponse:
    """A page as the public will see it (an added page's layout; a standing page's text in
    the same layout), marked as a preview, never cached and never indexed."""
    response = TemplateResponse(
        request,
        PageView.template_name,
        {
            "page": page,
            "preview": True,
            "children": [],
            "page_title": f"Preview: {page.title}",
            "meta_description": page.summary,
            "breadcrumbs": [("Home", "/"), (page.title, None)],
        },
    )
    response["X-Robots-Tag"] = "noindex, nofollow"
    add_never_cache_headers(response)
    return response


def preview_path(page: Page) -> str:
    """A page's preview link for a reviewer without an account (publishing.links)."""
    return reverse("pages:shared-preview", kwargs={"token": make_token(page, PREVIEW_SALT)})


@safe
def shared_preview(request: HttpRequest, token: str) -> TemplateResponse:
    """A page with its draft changes, for a reviewer holding a signed link."""
    page = item_for_token(Page.objects.for_detail(), token, PREVIEW_SALT)
    if page is None:
        raise Http404("This preview link has expired or been withdrawn.")
    return render_preview(request, revisions.as_draft(page))
