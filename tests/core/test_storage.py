"""collectstatic with the production storage: every reference names a hashed file that exists.

Browsers keep static files for a year under their hashed names, so a reference left unhashed
(or pointing nowhere) serves stale or missing code after a release.
"""

import json
import re
from pathlib import PurePosixPath

import pytest
from django.conf import settings
from django.core.management import call_command
from django.test import override_settings

IGNORED = ["*.scss", "*.njk", "*.md", "*.d.mts"]  # as `make static` passes them


@pytest.fixture(scope="module")
def collected(tmp_path_factory):
    root = tmp_path_factory.mktemp("staticfiles")
    if not (settings.BASE_DIR / "static" / "css" / "main.css").exists():
        pytest.fail("static/css/main.css is not built: run `make frontend`")
    storages = {**settings.STORAGES, "staticfiles": {"BACKEND": "core.storage.StaticFilesStorage"}}
    with override_settings(STATIC_ROOT=root, STORAGES=storages):
        call_command("collectstatic", interactive=False, verbosity=0, ignore_patterns=IGNORED)
    manifest = json.loads((root / "staticfiles.json").read_text())["paths"]
    return root, manifest


def resolve(source: str, reference: str) -> str:
    """A relative reference in the file `source`, as a path under STATIC_ROOT."""
    parts = []
    for part in (PurePosixPath(source).parent / reference).parts:
        if part == "..":
            parts.pop()
        else:
            parts.append(part)
    return "/".join(parts)


def test_our_module_imports_the_hashed_nhsuk_module(collected):
    root, manifest = collected
    module = (root / manifest["js/main.mjs"]).read_text()
    imports = re.findall(r'^import .* from "([^"]+)";$', module, flags=re.MULTILINE)
    assert [resolve(manifest["js/main.mjs"], path) for path in imports] == [
        manifest["nhsuk/nhsuk-frontend.min.js"]
    ]
    assert (root / manifest["nhsuk/nhsuk-frontend.min.js"]).read_text().count("initAll") > 1


def test_stylesheet_urls_name_hashed_files_that_exist(collected):
    root, manifest = collected
    css_name = manifest["css/main.css"]
    css = (root / css_name).read_text()
    urls = set(re.findall(r'url\("?([^")]+)"?\)', css))
    local = {url for url in urls if not url.startswith("https://assets.nhs.uk/")}
    assert local, "the NHS.UK icons should be referenced"
    hashed = set(manifest.values())
    for url in local:
        path = resolve(css_name, url)
        assert path in hashed, url
        assert (root / path).is_file(), url


def test_sources_are_not_published_and_compressed_copies_are(collected):
    root, manifest = collected
    assert "scss/main.scss" not in manifest
    assert not list(root.rglob("*.scss"))
    assert not list(root.rglob("*.njk"))
    assert (root / f"{manifest['css/main.css']}.gz").is_file()
    assert (root / f"{manifest['js/main.mjs']}.gz").is_file()
