"""The page cache: anonymous GETs of public pages kept whole in the shared cache, never stale.

How a page stays fresh:

- Every entry is keyed by the site's *generation*, a number in the shared cache (Redis in
  production, so every host reads the same one). Any committed change to a record the public
  can see bumps it (`content_changed`, connected to every model's save and delete), so the
  next request on every host misses and renders afresh. Old entries are never read again and
  expire on their own.
- Some pages change with the clock alone: a news item scheduled for 10:00, a consultation
  closing, the question deadline of a meeting, "upcoming" becoming "past" at midnight. The
  project names the next such moment (`settings.PAGE_CACHE_NEXT_CHANGE`, a function of now);
  each entry records it, and is not served from that moment on.
- Only what is the same for every anonymous visitor is kept: a 200 to a GET that carries no
  cookie but the CSRF one, whose response sets no cookie and that `PublicCacheHeadersMiddleware`
  marked public (a view's `never_cache` or `private` keeps it out: previews, `/healthz/`).
  Staff have a session cookie, so they always get a fresh page.

The entry holds the response as sent on (compressed, with its ETag), so a hit costs two reads
from the cache and no database query.

A page with a POST form (`/contact/`) carries a CSRF token of the visitor's own and sets its
cookie, so it is never kept whole. `form_page` keeps the view's page instead, rendered with a
placeholder where the token goes, under the same generation and clock: each visitor gets the
kept page with a token made for them, and the middleware around the view (CSRF's cookie,
compression, the security headers) runs as for any request, with no query. No two visitors
get the same page, so it is never marked public and never answered 304.

With a cache local to each process (no Redis) and more than one process, one process cannot
tell the others of a change: the page cache is then off (`PAGE_CACHE`, see the settings).
"""

import datetime
import functools
import hashlib
import logging
import secrets

from django.conf import settings
from django.core.cache import cache
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.middleware.csrf import get_token
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.cache import patch_cache_control, patch_vary_headers, set_response_etag
from django.utils.http import http_date
from django.utils.module_loading import import_string

logger = logging.getLogger(__name__)

GENERATION_KEY = "pagecache:generation"

# Where a kept form page's CSRF token goes: letters, digits and hyphens, which escaping leaves
# as they are, and which no page says otherwise.
TOKEN_PLACEHOLDER = "csrf-token-kept-page-9f4c1e7a"  # noqa: S105 (not a secret)  # nosec B105

# Records whose changes no public page shows: sign-in, sessions, staff accounts and their audit,
# residents' messages (each one must not empty the cache), and history rows, which come with a
# change to the record itself. Everything else bumps the generation: a new public model is
# covered without a word here.
IGNORED_APPS = frozenset(
    {
        "admin",
        "auth",
        "axes",
        "contenttypes",
        "sessions",
        "django_otp",
        "otp_static",
        "otp_totp",
        "django_otp_webauthn",
        "staff",
        # Replaced in bulk, and end the cached pages themselves when they do.
        "postcodes",
        "search",
    }
)
IGNORED_MODELS = frozenset(
    {
        "core.loadedvalue",
        "engagement.contactmessage",
        "engagement.note",
        "engagement.reply",
        "engagement.outgoingemail",
    }
)


def generation() -> int:
    """The current generation; a random start when the key is missing, so a restarted or
    emptied cache never meets an entry of an earlier life under the same number."""
    value = cache.get(GENERATION_KEY)
    if value is None:
        cache.add(GENERATION_KEY, secrets.randbits(48), timeout=None)
        value = cache.get(GENERATION_KEY)
    return value


def invalidate() -> None:
    """Every cached page is out of date from now on, on every host."""
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:  # missing: a new random generation is as good as a bump
        cache.set(GENERATION_KEY, secrets.randbits(48), timeout=None)


def content_changed(sender, **kwargs) -> None:
    """A save, delete or many-to-many change: bump the generation once it is committed (a
    request between the write and the commit would read the old data under the new number)."""
    if kwargs.get("action", "post_").startswith("pre_"):  # m2m_changed's before-steps
        return
    transaction.on_commit(invalidate, robust=True)


def watched(model) -> bool:
    meta = model._meta
    return not (
        meta.app_label in IGNORED_APPS
        or meta.label_lower in IGNORED_MODELS
        or meta.model_name.startswith("historical")
    )


def connect() -> None:
    """Listens to each watched model by name. A listener for every sender would also stop
    Django's fast deletes of the big tables the apps empty in bulk (the postcodes, the search
    index): those apps end the cached pages themselves (`invalidate`)."""
    from django.apps import apps
    from django.db.models.signals import m2m_changed, post_delete, post_save

    for model in apps.get_models():
        if not watched(model):
            continue
        uid = f"pagecache.{model._meta.label_lower}"
        post_save.connect(content_changed, sender=model, dispatch_uid=uid)
        post_delete.connect(content_changed, sender=model, dispatch_uid=uid)
        for field in model._meta.local_many_to_many:
            through = field.remote_field.through
            m2m_changed.connect(content_changed, sender=through, dispatch_uid=f"{uid}.{field.name}")


def next_change(now: datetime.datetime) -> datetime.datetime:
    """The next moment some page changes with the clock alone (the project says how), and
    never later than PAGE_CACHE_MAX_AGE from now."""
    latest = now + datetime.timedelta(seconds=settings.PAGE_CACHE_MAX_AGE)
    found = import_string(settings.PAGE_CACHE_NEXT_CHANGE)(now)
    return min(found, latest) if found else latest


def is_anonymous(request: HttpRequest) -> bool:
    """No cookie but the CSRF one: no session (staff), no messages, nothing personal."""
    return all(name == settings.CSRF_COOKIE_NAME for name in request.COOKIES)


class PublicCacheHeadersMiddleware:
    """Marks what every anonymous visitor may share, inside compression and outside sessions
    and CSRF (so it sees the cookies they set): an `ETag` of the uncompressed body (so it is
    the same on every request, whatever the compressor adds) and `Cache-Control: public,
    no-cache` (a CDN or browser may keep it but must ask again; the ETag makes asking cheap).
    A view that said `never_cache` or `private`, a response that sets a cookie, a streamed
    one, or a visitor with a session is left alone and not marked."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if (
            request.method in ("GET", "HEAD")
            and response.status_code == 200
            and not response.streaming
            and not response.cookies
            and is_anonymous(request)
            and not _keeps_private(response)
        ):
            if not response.has_header("ETag"):
                set_response_etag(response)
            if not response.has_header("Cache-Control"):
                patch_cache_control(response, public=True, no_cache=True)
            response.page_cacheable = True
        return response


def _keeps_private(response: HttpResponse) -> bool:
    control = response.get("Cache-Control", "").lower()
    return any(word in control for word in ("private", "no-store", "no-cache", "max-age=0"))


class PageCacheMiddleware:
    """Serves and keeps whole pages (see the module's docstring). Sits outside compression,
    so an entry holds the compressed body, keyed by the encoding the visitor accepts."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        if not (settings.PAGE_CACHE and request.method == "GET" and is_anonymous(request)):
            return self.get_response(request)
        now = timezone.now()
        key, entry = _look_up(request, now)
        if entry is not None:
            return _served(entry, entry["content"])
        response = self.get_response(request)
        if key and getattr(response, "page_cacheable", False) and not response.cookies:
            patch_vary_headers(response, ("Accept-Encoding",))
            if not response.has_header("Last-Modified"):
                response["Last-Modified"] = http_date(now.timestamp())
            _keep(key, response, now)
        return response

    @staticmethod
    def key(request: HttpRequest, number: int, variant: str | None = None) -> str:
        """The entry's key: the generation, the variant kept (the encoding the visitor accepts,
        or `form` for a form page's view) and the page's full address."""
        if variant is None:
            accepted = request.headers.get("Accept-Encoding", "")
            variant = "gzip" if "gzip" in accepted else "identity"
        place = f"{request.scheme}://{request.get_host()}{request.get_full_path()}"
        digest = hashlib.blake2b(place.encode(), digest_size=16).hexdigest()
        return f"pagecache:{number}:{variant}:{digest}"


def form_page(view):
    """Keeps a page that holds a POST form (see the module's docstring): a view's `get`, as
    `method_decorator(form_page, name="get")`. The view's page, rendered from its
    `TemplateResponse` with `TOKEN_PLACEHOLDER` as the CSRF token, is kept for anonymous GETs
    as a whole page would be; every response, kept or not, has the placeholder replaced by a
    token made for its visitor (`get_token`, which has the CSRF middleware set the cookie)."""

    @functools.wraps(view)
    def wrapper(request: HttpRequest, *args, **kwargs) -> HttpResponse:
        if not (settings.PAGE_CACHE and request.method == "GET" and is_anonymous(request)):
            return view(request, *args, **kwargs)
        now = timezone.now()
        key, entry = _look_up(request, now, "form")
        if entry is not None:
            return _served(entry, _with_token(request, entry["content"]))
        response = view(request, *args, **kwargs)
        if not (
            key
            and isinstance(response, TemplateResponse)
            and not response.is_rendered
            and response.status_code == 200
        ):
            return response
        response.context_data = {**(response.context_data or {}), "csrf_token": TOKEN_PLACEHOLDER}
        response.render()
        if not _keeps_private(response):
            _keep(key, response, now)
        response.content = _with_token(request, response.content)
        return response

    return wrapper


def _look_up(
    request: HttpRequest, now, variant: str | None = None
) -> tuple[str | None, dict | None]:
    """The page's key and its kept entry if it is still current (else None); no key when the
    cache is down, and the page is then served as if there were no cache."""
    try:
        key = PageCacheMiddleware.key(request, generation(), variant)
        entry = cache.get(key)
    except Exception:
        logger.exception("page cache unavailable")
        return None, None
    if entry is not None and now.timestamp() >= entry["until"]:
        entry = None  # the clock has reached a moment some page changes
    return key, entry


def _served(entry: dict, content: bytes) -> HttpResponse:
    response = HttpResponse(content, status=200)
    for header, value in entry["headers"]:
        response.headers[header] = value
    response.page_cache = "hit"
    return response


def _keep(key: str, response: HttpResponse, now) -> None:
    """Keeps the response as it is now until the next moment some page changes with the
    clock (or the longest a page is kept)."""
    until = next_change(now)
    entry = {
        "until": until.timestamp(),
        "content": response.content,
        "headers": list(response.headers.items()),
    }
    try:
        cache.set(key, entry, timeout=max(1, int((until - now).total_seconds()) + 1))
    except Exception:
        logger.exception("page cache unavailable")
    response.page_cache = "miss"


def _with_token(request: HttpRequest, content: bytes) -> bytes:
    """The page with the visitor's own token where the placeholder is (and so their cookie
    set); a page with no form is left as it is, and sets none."""
    placeholder = TOKEN_PLACEHOLDER.encode()
    if placeholder not in content:
        return content
    return content.replace(placeholder, get_token(request).encode())
