"""Public URLs of governance (mounted at /governance/). Bodies take the slugs the meetings
pages do not (`governance.models.RESERVED_SLUGS`)."""

from django.urls import path

from core.http import safe
from governance import feeds, views

app_name = "governance"

urlpatterns = [
    path("", views.GovernanceView.as_view(), name="index"),
    path("bodies/", views.BodyListView.as_view(), name="bodies"),
    path("meetings/", views.MeetingListView.as_view(), name="meetings"),
    path("meetings.ics", views.calendar_feed, name="calendar"),
    path("meetings/<slug:slug>/", views.MeetingDetailView.as_view(), name="meeting"),
    # Beside the meeting's page, so the address says which meeting the file is.
    path("meetings/<slug:slug>/calendar.ics", views.meeting_calendar, name="meeting-calendar"),
    path("papers/feed/", safe(feeds.LatestPapersFeed()), name="papers-feed"),
    path("registers/", views.RegisterListView.as_view(), name="registers"),
    path("<slug:slug>/interests/", views.BodyInterestsView.as_view(), name="interests"),
    path("<slug:slug>/members/", views.BodyMembersView.as_view(), name="members"),
    path("<slug:slug>/", views.BodyDetailView.as_view(), name="body"),
]
