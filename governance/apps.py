"""The governance app sits above alliances: it may import alliances, partners, places and core;
nothing imports it but the project package."""

from django.apps import AppConfig


class GovernanceConfig(AppConfig):
    name = "governance"
    verbose_name = "Governance: bodies and meetings"
