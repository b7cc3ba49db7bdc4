"""Site-wide middleware."""

import logging
import threading
import time

from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.http import HttpResponse
from django.shortcuts import render
from django.utils.cache import add_never_cache_headers

logger = logging.getLogger(__name__)


class PermissionsPolicyMiddleware:
    """Sends Permissions-Policy (Django has no setting for it): this site needs no device APIs."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        response.setdefault("Permissions-Policy", settings.PERMISSIONS_POLICY)
        return response


class OpenDataCorsMiddleware:
    """The open data API (/api/) may be read from any website: every response says so, with or
    without an Origin header (a cache may serve one response to every origin), and a
    browser's preflight is answered here. Nothing under /api/ uses cookies or credentials, so
    the wildcard gives no site's visitors' data away."""

    prefix = "/api/"

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not request.path.startswith(self.prefix):
            return self.get_response(request)
        preflight = (
            request.method == "OPTIONS" and "Access-Control-Request-Method" in request.headers
        )
        if preflight:
            response = HttpResponse(status=204)
            response["Access-Control-Allow-Methods"] = "GET, HEAD, OPTIONS"
            response["Access-Control-Allow-Headers"] = "If-None-Match, If-Modified-Since"
            response["Access-Control-Max-Age"] = "86400"
        else:
            response = self.get_response(request)
        response["Access-Control-Allow-Origin"] = "*"
        response["Access-Control-Expose-Headers"] = "ETag, Last-Modified, Content-Disposition"
        return response


class DatabaseUnavailableMiddleware:
    """A database that cannot be reached (or that refuses work for a moment: a dropped connection,
    a lock, a failover) answers 503 with Retry-After instead of 500, so load balancers and
    crawlers treat it as the passing fault it is. The page it renders runs no queries.

    The log stays small however long the outage: Django logs each 503 in one line (no
    traceback), and this logs one warning when an outage begins (with the driver's message)
    and one when a request next completes without a database error, with how long it lasted
    and how many requests it turned away. Each worker process keeps its own count."""

    retry_after_seconds = 30

    def __init__(self, get_response):
        self.get_response = get_response
        self._lock = threading.Lock()
        self._outage_began: float | None = None
        self._turned_away = 0

    def __call__(self, request):
        response = self.get_response(request)
        if self._outage_began is not None and not getattr(response, "database_unavailable", False):
            with self._lock:
                began, turned_away = self._outage_began, self._turned_away
                self._outage_began, self._turned_away = None, 0
            if began is not None:
                logger.warning(
                    "Database answering again after %.1f s; %d requests were answered 503.",
                    time.monotonic() - began,
                    turned_away,
                )
        return response

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        with self._lock:
            first = self._outage_began is None
            if first:
                self._outage_began = time.monotonic()
            self._turned_away += 1
        if first:
            message = str(exception).strip().splitlines()[0] if str(exception).strip() else ""
            logger.warning(
                "Database unavailable (%s: %s); answering 503 until it returns.",
                type(exception).__name__,
                message,
            )
        response = render(
            request,
            "503.html",
            {"page_title": "Sorry, the service is unavailable", "breadcrumbs": []},
            status=503,
        )
        response["Retry-After"] = str(self.retry_after_seconds)
        response.database_unavailable = True
        add_never_cache_headers(response)
        return response


class RequestSizeLimitMiddleware:
    """Refuses an oversized request body with 413 before anything reads it: over
    ANONYMOUS_REQUEST_MAX_BYTES from a visitor who is not signed in (the contact form and the
    sign-in page need a few kilobytes), over STAFF_REQUEST_MAX_BYTES from staff (a document
    upload and its form). It goes by Content-Length, which Django needs to read any body: a
    body without one is never read. Placed after authentication, which reads no body."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > settings.ANONYMOUS_REQUEST_MAX_BYTES:
            staff = request.user.is_authenticated and request.user.is_staff
            limit = (
                settings.STAFF_REQUEST_MAX_BYTES if staff else settings.ANONYMOUS_REQUEST_MAX_BYTES
            )
            if length > limit:
                return HttpResponse(
                    f"This request is too large: at most {limit:,} bytes are accepted.",
                    status=413,
                    content_type="text/plain; charset=utf-8",
                )
        return self.get_response(request)
