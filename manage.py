#!/usr/bin/env python
"""Django's command-line utility for administrative tasks."""

import os
import sys


def main():
    # manage.py is the developer's tool: by default it runs the development settings, so a
    # fresh checkout needs no secrets for makemigrations, createsuperuser or shell. Production
    # hosts set DJANGO_SETTINGS_MODULE=icsportal.settings.production (see the README).
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "icsportal.settings.development")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)


if __name__ == "__main__":
    main()
