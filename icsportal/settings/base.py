"""Settings every environment shares, read from the environment through `icsportal.environment`.

Not used alone: `development` (manage.py's default) and `production` (wsgi.py's default)
import everything here and add what differs; `test` builds on `production`. DEBUG, the secret
key, the allowed hosts and HTTPS enforcement are set there, not here, so no environment can
run on a value meant for another.
"""

from datetime import timedelta
from pathlib import Path

import dj_database_url
from django.core.exceptions import ImproperlyConfigured
from django.utils.csp import CSP

from icsportal.environment import env, env_bool, env_email, env_int, env_list, env_networks

BASE_DIR = Path(__file__).resolve().parent.parent.parent

CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS", default=[])

INSTALLED_APPS = [
    "staff.apps.PortalAdminConfig",  # django.contrib.admin, with the portal's admin site
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",
    "django.contrib.postgres",  # full-text search and trigram similarity (the site search)
    "crispy_forms",
    "simple_history",
    "axes",
    # Two-factor sign-in for staff: authenticator apps (TOTP) and one-time recovery codes.
    "django_otp",
    "django_otp.plugins.otp_totp",
    "django_otp.plugins.otp_static",
    "django_otp_webauthn",  # passkeys
    "django_prose_editor",  # the admin's rich-text editor (core.richtext)
    "icsportal",
    "core",
    "images",
    "publishing",
    "pages",
    "staff",
    "documents",
    "places",
    "partners",
    "alliances",
    "governance",
    "publications",
    "news",
    "engagement",
    "postcodes",
    "pictures",
    "search",
    "opendata",
    "rest_framework",
    "drf_spectacular",
]

MIDDLEWARE = [
    # First: what a proxy of ours did not send is never read.
    "core.http.ForwardedHeadersMiddleware",
    # Only the methods each view uses (405 before CSRF or the view): core/http.py.
    "core.http.AllowedMethodsMiddleware",
    # The security headers, before WhiteNoise, so static files carry them as pages do.
    "django.middleware.security.SecurityMiddleware",
    "django.middleware.csp.ContentSecurityPolicyMiddleware",
    "icsportal.middleware.PermissionsPolicyMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "icsportal.middleware.OpenDataCorsMiddleware",
    "icsportal.middleware.DatabaseUnavailableMiddleware",
    # 304 for a request whose ETag still matches, a cached page's too.
    "django.middleware.http.ConditionalGetMiddleware",
    # Whole pages for anonymous visitors, kept compressed (core/pagecache.py).
    "core.pagecache.PageCacheMiddleware",
    # HTML compressed for clients that accept it (static files come compressed from WhiteNoise).
    "django.middleware.gzip.GZipMiddleware",
    # Marks what every anonymous visitor may share: ETag and Cache-Control (core/pagecache.py).
    "core.pagecache.PublicCacheHeadersMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    # request.user.is_verified(): whether this session passed the second factor.
    "django_otp.middleware.OTPMiddleware",
    # Before anything reads a body (CSRF reads the form in its view hook): see its docstring.
    "icsportal.middleware.RequestSizeLimitMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "simple_history.middleware.HistoryRequestMiddleware",
    # Last, so it sees the outcome of authentication.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "icsportal.urls"
WSGI_APPLICATION = "icsportal.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.template.context_processors.csp",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "icsportal.context_processors.site",
            ],
        },
    },
]

# Database: SQLite in the project by default; DATABASE_URL switches (to PostgreSQL in production).
DATABASES = {
    "default": dj_database_url.parse(
        env("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=env_int("CONN_MAX_AGE", default=60),
        conn_health_checks=True,
    )
}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Cache: Redis when REDIS_URL is set (shared by every web host), else per-process memory.
REDIS_URL = env("REDIS_URL", default="")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "icsportal",
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# The page cache (core/pagecache.py): whole pages for anonymous visitors, never stale. On by
# default here (runserver is one process); the production settings turn it on only with Redis,
# since processes with caches of their own could not tell each other of a change.
PAGE_CACHE = env_bool("PAGE_CACHE", default=True)
# An entry lives at most this long (memory, not freshness: changes end it at once).
PAGE_CACHE_MAX_AGE = env_int("PAGE_CACHE_MAX_AGE", default=3600)
# The next moment a page changes with the clock alone (a scheduled item, midnight).
PAGE_CACHE_NEXT_CHANGE = "icsportal.pagecache.next_change"
# The bench's floor: a constant response behind all the middleware, at /_floor/ (make bench).
BENCH_FLOOR = env_bool("BENCH_FLOOR", default=False)

AUTHENTICATION_BACKENDS = [
    # Throttles password guessing before the model backend checks the password.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {
        "NAME": "django.contrib.auth.password_validation.MinimumLengthValidator",
        "OPTIONS": {"min_length": 12},
    },
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

# Login throttling: lock out a username *from one address* after repeated failures, so an
# attacker cannot lock out everyone who shares an organisation's outgoing address, nor a
# colleague's account from elsewhere.
AXES_FAILURE_LIMIT = env_int("AXES_FAILURE_LIMIT", default=5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("AXES_COOLOFF_MINUTES", default=15))
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]
AXES_RESET_ON_SUCCESS = True
AXES_CLIENT_IP_CALLABLE = "core.http.client_ip"
AXES_VERBOSE = False
# Staff sessions end after this long without a request (each request moves the end on), on
# signing out, and at once when the account is deactivated or its password changed (Django
# checks both on every request).
SESSION_COOKIE_AGE = env_int("STAFF_SESSION_IDLE_MINUTES", default=30) * 60
SESSION_SAVE_EVERY_REQUEST = True
# The name authenticator apps show beside the account.
OTP_TOTP_ISSUER = "ICS partnership portal"
# Passkeys (django-otp-webauthn) as a second factor only, never instead of the password; they
# belong to the host the request came to (staff/passkeys.py).
OTP_WEBAUTHN_RP_NAME = "ICS partnership portal"
OTP_WEBAUTHN_RP_ID_CALLABLE = "staff.passkeys.relying_party_id"
OTP_WEBAUTHN_ALLOW_PASSWORDLESS_LOGIN = False
# Failed sign-ins one address may make in an hour, across all accounts, before it is refused for
# the hour (password spraying): generous for an office behind one address (staff.sites).
STAFF_SIGN_IN_FAILURES_PER_ADDRESS = env_int("STAFF_SIGN_IN_FAILURES_PER_ADDRESS", default=30)
# Days the audit log of sign-ins and account changes is kept (`manage.py delete_old_audit_events`).
AUDIT_RETENTION_DAYS = env_int("AUDIT_RETENTION_DAYS", default=365)
# The networks the load balancers send from ("10.0.0.0/8,192.0.2.7"): only from these are
# X-Forwarded-For and X-Forwarded-Proto believed (core/http.py). Empty: no proxy, none believed.
TRUSTED_PROXIES = env_networks("TRUSTED_PROXIES")
if env("TRUSTED_PROXY_COUNT", default=""):
    raise ImproperlyConfigured(
        "TRUSTED_PROXY_COUNT is no longer read: a count let a client that reached the app "
        "directly choose its own address. Set TRUSTED_PROXIES to the load balancers' networks."
    )

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STATICFILES_DIRS = [
    BASE_DIR / "static",
    # The NHS.UK frontend from npm (package.json): its compiled JS, icons and images.
    ("nhsuk", BASE_DIR / "node_modules" / "nhsuk-frontend" / "dist" / "nhsuk"),
]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "core.storage.StaticFilesStorage"},
}
MEDIA_URL = "media/"
MEDIA_ROOT = Path(env("MEDIA_ROOT", default=str(BASE_DIR / "media")))
# The largest document staff may upload (documents.files), in bytes: 20 MB unless set.
DOCUMENT_MAX_BYTES = env_int("DOCUMENT_MAX_BYTES", default=20 * 1024 * 1024)
# The largest request body accepted (icsportal.middleware.RequestSizeLimitMiddleware): 1 MB from
# visitors, and from staff a document upload with its form around it. A proxy in front should
# refuse more than STAFF_REQUEST_MAX_BYTES itself (the README's deployment says how).
ANONYMOUS_REQUEST_MAX_BYTES = 1024 * 1024
STAFF_REQUEST_MAX_BYTES = DOCUMENT_MAX_BYTES + 1024 * 1024

CRISPY_ALLOWED_TEMPLATE_PACKS = ["nhsuk"]
CRISPY_TEMPLATE_PACK = "nhsuk"
# Django's form renderer, with selects written without a template for each option.
FORM_RENDERER = "core.renderers.PortalFormRenderer"

# Security headers. A strict CSP: no inline script or style anywhere. Public pages load their
# one module script from 'self' and use no nonce, so a page is the same for every visitor (the
# page cache and ETags need that); the admin's editor has an inline import map, which carries
# a per-request nonce (the policy names one only on responses that used it).
TIPTAP_BASE_STYLES_HASH = "'sha256-PlumsSlvJ7vvWzjqibGAYKq92O3y/4JTxWWsWJvyUYA='"
EMPTY_STYLE_HASH = "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='"
SECURE_CSP = {
    "default-src": [CSP.SELF],
    "script-src": [CSP.SELF, CSP.NONCE],
    # The admin's rich-text editor (django-prose-editor, on Tiptap) adds Tiptap's base styles
    # as one <style> element: allowed by the hash of exactly that text, and nothing else
    # (tests/core/test_rich_text_editor.py checks it against the installed package).
    "style-src": [CSP.SELF, TIPTAP_BASE_STYLES_HASH],
    # It also writes empty style attributes: the hash is the empty string's.
    "style-src-attr": [CSP.UNSAFE_HASHES, EMPTY_STYLE_HASH],
    "img-src": [CSP.SELF, "data:"],
    "font-src": [CSP.SELF, "https://assets.nhs.uk"],
    "connect-src": [CSP.SELF],
    "object-src": [CSP.NONE],
    "base-uri": [CSP.SELF],
    "form-action": [CSP.SELF],
    "frame-ancestors": [CSP.NONE],
}
PERMISSIONS_POLICY = (
    "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()"
)
SECURE_CONTENT_TYPE_NOSNIFF = True
SECURE_REFERRER_POLICY = "strict-origin-when-cross-origin"
SECURE_CROSS_ORIGIN_OPENER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
SESSION_COOKIE_HTTPONLY = True
# HTTPS only (secure cookies, the redirect, HSTS): see production.py.
if TRUSTED_PROXIES:
    # The load balancer terminates TLS and says so in this header (removed from any request
    # that did not come through it: core.http.ForwardedHeadersMiddleware).
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")

# The site's name, in the two parts the NHS.UK header shows (organisation name, descriptor).
SITE_NAME_PARTS = ("South Yorkshire", "Integrated Care System")
SITE_NAME = " ".join(SITE_NAME_PARTS)
# The system whose vision, journey and figures the portal presents.
PORTAL_SYSTEM_SLUG = "south-yorkshire"
# Where the portal lives, for canonical links, feeds and the sitemap behind a proxy.
SITE_URL = env("SITE_URL", default="").rstrip("/")
# Sign-off: may an approver approve an item they submitted themselves? Off: it takes two people.
COMMS_SELF_APPROVAL = env_bool("COMMS_SELF_APPROVAL", default=False)
# Where staff may use passkeys from: the public address, or locally the development server
# (passkeys need a host name: http://localhost, not 127.0.0.1). Production without SITE_URL
# uses its ALLOWED_HOSTS (production.py).
OTP_WEBAUTHN_ALLOWED_ORIGINS = [SITE_URL or f"http://localhost:{env('PORT', default='8000')}"]
# How readers reach the partnership: shown in the privacy notice's "Contact us" section and the
# accessibility statement. Unset, both pages say plainly that there is no contact address yet.
CONTACT_EMAIL = env_email("CONTACT_EMAIL")
# The contact form (/contact/): messages a sender may send an hour (counted by a keyed hash of
# their address), the working days the page promises a reply in, and the days a message is
# kept after it is closed (`manage.py delete_closed_messages`, run daily, deletes it then).
CONTACT_RATE_LIMIT_PER_HOUR = env_int("CONTACT_RATE_LIMIT_PER_HOUR", default=5)
CONTACT_REPLY_WORKING_DAYS = env_int("CONTACT_REPLY_WORKING_DAYS", default=10)
CONTACT_RETENTION_DAYS = env_int("CONTACT_RETENTION_DAYS", default=365)


# Email (the contact form's acknowledgements, notifications and replies): SMTP when EMAIL_HOST
# is set, else written to the console (the production settings always use SMTP). Every email
# waits in the outbox until the server takes it (`manage.py send_email`, run every minute,
# retries what failed).
def smtp_mailer(host: str) -> dict:
    return {
        "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
        "OPTIONS": {
            "host": host,
            "port": env_int("EMAIL_PORT", default=587),
            "username": env("EMAIL_HOST_USER", default=""),
            "password": env("EMAIL_HOST_PASSWORD", default=""),
            "use_tls": env("EMAIL_USE_TLS", default="true").lower() in ("1", "true", "yes"),
            "timeout": 10,
        },
    }


_email_host = env("EMAIL_HOST", default="")
MAILERS = {
    "default": smtp_mailer(_email_host)
    if _email_host
    else {"BACKEND": "django.core.mail.backends.console.EmailBackend"}
}
DEFAULT_FROM_EMAIL = env("DEFAULT_FROM_EMAIL", default="no-reply@localhost")

# Where to report a vulnerability (security.txt); by default the contact form (topic: website).
SECURITY_CONTACT = env("SECURITY_CONTACT", default="")

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env("LOG_LEVEL", default="INFO")},
    "loggers": {"axes": {"level": "WARNING"}},
}

# The open data API (/api/v1/): read-only, anonymous, JSON. No session or CSRF machinery: the
# API sets no cookies. A format named in the query string (?format=) is not honoured: the
# address says it (.json, .csv).
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [],
    "DEFAULT_PERMISSION_CLASSES": [],
    "UNAUTHENTICATED_USER": None,
    "DEFAULT_RENDERER_CLASSES": ["rest_framework.renderers.JSONRenderer"],
    "DEFAULT_PARSER_CLASSES": [],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "URL_FORMAT_OVERRIDE": None,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "South Yorkshire Integrated Care System: open data",
    "DESCRIPTION": "The partnership's records (organisations with their NHS ODS and ONS GSS "
    "codes, places, neighbourhoods, systems, collaboratives, alliances, milestones, boards, "
    "meetings and publications) as JSON and CSV, under the Open Government Licence v3.0.",
    "VERSION": "1",
    "LICENSE": {
        "name": "Open Government Licence v3.0",
        "url": "https://www.nationalarchives.gov.uk/doc/open-government-licence/version/3/",
    },
    "SERVE_INCLUDE_SCHEMA": False,
    "SCHEMA_PATH_PREFIX": "/api/v1",
}
