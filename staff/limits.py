"""The limit on failed sign-ins from one address (password spraying), for both steps of
signing in: STAFF_SIGN_IN_FAILURES_PER_ADDRESS failures in an hour, across any accounts,
refuse that address for the rest of the hour. django-axes keeps the per-account limit."""

import datetime

from django.conf import settings
from django.utils import timezone

from core.http import client_ip
from staff import audit
from staff.models import AuditEvent, EventKind

REFUSED = (
    "Too many failed sign-ins have come from your network in the last hour. "
    "Try again in an hour, or ask a colleague with admin rights for help."
)


def refused(request, *, username: str | None = None) -> bool:
    """Whether this request's address is over the limit; a refusal is itself recorded."""
    hour_ago = timezone.now() - datetime.timedelta(hours=1)
    failures = AuditEvent.objects.failures_from(client_ip(request), hour_ago)
    if failures.count() < settings.STAFF_SIGN_IN_FAILURES_PER_ADDRESS:
        return False
    user = getattr(request, "user", None)
    known = user if user is not None and user.is_authenticated else None
    audit.record(EventKind.ADDRESS_LIMITED, request=request, user=known, username=username or "")
    return True
