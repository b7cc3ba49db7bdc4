"""The alliances app depends on partners and places."""

from django.apps import AppConfig


class AlliancesConfig(AppConfig):
    name = "alliances"
    verbose_name = "Collaboratives and alliances"
