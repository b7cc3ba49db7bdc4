"""Public URLs of the news (mounted at /news/)."""

from django.urls import path

from core.http import safe
from news import feeds, views

app_name = "news"

urlpatterns = [
    path("", views.NewsListView.as_view(), name="list"),
    path("feed/", safe(feeds.LatestNewsFeed()), name="rss"),
    path("atom/", safe(feeds.LatestNewsAtomFeed()), name="atom"),
    path("preview/<str:token>/", views.shared_preview, name="shared-preview"),
    path("<slug:slug>/", views.NewsDetailView.as_view(), name="detail"),
]
