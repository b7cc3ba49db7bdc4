"""Kept for news' migrations 0002 to 0005, which name these functions in the old image field.
News images now live in the media library (images): its checks and names are images.files.
"""

import uuid

from images.files import FORMATS, validate_image

validate_news_image = validate_image


def news_image_path(instance, filename: str) -> str:
    """The old field's names: random, with the extension of the file's real format."""
    from PIL import Image

    instance.image.file.seek(0)
    with Image.open(instance.image.file) as image:
        extension = FORMATS.get(image.format, "bin")
    instance.image.file.seek(0)
    return f"news/{uuid.uuid4().hex}.{extension}"
