"""The project package is an app too, for the management command that loads every app's data."""

from django.apps import AppConfig


class IcsPortalConfig(AppConfig):
    name = "icsportal"
    verbose_name = "ICS portal"
