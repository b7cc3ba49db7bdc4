"""Settings for the served site: wsgi.py's default, and manage.py's on production hosts.

Production hosts set DJANGO_SETTINGS_MODULE=icsportal.settings.production (see the README).
DEBUG is always off, and there is no fallback to a development value: without SECRET_KEY and
ALLOWED_HOSTS in the environment the site refuses to start.
"""

from django.core.exceptions import ImproperlyConfigured

from icsportal.environment import env, env_bool, env_int, env_list
from icsportal.settings.base import *  # noqa: F403

DEBUG = False

SECRET_KEY = env("SECRET_KEY", default="")
if not SECRET_KEY:
    raise ImproperlyConfigured("SECRET_KEY must be set for the production settings.")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", default=[])
if not ALLOWED_HOSTS:
    raise ImproperlyConfigured("ALLOWED_HOSTS must be set for the production settings.")

# Passkeys may be used from the site's public address, over HTTPS.
if not SITE_URL:  # noqa: F405
    OTP_WEBAUTHN_ALLOWED_ORIGINS = [
        f"https://{host}" for host in ALLOWED_HOSTS if host != "*" and not host.startswith(".")
    ]

# Email always goes to an SMTP server, by default one on this host: until EMAIL_HOST names a
# reachable one, the contact form's emails wait in the outbox with the error, and none is lost.
MAILERS = {"default": smtp_mailer(env("EMAIL_HOST", default="localhost"))}  # noqa: F405

# The page cache only where every process shares one cache (Redis): see base.py.
PAGE_CACHE = env_bool("PAGE_CACHE", default=bool(REDIS_URL))  # noqa: F405

# HTTPS only: secure cookies, a redirect from plain HTTP, and HSTS for a year.
SESSION_COOKIE_SECURE = True
CSRF_COOKIE_SECURE = True
# The __Host- prefix: a browser keeps these cookies only if they are Secure, for the whole site
# (Path=/) and for this host alone (no Domain), so no other subdomain can set or read them.
SESSION_COOKIE_NAME = "__Host-sessionid"
CSRF_COOKIE_NAME = "__Host-csrftoken"
SECURE_SSL_REDIRECT = env_bool("SECURE_SSL_REDIRECT", default=True)
# Health checks from the load balancer come over plain HTTP.
SECURE_REDIRECT_EXEMPT = [r"^healthz/$"]
SECURE_HSTS_SECONDS = env_int("SECURE_HSTS_SECONDS", default=31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = True
SECURE_HSTS_PRELOAD = True
