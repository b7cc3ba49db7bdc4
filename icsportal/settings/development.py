"""Settings for a developer's machine: manage.py's default (`make run`, makemigrations, shell).

DEBUG is on, the secret key is a fixed one that says what it is, and only local hosts are
served, so a fresh checkout needs no secrets. None of these come from the environment, and
icsportal.settings.production has none of them: unless a host's environment names these
settings, the site gunicorn serves through wsgi.py never runs on them.
"""

from icsportal.settings.base import *  # noqa: F403

DEBUG = True

# Public, so it protects nothing: signs only sessions and tokens on a developer's machine.
SECRET_KEY = "django-insecure-local-development-only"  # noqa: S105 (development only)

ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
