"""The places app: the ground floor, importing none of the other domain apps."""

from django.apps import AppConfig


class PlacesConfig(AppConfig):
    name = "places"
    verbose_name = "Systems and places"

    def ready(self):
        # A system's figures kept with the records they are summed from (places/figures.py).
        from places import figures

        figures.connect_signals()
