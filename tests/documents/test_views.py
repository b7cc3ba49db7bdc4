"""The download: an attachment under a safe name, with its real type and nosniff; 404 for
anything that is not a stored upload; and no way to a stored file under /media/."""

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from documents.files import CONTENT_TYPES
from tests.documents.samples import SAMPLES, pdf_bytes
from tests.factories import make_document

pytestmark = pytest.mark.django_db


def uploaded(slug: str = "board-papers", name: str = "x.pdf", content: bytes | None = None):
    return make_document(
        slug=slug, file=SimpleUploadedFile(name, pdf_bytes(2) if content is None else content)
    )


def test_a_download_is_an_attachment_with_a_safe_name_and_its_real_type(client):
    document = uploaded(name='"><script>alert(1)</script>.pdf')
    with CaptureQueriesContext(connection) as queries:
        response = client.get("/documents/board-papers/download/")
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="board-papers.pdf"'
    assert response["Content-Type"] == "application/pdf"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Length"] == str(document.size_bytes)
    assert response["Cache-Control"] == "public, max-age=3600"
    assert b"".join(response.streaming_content) == pdf_bytes(2)
    assert len(queries) == 1


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_each_format_is_sent_with_its_content_type(client, kind):
    content = SAMPLES[kind]()
    uploaded(slug=f"data-{kind}", name=f"upload.{kind}", content=content)
    response = client.get(f"/documents/data-{kind}/download/")
    assert response["Content-Type"] == CONTENT_TYPES[kind]
    assert response["Content-Disposition"] == f'attachment; filename="data-{kind}.{kind}"'
    assert b"".join(response.streaming_content) == content


def test_a_head_request_gets_the_headers(client):
    uploaded()
    response = client.head("/documents/board-papers/download/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"


def test_the_download_changes_nothing_so_refuses_post(client):
    uploaded()
    assert client.post("/documents/board-papers/download/").status_code == 405


def test_a_link_document_has_no_download(client):
    make_document(slug="plan", url="https://www.example.org/plan.pdf")
    assert client.get("/documents/plan/download/").status_code == 404


def test_an_unknown_slug_is_not_found(client):
    assert client.get("/documents/no-such-document/download/").status_code == 404


def test_a_file_missing_from_storage_is_not_found_not_an_error(client, media_root):
    document = uploaded()
    (media_root / document.file.name).unlink()
    assert client.get("/documents/board-papers/download/").status_code == 404


def test_stored_documents_are_not_reachable_under_media(client):
    document = uploaded()
    stored = document.file.name  # documents/<random>.pdf
    for path in [f"/media/{stored}", f"/media/{stored.split('/')[1]}", f"/{stored}"]:
        assert client.get(path).status_code == 404, path
