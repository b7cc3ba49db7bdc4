"""Public URLs of the places app (mounted at the site root)."""

from django.urls import path

from places import views

app_name = "places"

urlpatterns = [
    path("about/", views.AboutView.as_view(), name="about"),
    # Above the comms team's pages under /about/, which cannot take this address.
    path("about/population/", views.CensusYearView.as_view(), name="census-year"),
    path("our-journey/", views.JourneyView.as_view(), name="journey"),
    path("our-journey/<slug:slug>/", views.JourneyView.as_view(), name="system-journey"),
    path("places/", views.PlaceListView.as_view(), name="list"),
    path("places/<slug:slug>/", views.PlaceDetailView.as_view(), name="detail"),
    path("neighbourhoods/", views.NeighbourhoodListView.as_view(), name="neighbourhoods"),
]
