"""The places app: the ground floor, importing none of the other domain apps."""

from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = "Systems and places"
