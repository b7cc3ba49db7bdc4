"""The admin's rich-text editor: served from the package with the site's strict CSP, and the
one inline style it needs allowed by its exact hash."""

import base64
import hashlib
import re
from pathlib import Path

import django_prose_editor
import pytest
from django.conf import settings
from django.urls import reverse

EDITOR_JS = Path(django_prose_editor.__file__).parent / "static/django_prose_editor/editor.js"


def csp_hash(text: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(text.encode()).digest()).decode()}'"


def test_the_csp_allows_exactly_the_installed_editors_base_styles():
    # Tiptap keeps its base styles in one template literal that starts ".ProseMirror {"; if
    # an upgrade changes them, this fails and names the hash to put in the settings.
    source = EDITOR_JS.read_text()
    styles = re.findall(r"=`(\.ProseMirror \{.*?)`", source, re.S)
    assert len(styles) == 1
    assert csp_hash(styles[0]) == settings.TIPTAP_BASE_STYLES_HASH
    assert settings.SECURE_CSP["style-src"] == ["'self'", csp_hash(styles[0])]
    assert csp_hash("") == settings.EMPTY_STYLE_HASH


@pytest.mark.django_db
def test_the_edit_page_loads_the_editor_from_our_own_static_files_with_the_nonce(client_as):
    response = client_as("comms team").get(reverse("admin:news_newsitem_add"))
    html = response.content.decode()
    nonce = re.search(r"'nonce-([^']+)'", response["Content-Security-Policy"]).group(1)
    scripts = re.findall(r"<script([^>]*)>", html)
    for needed in ("django_prose_editor/editor.js", "js/admin-editor.mjs", 'type="importmap"'):
        tags = [tag for tag in scripts if needed in tag]
        assert tags, needed
        assert all(f'nonce="{nonce}"' in tag for tag in tags), tags
    assert "https://" not in "".join(scripts)
    body = re.search(r"<textarea[^>]*name=\"body\"[^>]*>", html).group(0)
    config = re.search(r'data-django-prose-editor-configurable="([^"]*)"', body).group(1)
    for offered in ("Heading", "BulletList", "Link", "Blockquote", "Table", "Bold"):
        assert f"&quot;{offered}&quot;" in config
    for withheld in ("Image", "TextAlign", "Color", "Highlight", "StyleLoom"):
        assert f"&quot;{withheld}&quot;" not in config
