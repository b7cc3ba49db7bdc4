"""WSGI entry point for gunicorn: `gunicorn icsportal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

# The served site is production unless the environment names other settings.
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icsportal.settings.production")

application = get_wsgi_application()
