#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icsportal.settings")
    # manage.py is the developer's tool: with no DEBUG in the environment it runs with DEBUG
    # on, so a fresh checkout needs no secrets for makemigrations, createsuperuser or shell.
    # Production hosts set DEBUG=false (see the README); the site itself, served through
    # icsportal/wsgi.py, defaults to DEBUG off and refuses to start without its settings.
    os.environ.setdefault("DEBUG", "true")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
