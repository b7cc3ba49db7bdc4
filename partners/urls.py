"""Public URLs of the partner directory."""

from django.urls import path

from partners import views

app_name = "partners"

urlpatterns = [
    path("", views.PartnerListView.as_view(), name="list"),
    path("<slug:slug>/", views.PartnerDetailView.as_view(), name="detail"),
    path("<slug:slug>/<slug:relation>/", views.PartnerRelatedView.as_view(), name="related"),
]
