"""Public URLs of publications (mounted at the site root, like places): the publications list,
each publication, and the freedom of information page with the publication scheme."""

from django.urls import path

from publications import views

app_name = "publications"

urlpatterns = [
    path("publications/", views.PublicationListView.as_view(), name="list"),
    path("publications/<slug:slug>/", views.PublicationDetailView.as_view(), name="detail"),
    path(
        "freedom-of-information/",
        views.FreedomOfInformationView.as_view(),
        name="freedom-of-information",
    ),
]
