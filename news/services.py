"""Preview links for news items (publishing.links): signed, expiring after
PREVIEW_LINK_MAX_AGE, and revoked by withdrawing the item."""

from django.urls import reverse

from news.models import NewsItem
from publishing.links import PREVIEW_LINK_MAX_AGE, item_for_token, make_token

__all__ = ["PREVIEW_LINK_MAX_AGE", "item_for_preview_token", "make_preview_token", "preview_path"]

PREVIEW_SALT = "news.preview-link"


def make_preview_token(item: NewsItem) -> str:
    return make_token(item, PREVIEW_SALT)


def preview_path(item: NewsItem) -> str:
    return reverse("news:shared-preview", kwargs={"token": make_preview_token(item)})


def item_for_preview_token(token: str) -> NewsItem | None:
    """The item a token names, or None if it is forged, expired or revoked."""
    return item_for_token(NewsItem.objects.for_detail(), token, PREVIEW_SALT)
