"""The core app holds shared pieces, and the one table of the loader's own (LoadedValue)."""

from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    verbose_name = "Core"

    def ready(self) -> None:
        from core import pagecache

        # Any committed change to a public record ends every cached page (core/pagecache.py).
        pagecache.connect()
