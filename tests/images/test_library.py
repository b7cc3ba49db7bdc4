"""The media library: uploads checked by their content and stored under random names, the
words every use needs (alt text required, credit, licence), renditions made once at upload
and sized for a phone, served as a responsive picture, reused and chosen from thumbnails."""

import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from PIL import Image as PILImage

from images.files import validate_image
from images.models import Image
from pages.models import Page
from tests.factories import make_image, make_news_item, make_page
from tests.helpers import assert_database_refuses

# The largest image a phone may be sent (the target), in bytes.
PHONE_BUDGET = 200 * 1024


@pytest.fixture(autouse=True)
def media_root(settings, tmp_path):
    """Uploads are stored in a scratch folder."""
    settings.MEDIA_ROOT = tmp_path


def image_bytes(kind: str, size=(20, 10)) -> bytes:
    buffer = io.BytesIO()
    PILImage.new("RGB", size, "navy").save(buffer, kind)
    return buffer.getvalue()


def bomb_png(size=(20_000, 20_000)) -> bytes:
    """A small file that decodes to a huge image (400 megapixels by default)."""
    buffer = io.BytesIO()
    PILImage.new("1", size).save(buffer, "PNG")
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
    with pytest.raises(ValidationError, match=message):
        validate_image(SimpleUploadedFile(name, content))


@pytest.mark.parametrize("kind", ["JPEG", "PNG", "WEBP"])
def test_real_images_are_accepted_whatever_their_name(kind):
    validate_image(SimpleUploadedFile("misleading-name.txt", image_bytes(kind)))


def upload_form(**changes) -> dict:
    return {
        "title": "Vaccination clinic",
        "file": SimpleUploadedFile("../../etc/passwd.gif", image_bytes("PNG", (1200, 800))),
        "alt_text": "Staff at a vaccination clinic",
        "credit": "NHS South Yorkshire",
        "licence": "own",
        "_save": "Save",
        **changes,
    }


@pytest.mark.django_db
def test_an_upload_is_stored_under_a_random_name_of_its_real_type_with_renditions(client_as):
    client = client_as("comms team")
    response = client.post(reverse("admin:images_image_add"), upload_form())
    assert response.status_code == 302, response.content.decode()[:2000]
    image = Image.objects.get()
    assert re.fullmatch(r"images/[0-9a-f]{32}\.png", image.file.name)
    assert (image.width, image.height) == (1200, 800)
    made = sorted((r.format, r.width, r.height) for r in image.renditions.all())
    assert made == [
        ("png", 320, 213), ("png", 640, 427), ("png", 960, 640), ("png", 1200, 800),
        ("webp", 320, 213), ("webp", 640, 427), ("webp", 960, 640), ("webp", 1200, 800),
    ]  # fmt: skip
    for rendition in image.renditions.all():
        served = client_as(None).get(rendition.url)
        assert served.status_code == 200
        assert served["Content-Type"] == rendition.content_type
        assert "immutable" in served["Cache-Control"]
        with PILImage.open(io.BytesIO(b"".join(served.streaming_content))) as opened:
            assert opened.size == (rendition.width, rendition.height)
            assert opened.format == rendition.format.upper()


@pytest.mark.django_db
def test_an_image_without_alt_text_is_a_form_error_and_refused_by_the_database(client_as):
    response = client_as("comms team").post(
        reverse("admin:images_image_add"), upload_form(alt_text="")
    )
    assert response.status_code == 200
    assert "This field is required" in response.content.decode()
    assert not Image.objects.exists()
    assert_database_refuses(lambda: make_image(alt_text="", renditions=False))


@pytest.mark.django_db
def test_a_photo_sent_to_a_phone_is_small_and_the_page_offers_every_width():
    image = make_image(size=(4000, 2600))
    widths = sorted({r.width for r in image.renditions.all()})
    assert widths == [320, 640, 960, 1280]
    for rendition in image.renditions.all():
        if rendition.width <= 640:  # a phone at one or two device pixels a CSS pixel
            assert rendition.size < PHONE_BUDGET, rendition


@pytest.mark.django_db
def test_a_news_item_shows_its_library_image_as_a_responsive_picture(client):
    image = make_image(credit="Jo Bloggs", alt_text="Nurses at the Darnall clinic")
    item = make_news_item(picture=image, publish_at="2026-01-01T09:00:00Z")
    html = client.get(item.get_absolute_url()).content.decode()
    picture = html[html.index("<picture>") : html.index("</picture>")]
    webp = image.sources()["webp"]
    assert f'srcset="{", ".join(f"{r.url} {r.width}w" for r in webp)}"' in picture
    assert 'sizes="(min-width: 990px) 640px, 100vw"' in picture
    assert 'alt="Nurses at the Darnall clinic"' in picture
    assert 'width="640"' in picture
    assert "Jo Bloggs (Our own (taken by or for the partnership))" in html


@pytest.mark.django_db
def test_a_page_shows_its_library_image_in_a_constant_number_of_queries(client, standing_pages):
    image = make_image(alt_text="The partnership's board meeting in public")
    page = make_page(picture=image)
    accessibility = Page.objects.get(key="accessibility")
    accessibility.picture = image
    accessibility.save()
    for url in (page.get_absolute_url(), "/accessibility/"):
        html = client.get(url).content.decode()
        picture = html[html.index("<picture>") : html.index("</picture>")]
        assert 'alt="The partnership&#x27;s board meeting in public"' in picture
        assert image.sources()["webp"][0].url in picture
    with CaptureQueriesContext(connection) as with_image:
        client.get(page.get_absolute_url())
    page.picture = None
    page.save()
    with CaptureQueriesContext(connection) as without:
        html = client.get(page.get_absolute_url()).content.decode()
    assert "<picture>" not in html
    # The image is joined to the page; its renditions are one query, however many they are.
    assert len(with_image) == len(without) + 1, [q["sql"] for q in with_image]


@pytest.mark.django_db
def test_one_image_serves_many_items_and_pages_and_cannot_be_deleted_while_used(client_as):
    image = make_image(renditions=False)
    first, second = make_news_item(picture=image), make_news_item(picture=image)
    page = make_page(picture=image)
    assert set(image.news_items.all()) == {first, second}
    assert list(image.pages.all()) == [page]
    response = client_as("superuser").post(
        reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
    )
    assert response.status_code == 200  # the admin lists the items that use it
    assert page.title in response.content.decode()
    assert Image.objects.filter(pk=image.pk).exists()
    first.delete(), second.delete()
    response = client_as("superuser").post(
        reverse("admin:images_image_delete", args=[image.pk]), {"post": "yes"}
    )
    assert response.status_code == 200  # still used by the page
    assert Image.objects.filter(pk=image.pk).exists()


@pytest.mark.django_db
def test_the_chooser_lists_thumbnails(client_as):
    image = make_image(title="Clinic")
    page = client_as("comms team").get(
        reverse("admin:images_image_changelist"), {"_popup": "1", "_to_field": "id"}
    )
    html = page.content.decode()
    smallest = image.sources()["webp"][0]
    assert f'src="{smallest.url}"' in html
    assert 'class="app-thumbnail"' in html


@pytest.mark.django_db
@pytest.mark.parametrize("name", ["../settings.py", "x.svg", "0123.png", "a" * 32 + ".png"])
def test_the_image_view_serves_nothing_but_stored_library_files(client, name):
    assert client.get(f"/media/images/{name}").status_code == 404
