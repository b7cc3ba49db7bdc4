from django.urls import path

from engagement import views

app_name = "engagement"

urlpatterns = [
    path("contact/", views.ContactView.as_view(), name="contact"),
    path("contact/sent/", views.ContactSentView.as_view(), name="contact-sent"),
    path("complaints/", views.ComplaintsView.as_view(), name="complaints"),
    path("get-involved/", views.GetInvolvedView.as_view(), name="get-involved"),
    path("get-involved/<slug:slug>/", views.ConsultationView.as_view(), name="consultation"),
]
