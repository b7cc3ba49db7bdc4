"""Collaboratives and alliances. (The governance page, which lists every body too, is the
governance app's: it sits above this one.)"""

from django.urls import reverse
from django.views.generic import DetailView, ListView

from alliances.models import Alliance
from core.views import PageMixin


class AllianceKindMixin(PageMixin):
    """Collaboratives and alliances share their pages; the URLconf says which kind a page
    shows, its list's title and URL name (`as_view(kind=..., list_title=..., ...)`)."""

    kind: str = ""
    list_title: str = ""
    list_url_name: str = ""

    def get_queryset(self):
        return Alliance.objects.of_kind(self.kind).with_members()


class AllianceListView(AllianceKindMixin, ListView):
    template_name = "alliances/alliance_list.html"

    def get_page_title(self) -> str:
        return self.list_title


class AllianceDetailView(AllianceKindMixin, DetailView):
    template_name = "alliances/alliance_detail.html"

    def get_page_title(self) -> str:
        return self.object.name

    def get_meta_description(self) -> str:
        return f"{self.object.name}: purpose, members and their roles, and governance stages."

    def get_breadcrumbs(self):
        crumbs = [("Home", "/"), (self.list_title, reverse(self.list_url_name))]
        system = self.object.system
        if not system.is_portal:
            # An alliance in another system (York) says so in its trail.
            crumbs.append((system.name, system.get_absolute_url()))
        return [*crumbs, (self.object.name, None)]
