"""Renditions, made once when an image is uploaded (never when a page is served).

Each image is made at the widths below that are narrower than it (and at its own width when
it is narrower than the widest), each as WebP and in the original's format (PNG for a PNG,
with any transparency kept; JPEG for a JPEG, and for a WebP original, for browsers without
WebP). The widths follow the page: 320 and 640 for
phones (one and two device pixels a CSS pixel), 960 and 1280 for the two-thirds column on
wider screens.
"""

import io
import uuid

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from PIL import Image as PILImage
from PIL import ImageOps

from core import pagecache
from images.models import Image, Rendition

WIDTHS = (320, 640, 960, 1280)
QUALITY = 80  # JPEG and WebP: no visible loss in a photo, a small file


def widths_for(original: int) -> list[int]:
    found = [width for width in WIDTHS if width < original]
    if original <= WIDTHS[-1]:
        found.append(original)
    return sorted(set(found))


@transaction.atomic
def make_renditions(image: Image) -> list[Rendition]:
    """Replace `image`'s renditions with new ones made from its file."""
    for old in image.renditions.all():
        default_storage.delete(old.file)
    image.renditions.all().delete()
    with default_storage.open(image.file.name, "rb") as stored:
        source = PILImage.open(stored)
        source.load()
    source = ImageOps.exif_transpose(source)
    # Beside WebP, the original's format: PNG for a PNG (its transparency kept), else JPEG
    # (a WebP original's fallback, for the few browsers without WebP).
    fallback = "png" if image.file.name.endswith(".png") else "jpeg"
    keeps_alpha = fallback == "png" and source.mode in ("RGBA", "LA", "P", "PA")
    source = source.convert("RGBA" if keeps_alpha else "RGB")
    made = []
    for width in widths_for(source.width):
        height = max(1, round(source.height * width / source.width))
        resized = source.resize((width, height), PILImage.Resampling.LANCZOS)
        for kind in ("webp", fallback):
            buffer = io.BytesIO()
            if kind == "webp":
                resized.save(buffer, "WEBP", quality=QUALITY, method=6)
            elif kind == "jpeg":
                resized.save(buffer, "JPEG", quality=QUALITY, optimize=True, progressive=True)
            else:
                resized.save(buffer, "PNG", optimize=True)
            extension = {"webp": "webp", "jpeg": "jpg", "png": "png"}[kind]
            name = default_storage.save(
                f"images/{uuid.uuid4().hex}.{extension}", ContentFile(buffer.getvalue())
            )
            size = len(buffer.getvalue())
            made.append(
                Rendition(
                    image=image, width=width, height=height, format=kind, file=name, size=size
                )
            )
    Rendition.objects.bulk_create(made)
    # Made in bulk, which no signal reports: the pages showing the image change now.
    transaction.on_commit(pagecache.invalidate, robust=True)
    return made
