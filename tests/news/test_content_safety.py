"""Rich text is cleaned by an allowlist; uploads are checked by content, not by name."""

import io

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from PIL import Image

from core.richtext import clean_html, markdown_to_html, render_rich_text
from news.images import validate_news_image
from news.models import NewsItem
from tests.factories import make_news_item, news_admin_form
from tests.helpers import assert_database_refuses

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


def image_bytes(kind: str, size=(20, 10)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, "navy").save(buffer, kind)
    return buffer.getvalue()


def bomb_png(size=(20_000, 20_000)) -> bytes:
    """A small file that decodes to a huge image (400 megapixels by default)."""
    buffer = io.BytesIO()
    Image.new("1", size).save(buffer, "PNG")
    return buffer.getvalue()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("logo.svg", b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>', "SVG"),
        ("photo.jpg", b"<html><script>alert(1)</script></html>", "not a JPEG, PNG or WebP"),
        ("photo.png", b"MZ\x90\x00 not really an image", "not a JPEG, PNG or WebP"),
        ("photo.gif", image_bytes("GIF"), "Upload a JPEG, PNG or WebP image"),
        ("photo.bmp", image_bytes("BMP"), "Upload a JPEG, PNG or WebP image"),
        ("truncated.png", image_bytes("PNG")[:60], "not a JPEG, PNG or WebP"),
        ("bomb.png", bomb_png(), "too many pixels: at most 40 megapixels"),
        ("large.png", bomb_png((8_000, 6_250)), "8000 × 6250 pixels: at most 40 megapixels"),
        ("huge.jpg", b"\xff\xd8" + b"0" * (5 * 1024 * 1024 + 1), "larger than 5 MB"),
    ],
)
def test_uploads_that_are_refused(name, content, message):
    upload = SimpleUploadedFile(name, content)
    with pytest.raises(ValidationError, match=message):
        validate_news_image(upload)


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_real_images_are_accepted_whatever_their_name(kind):
    validate_news_image(SimpleUploadedFile("misleading-name.txt", image_bytes(kind)))


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploads are stored in a scratch folder."""
    settings.MEDIA_ROOT = tmp_path


@pytest.mark.django_db
@pytest.mark.usefixtures("media_root")
def test_an_upload_through_the_admin_is_stored_under_a_random_name_of_its_real_type(client_as):
    client = client_as("comms team")
    response = client.post(
        reverse("admin:news_newsitem_add"),
        news_admin_form(
            image=SimpleUploadedFile("../../etc/passwd.gif", image_bytes("PNG")),
            image_alt="Staff at a vaccination clinic",
        ),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    item = NewsItem.objects.get()
    assert item.image.name.startswith("news/")
    assert item.image.name.endswith(".png")
    assert "passwd" not in item.image.name
    item.publish()
    served = client.get(item.image.url)
    assert served.status_code == 200
    assert served["Content-Type"] == "image/png"


@pytest.mark.django_db
@pytest.mark.usefixtures("media_root")
def test_an_image_without_alt_text_is_a_form_error_and_refused_by_the_database(client_as):
    response = client_as("comms team").post(
        reverse("admin:news_newsitem_add"),
        news_admin_form(image=SimpleUploadedFile("p.png", image_bytes("PNG")), image_alt=""),
    )
    assert response.status_code == 200
    assert "Describe the image for people who cannot see it" in response.content.decode()
    assert not NewsItem.objects.exists()
    assert_database_refuses(lambda: make_news_item(image="news/x.png", image_alt=""))


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["../settings.py", "x.svg", "0123.png", "a" * 32 + ".png"])
def test_the_image_view_serves_nothing_but_stored_news_images(client, name):
    assert client.get(f"/media/news/{name}").status_code == 404
