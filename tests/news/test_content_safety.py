"""Rich text is cleaned by an allowlist, on save and on render. (Image uploads: tests/images/.)"""

import pytest
from django.urls import reverse

from core.richtext import clean_html, markdown_to_html, render_rich_text
from news.models import NewsItem
from tests.factories import news_admin_form

HOSTILE = [
    "<script>alert(1)</script>",
    '<img src="x" onerror="alert(1)">',
    '<a href="javascript:alert(1)">click</a>',
    '<a href="jav&#x09;ascript:alert(1)">x</a>',
    '<iframe src="https://example.org"></iframe>',
    '<svg onload="alert(1)"></svg>',
    "<style>body{display:none}</style>",
    '<form action="https://example.org"><input name="q"></form>',
    '<details open ontoggle="alert(1)">x</details>',
    '<a href="data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==">x</a>',
    '<p style="position:fixed" onclick="alert(1)">x</p>',
    '<table><tr><td background="javascript:alert(1)">x</td></tr></table>',
    '<h2><a href="https://example.org" target="_blank">x</a></h2>',
]
# The same attacks as Markdown: the seed documents are Markdown, turned into HTML on loading.
HOSTILE_MARKDOWN = [
    "<script>alert(1)</script>",
    "[click](javascript:alert(1))",
    "[x][1]\n\n[1]: javascript:alert(1)",
    "<javascript:alert(1)>",
    "[x](data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==)",
]

FORBIDDEN = [
    "<script", "<iframe", "<svg", "<style", "<form", "<input", "<img", " on", "javascript:",
    "data:", "style=", "target=", "background=",
]  # fmt: skip


@pytest.mark.parametrize("payload", HOSTILE)
def test_rich_text_keeps_nothing_that_can_run(payload):
    for html in (clean_html(payload), render_rich_text(payload)):
        for forbidden in FORBIDDEN:
            assert forbidden not in html.lower(), (payload, html)


@pytest.mark.parametrize("payload", HOSTILE_MARKDOWN)
def test_markdown_from_the_seed_documents_keeps_nothing_that_can_run(payload):
    html = markdown_to_html(payload).lower()
    for forbidden in FORBIDDEN:
        assert forbidden not in html, (payload, html)


def test_ordinary_formatting_is_kept():
    html = markdown_to_html("## Where\n\n- **Barnsley**\n- [NHS](https://www.nhs.uk/)")
    assert "<h2>Where</h2>" in html
    assert "<strong>Barnsley</strong>" in html
    assert '<a href="https://www.nhs.uk/" rel="noopener noreferrer">NHS</a>' in html
    assert render_rich_text(html) == html


def test_an_empty_editor_is_no_text():
    assert clean_html("<p></p>") == ""
    assert clean_html("  ") == ""


@pytest.mark.django_db
def test_hostile_content_through_the_admin_form_is_stored_clean(client_as):
    response = client_as("comms team").post(
        reverse("admin:news_newsitem_add"),
        news_admin_form(
            body="<h2>Plan</h2><p onclick='alert(1)'>Text<script>alert(2)</script></p>"
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    assert NewsItem.objects.get().body == "<h2>Plan</h2><p>Text</p>"
