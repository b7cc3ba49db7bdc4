"""A URLconf of the test of core.links: the same view name at another address."""

from django.http import HttpResponse
from django.urls import include, path


def view(request, slug):
    return HttpResponse(slug)


places = ([path("elsewhere/<slug:slug>/", view, name="detail")], "places")
urlpatterns = [path("", include(places))]
