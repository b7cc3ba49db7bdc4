"""Public URLs of collaboratives and alliances (mounted at the site root; /governance/ is
the governance app's).

Collaboratives and place alliances share one list view and one detail view, configured here.
"""

from django.urls import path

from alliances import views
from alliances.models import AllianceKind

app_name = "alliances"

COLLABORATIVES = {
    "kind": AllianceKind.PROVIDER_COLLABORATIVE,
    "list_title": "Provider collaboratives",
    "list_url_name": "alliances:collaborative-list",
    "meta_description": (
        "Provider collaboratives: NHS trusts and other providers working together at scale, "
        "with their members."
    ),
}
PLACE_ALLIANCES = {
    "kind": AllianceKind.PLACE_ALLIANCE,
    "list_title": "Alliances",
    "list_url_name": "alliances:list",
    "meta_description": (
        "Place alliances such as the York Health and Care Alliance: members, roles and "
        "governance status."
    ),
}

urlpatterns = [
    path(
        "collaboratives/",
        views.AllianceListView.as_view(**COLLABORATIVES),
        name="collaborative-list",
    ),
    path(
        "collaboratives/<slug:slug>/",
        views.AllianceDetailView.as_view(**COLLABORATIVES),
        name="collaborative-detail",
    ),
    path("alliances/", views.AllianceListView.as_view(**PLACE_ALLIANCES), name="list"),
    path(
        "alliances/<slug:slug>/",
        views.AllianceDetailView.as_view(**PLACE_ALLIANCES),
        name="detail",
    ),
]
