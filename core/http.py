"""Who is asking: the client's address, believing X-Forwarded-For only from our own proxies
(for the login throttle and the contact form's rate limit).

TRUSTED_PROXIES lists the networks the load balancers send from. A request whose peer is not
in them came straight to the app: its X-Forwarded-* headers are the client's own words and are
ignored (and `ForwardedHeadersMiddleware` removes them, so `request.is_secure()` cannot be
told a lie either). From a trusted peer, X-Forwarded-For is read from the right, past every
trusted hop, to the first address a proxy of ours saw: anything left of it is the client's.
"""

import ipaddress
from functools import lru_cache

from django.conf import settings
from django.http import HttpRequest, HttpResponseNotAllowed
from django.views.decorators.http import require_http_methods

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
FORWARDED_HEADERS = ("HTTP_X_FORWARDED_FOR", "HTTP_X_FORWARDED_PROTO", "HTTP_X_FORWARDED_HOST")


@lru_cache(maxsize=8)
def networks(values: tuple[str, ...]) -> tuple[Network, ...]:
    """TRUSTED_PROXIES parsed (checked when the settings were read: icsportal.environment)."""
    return tuple(ipaddress.ip_network(value, strict=False) for value in values)


def _address(value: str):
    try:
        return ipaddress.ip_address(value.strip())
    except ValueError:
        return None


def is_trusted_proxy(value: str) -> bool:
    address = _address(value)
    return address is not None and any(
        address in network for network in networks(tuple(settings.TRUSTED_PROXIES))
    )


def client_ip(request: HttpRequest) -> str:
    """The address of the client, as the first of our proxies to see it recorded it."""
    remote = request.META.get("REMOTE_ADDR", "")
    if not is_trusted_proxy(remote):
        return remote
    hops = [hop.strip() for hop in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")]
    nearest = remote
    for hop in reversed([hop for hop in hops if hop]):
        if _address(hop) is None:
            break  # not an address: the client's own writing, and nothing beyond it is ours
        if not is_trusted_proxy(hop):
            return hop
        nearest = hop
    return nearest


class ForwardedHeadersMiddleware:
    """Removes X-Forwarded-* from a request that did not come from one of our proxies, before
    anything reads them (SecurityMiddleware's HTTPS check among them)."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not is_trusted_proxy(request.META.get("REMOTE_ADDR", "")):
            for header in FORWARDED_HEADERS:
                request.META.pop(header, None)
        return self.get_response(request)


def allow(*methods: str):
    """A function view that answers only `methods` (405 with Allow otherwise), and says so to
    `AllowedMethodsMiddleware`, which then refuses others before CSRF or anything else runs."""
    allowed = frozenset(method.upper() for method in methods)

    def decorator(view):
        wrapped = require_http_methods(sorted(allowed))(view)
        wrapped.allowed_methods = allowed
        return wrapped

    return decorator


# GET and HEAD: what a page, a feed or a download uses.
safe = allow("GET", "HEAD")


def allowed_methods(view) -> frozenset[str] | None:
    """The methods a view answers: marked by `allow`, or the handlers a class-based view has
    (HEAD with GET, OPTIONS as Django answers it). None when the view does not say."""
    marked = getattr(view, "allowed_methods", None)
    if marked is not None:
        return marked
    view_class = getattr(view, "view_class", None)
    if view_class is None:
        return None
    methods = {name.upper() for name in view_class.http_method_names if hasattr(view_class, name)}
    if "GET" in methods:
        methods.add("HEAD")
    return frozenset(methods)


class AllowedMethodsMiddleware:
    """Every URL answers only the methods its view uses: 405, with Allow, for the rest (TRACE
    on a feed, POST on a page), before CSRF or the view run. TRACE is never answered."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.method in ("TRACE", "TRACK", "CONNECT"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        return self.get_response(request)

    def process_view(self, request, view, args, kwargs):
        allowed = allowed_methods(view)
        if allowed is not None and request.method not in allowed:
            return HttpResponseNotAllowed(sorted(allowed))
        return None
