from django.urls import path

from pictures import views

app_name = "pictures"

urlpatterns = [
    path("in-pictures/", views.PicturesView.as_view(), name="index"),
]
