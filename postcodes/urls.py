from django.urls import path

from postcodes import views

app_name = "postcodes"

urlpatterns = [
    path("find-your-place/", views.FindYourPlaceView.as_view(), name="find"),
]
