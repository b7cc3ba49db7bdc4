"""Public URLs of collaboratives, alliances and governance (mounted at the site root)."""

from django.urls import path

from alliances import views

app_name = "alliances"

urlpatterns = [
    path("collaboratives/", views.CollaborativeListView.as_view(), name="collaborative-list"),
    path(
        "collaboratives/<slug:slug>/",
        views.CollaborativeDetailView.as_view(),
        name="collaborative-detail",
    ),
    path("alliances/", views.PlaceAllianceListView.as_view(), name="list"),
    path("alliances/<slug:slug>/", views.PlaceAllianceDetailView.as_view(), name="detail"),
    path("governance/", views.GovernanceView.as_view(), name="governance"),
]
