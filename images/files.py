"""Image uploads are checked by their content, never their name.

Only real JPEG, PNG or WebP files pass: Pillow must identify and verify them, their pixel
count is checked from the header before any decoding (so a decompression bomb is refused
cheaply), and the stored file gets a random name with the extension of its real format.
"""

import uuid

from django.core.exceptions import ValidationError
from PIL import Image as PILImage
from PIL import UnidentifiedImageError

MAX_BYTES = 5 * 1024 * 1024
MAX_PIXELS = 40_000_000
FORMATS = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}


def validate_image(file) -> None:
    if file.size > MAX_BYTES:
        raise ValidationError("The image is larger than 5 MB. Make it smaller and try again.")
    file.seek(0)
    try:
        with PILImage.open(file) as image:
            kind = image.format
            width, height = image.size
            if kind not in FORMATS:
                raise ValidationError("Upload a JPEG, PNG or WebP image.")
            if width * height > MAX_PIXELS:
                raise ValidationError(
                    f"The image is {width} × {height} pixels: at most 40 megapixels."
                )
            image.verify()
    except ValidationError:
        raise
    except PILImage.DecompressionBombError:
        # Pillow refuses to even open images of more than about 180 megapixels.
        raise ValidationError("The image has too many pixels: at most 40 megapixels.") from None
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError):
        # Not an image Pillow can read: SVG, HTML, a renamed executable, a truncated file.
        raise ValidationError(
            "This file is not a JPEG, PNG or WebP image that can be read. (SVG is not accepted.)"
        ) from None
    finally:
        file.seek(0)


def image_path(instance, filename: str) -> str:
    """A random name with the extension of the file's real format; the uploaded name is ignored."""
    instance.file.file.seek(0)
    with PILImage.open(instance.file.file) as image:
        extension = FORMATS.get(image.format, "bin")
    instance.file.file.seek(0)
    return f"images/{uuid.uuid4().hex}.{extension}"
