"""The publications app sits above governance: it may import governance, alliances, partners,
places, documents and core; nothing imports it but the project package."""

from django.apps import AppConfig


class PublicationsConfig(AppConfig):
    name = "publications"
    verbose_name = "Publications"
