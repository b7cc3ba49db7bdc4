"""Document downloads: /documents/<slug>/download/."""

from django.urls import path

from documents import views

app_name = "documents"

urlpatterns = [
    path("<slug:slug>/download/", views.download, name="download"),
]
