"""The news app sits at the top: it may link to alliances, partners and places."""

from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    verbose_name = "News"
