"""Preview links for a reviewer without an account: signed, expiring, and revoked by
withdrawing the item.

A link carries the item's id and its current `preview_key`, signed with the site's secret, a
salt of the item's kind and a timestamp. It stops working when it is older than
PREVIEW_LINK_MAX_AGE, or as soon as the item is withdrawn (which gives it a new key).
"""

from datetime import timedelta

from django.core import signing
from django.db.models import QuerySet

from publishing.models import Publishable

PREVIEW_LINK_MAX_AGE = timedelta(days=7)


def make_token(item: Publishable, salt: str) -> str:
    return signing.dumps({"id": item.pk, "key": item.preview_key}, salt=salt)


def item_for_token(queryset: QuerySet, token: str, salt: str) -> Publishable | None:
    """The item of `queryset` a token names, or None if it is forged, expired or revoked."""
    try:
        data = signing.loads(token, salt=salt, max_age=PREVIEW_LINK_MAX_AGE)
    except signing.BadSignature:  # includes SignatureExpired
        return None
    if not isinstance(data, dict):
        return None
    return queryset.filter(pk=data.get("id"), preview_key=data.get("key")).first()
