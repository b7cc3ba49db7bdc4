"""Serves the media library's files: originals and renditions, by their random names."""

import re

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404

from core.http import safe

NAME = re.compile(r"^[0-9a-f]{32}\.(jpg|png|webp)$")
TYPES = {"jpg": "image/jpeg", "png": "image/png", "webp": "image/webp"}


@safe
def image_file(request, name: str) -> FileResponse:
    """Only names the library gave, with their checked type. A name never changes what it
    holds (a new upload gets new names), so browsers and caches may keep it a year."""
    if not NAME.match(name):
        raise Http404
    path = f"images/{name}"
    if not default_storage.exists(path):
        raise Http404
    response = FileResponse(
        default_storage.open(path, "rb"), content_type=TYPES[name.rsplit(".", 1)[1]]
    )
    response["Cache-Control"] = "public, max-age=31536000, immutable"
    return response
