"""The search and the open data service sit on the top floor: they import the apps, and no
app imports them."""

import ast
from pathlib import Path

import pytest
from django.apps import apps
from django.conf import settings

TOP_FLOOR = ("search", "opendata")
# The site's own apps below the top floor (icsportal composes everything and may import all).
APPS = [
    config.name
    for config in apps.get_app_configs()
    if (Path(settings.BASE_DIR) / config.name).is_dir()
    and config.name not in (*TOP_FLOOR, "icsportal")
]


def imported_modules(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(), filename=str(path))
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            found.add(node.module)
    return found


def test_the_apps_below_are_the_ones_expected():
    assert {"core", "places", "partners", "news", "governance", "publications"} <= set(APPS)


@pytest.mark.parametrize("app", APPS)
def test_no_app_imports_the_top_floor(app):
    files = list((Path(settings.BASE_DIR) / app).rglob("*.py"))
    assert files
    for path in files:
        for module in imported_modules(path):
            assert module.split(".")[0] not in TOP_FLOOR, f"{path} imports {module}"
