"""Who is asking: the client address behind a known number of trusted proxies (for the login
throttle and the contact form's rate limit)."""

from django.conf import settings
from django.http import HttpRequest


def client_ip(request: HttpRequest) -> str:
    """The client's address as the outermost trusted proxy saw it.

    With TRUSTED_PROXY_COUNT = n, the n-th address from the right of X-Forwarded-For was
    written by our own load balancer; anything left of it is client-supplied and ignored.
    """
    remote = request.META.get("REMOTE_ADDR", "")
    count = settings.TRUSTED_PROXY_COUNT
    if not count:
        return remote
    forwarded = [a.strip() for a in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    forwarded = [a for a in forwarded if a]
    if len(forwarded) >= count:
        return forwarded[-count]
    return remote
