"""Site-wide middleware."""

import logging

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
    crawlers treat it as the passing fault it is. The page it renders runs no queries."""

    retry_after_seconds = 30

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        if not isinstance(exception, (OperationalError, InterfaceError)):
            return None
        logger.error("Database unavailable for %s", request.path, exc_info=exception)
        response = render(
            request,
            "503.html",
            {"page_title": "Sorry, the service is unavailable", "breadcrumbs": []},
            status=503,
        )
        response["Retry-After"] = str(self.retry_after_seconds)
        add_never_cache_headers(response)
        return response
