from django.apps import AppConfig


class PostcodesConfig(AppConfig):
    name = "postcodes"
    verbose_name = "Postcodes"
