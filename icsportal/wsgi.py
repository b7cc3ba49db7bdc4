"""WSGI entry point for gunicorn: `gunicorn icsportal.wsgi`."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icsportal.settings")

application = get_wsgi_application()
