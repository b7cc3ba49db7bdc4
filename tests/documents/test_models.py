"""Documents: uploads checked and stored under random names with their details read from the
content; the database refusing a document that is neither or both a file and a link, or an
alternative without its format or language."""

import re

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.models import AlternativeFormat, Document
from tests.documents.samples import SAMPLES, pdf_bytes
from tests.factories import make_document
from tests.helpers import assert_database_refuses

pytestmark = pytest.mark.django_db


def upload(name: str, content: bytes) -> SimpleUploadedFile:
    return SimpleUploadedFile(name, content)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_an_upload_is_stored_under_a_random_name_with_its_real_extension(kind, media_root):
    content = SAMPLES[kind]()
    document = make_document(file=upload(f"../../Board papers (final).{kind}", content))
    assert re.fullmatch(rf"documents/[0-9a-f]{{32}}\.{kind}", document.file.name)
    assert (media_root / document.file.name).read_bytes() == content
    stored = Document.objects.get(pk=document.pk)
    assert stored.file_format == kind
    assert stored.size_bytes == len(content)


def test_two_uploads_of_the_same_name_get_different_names():
    first = make_document(file=upload("papers.pdf", pdf_bytes(1)))
    second = make_document(file=upload("papers.pdf", pdf_bytes(1)))
    assert first.file.name != second.file.name


def test_a_pdf_upload_records_its_page_count():
    document = make_document(file=upload("plan.pdf", pdf_bytes(14)))
    assert Document.objects.get(pk=document.pk).page_count == 14


def test_a_refused_upload_is_a_field_error_from_full_clean():
    document = Document(title="Plan", slug="plan", file=upload("plan.pdf", b"MZ\x90\x00"))
    with pytest.raises(ValidationError) as caught:
        document.full_clean()
    assert "This file is a Windows program" in caught.value.message_dict["file"][0]


def test_code_that_saves_without_validating_cannot_store_a_refused_file(media_root):
    with pytest.raises(ValidationError, match="Windows program"):
        make_document(file=upload("plan.pdf", b"MZ\x90\x00"))
    assert not Document.objects.exists()
    assert not (media_root / "documents").exists()


def test_a_typed_type_cannot_override_what_the_content_is():
    document = make_document(file=upload("plan.pdf", pdf_bytes(1)), file_format="docx")
    assert document.file_format == "pdf"
    assert document.content_type == "application/pdf"


def test_a_link_has_no_size_or_pages():
    document = make_document(url="https://www.example.org/plan", size_bytes=5, page_count=2)
    document.refresh_from_db()
    assert (document.size_bytes, document.page_count) == (None, None)
    assert document.get_absolute_url() == "https://www.example.org/plan"
    assert document.link_site == "www.example.org"


def test_an_upload_links_to_its_download():
    document = make_document(slug="board-papers", file=upload("x.pdf", pdf_bytes(1)))
    assert document.get_absolute_url() == "/documents/board-papers/download/"
    assert document.download_name == "board-papers.pdf"


@pytest.mark.parametrize(
    "values",
    [
        {"file": "", "url": ""},
        {"file": "documents/0123456789abcdef0123456789abcdef.pdf", "url": "https://x.org/a"},
        {"url": "https://x.org/a", "file_format": "exe"},
        {"url": "https://x.org/a", "alternative_format": AlternativeFormat.EASY_READ},
        {"url": "https://x.org/a", "alternative_format": "braille", "alternative_of": "original"},
        {"url": "https://x.org/a", "alternative_of": "original"},
        {
            "url": "https://x.org/a",
            "alternative_of": "original",
            "alternative_format": AlternativeFormat.OTHER_LANGUAGE,
        },
    ],
    ids=[
        "neither-file-nor-link",
        "both-file-and-link",
        "unknown-type",
        "format-without-original",
        "unknown-alternative-format",
        "alternative-without-format",
        "translation-without-language",
    ],
)
def test_the_database_refuses_a_bad_document(values):
    original = make_document()
    values = {key: (original if value == "original" else value) for key, value in values.items()}
    assert_database_refuses(lambda: Document.objects.create(title="T", slug="t", **values))


def test_the_database_refuses_a_document_that_is_its_own_alternative():
    document = make_document()
    assert_database_refuses(
        lambda: Document.objects.filter(pk=document.pk).update(
            alternative_of=document, alternative_format=AlternativeFormat.EASY_READ
        )
    )


@pytest.mark.parametrize(
    ("values", "field", "message"),
    [
        ({}, "url", "Upload a file or give an external link"),
        ({"url": "https://x.org/a", "alternative_of": "original"}, "alternative_format", "Say"),
        ({"url": "https://x.org/a", "alternative_format": "easy_read"}, "alternative_of", "Choose"),
        (
            {
                "url": "https://x.org/a",
                "alternative_of": "original",
                "alternative_format": "language",
            },
            "language",
            "Name the language",
        ),
        (
            {"url": "https://x.org/a", "alternative_of": "version", "alternative_format": "audio"},
            "alternative_of",
            "Choose the original, not another version",
        ),
    ],
)
def test_clean_explains_each_rule_on_its_field(values, field, message):
    original = make_document()
    version = make_document(alternative_of=original, alternative_format="easy_read")
    named = {"original": original, "version": version}
    values = {key: named.get(value, value) for key, value in values.items()}
    with pytest.raises(ValidationError) as caught:
        Document(title="T", slug="t", **values).full_clean()
    assert message in caught.value.message_dict[field][0]


def test_alternatives_say_what_they_are():
    original = make_document(title="Joint forward plan")
    urdu = make_document(alternative_of=original, alternative_format="language", language="Urdu")
    easy = make_document(alternative_of=original, alternative_format="easy_read")
    assert urdu.version_label == "Urdu translation"
    assert urdu.version_of_text == "This is a translation into Urdu of"
    assert easy.version_label == "Easy Read version"
    assert easy.version_of_text == "This is an Easy Read version of"
    assert list(Document.objects.originals()) == [original]


def test_a_stored_upload_keeps_the_type_its_content_showed():
    document = make_document(file=upload("plan.pdf", pdf_bytes(1)))
    document.file_format = "docx"
    document.full_clean()
    document.save()
    document.refresh_from_db()
    assert document.file_format == "pdf"
