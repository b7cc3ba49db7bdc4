"""Preview links for news items: signed, expiring, and revoked by unpublishing.

A link carries the item's id and its current `preview_key`, signed with the site's secret
and a timestamp. It stops working when it is older than PREVIEW_LINK_MAX_AGE, or as soon as
the item is unpublished (which gives the item a new key).
"""

from datetime import timedelta

from django.core import signing
from django.urls import reverse

from news.models import NewsItem

PREVIEW_SALT = "news.preview-link"
PREVIEW_LINK_MAX_AGE = timedelta(days=7)


def make_preview_token(item: NewsItem) -> str:
    return signing.dumps({"id": item.pk, "key": item.preview_key}, salt=PREVIEW_SALT)


def preview_path(item: NewsItem) -> str:
    return reverse("news:shared-preview", kwargs={"token": make_preview_token(item)})


def item_for_preview_token(token: str) -> NewsItem | None:
    """The item a token names, or None if it is forged, expired or revoked."""
    try:
        data = signing.loads(token, salt=PREVIEW_SALT, max_age=PREVIEW_LINK_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict):
        return None
    return (
        NewsItem.objects.for_detail().filter(pk=data.get("id"), preview_key=data.get("key")).first()
    )
