"""The download of an uploaded document: always an attachment, never shown inline.

The file is sent under a name made from the document's slug and the extension of its checked
format, with that format's Content-Type and `nosniff`, so a browser neither runs it nor
guesses another type from its bytes. Stored names are random and are never served from
/media/: this view is the only way to a document's file.
"""

from django.http import FileResponse, Http404
from django.shortcuts import get_object_or_404

from core.http import safe
from documents.models import Document

# Public documents change rarely, but a corrected file keeps its URL: an hour's caching.
CACHE_CONTROL = "public, max-age=3600"


@safe
def download(request, slug: str) -> FileResponse:
    document = get_object_or_404(Document.objects.uploads(), slug=slug)
    if not document.stored_format:
        raise Http404("No file of a published format.")
    try:
        stored = document.file.storage.open(document.file.name, "rb")
    except FileNotFoundError:
        raise Http404("The file is missing from storage.") from None
    response = FileResponse(
        stored,
        as_attachment=True,
        filename=document.download_name,
        content_type=document.content_type,
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = CACHE_CONTROL
    return response
