"""Settings for the test suite: the production settings with test-only speed-ups.

The suite runs what production runs (DEBUG off, HTTPS-only cookies, HSTS), with a test secret
key and test hosts where the environment gives none. DATABASE_URL still chooses the database,
so CI runs the same suite on SQLite and PostgreSQL.
"""

import os

os.environ.setdefault("SECRET_KEY", "test-only-not-a-secret")
os.environ.setdefault("ALLOWED_HOSTS", "testserver,localhost,127.0.0.1")
os.environ.setdefault("SECURE_SSL_REDIRECT", "false")

from icsportal.settings.production import *  # noqa: F403

PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
# live_server serves static files through the finders, not a manifest.
STORAGES = {
    **STORAGES,  # noqa: F405
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
# Tests change records inside a transaction that is rolled back, so a change never commits and
# never ends a cached page: the page cache's own tests turn it on (tests/core/test_pagecache.py).
PAGE_CACHE = False
# Static files come from the finders in tests; there is no collected STATIC_ROOT.
STATIC_ROOT = None
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
