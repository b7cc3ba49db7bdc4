"""The Governance team keeps documents in the admin (uploads checked, alternatives inline,
autocomplete for other admins); the Comms team and Partner editors cannot."""

import re

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from documents.models import Document
from tests.documents.samples import pdf_bytes
from tests.factories import make_document

pytestmark = pytest.mark.django_db

ADD = reverse("admin:documents_document_add")


def document_form(**changes) -> dict:
    """What the admin's "Add document" page posts; `changes` override fields."""
    data = {
        "title": "Joint forward plan",
        "slug": "joint-forward-plan",
        "published_on": "",
        "published_on_precision": "day",
        "url": "",
        "file_format": "",
        "alternative_of": "",
        "alternative_format": "",
        "language": "",
        "source": "",
        "source_url": "",
        "source_date": "",
        "source_date_precision": "day",
        "confidence": "medium",
        "loaded_version": "",
        "alternatives-TOTAL_FORMS": "0",
        "alternatives-INITIAL_FORMS": "0",
        "_save": "Save",
    }
    data.update(changes)
    return data


def test_the_governance_team_adds_an_upload_stored_under_a_random_name(client_as):
    client = client_as("governance team")
    page = client.get(ADD)
    assert page.status_code == 200
    assert 'enctype="multipart/form-data"' in page.content.decode()
    response = client.post(
        ADD, document_form(file=SimpleUploadedFile("../JFP final v3.pdf", pdf_bytes(14)))
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    document = Document.objects.get()
    assert re.fullmatch(r"documents/[0-9a-f]{32}\.pdf", document.file.name)
    assert (document.file_format, document.page_count) == ("pdf", 14)
    assert document.history.count() == 1
    change = client.get(reverse("admin:documents_document_change", args=[document.pk]))
    assert "14" in change.content.decode()
    assert "joint-forward-plan.pdf" in change.content.decode()


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", b"MZ\x90\x00" + b"\0" * 60, "This file is a Windows program"),
        ("report.docx", pdf_bytes(1), "This file is a PDF, but its name ends .docx"),
        ("data.csv", b"<html><body>x</body></html>", "a web page or other markup"),
    ],
)
def test_a_refused_upload_is_a_form_error(client_as, name, content, message):
    response = client_as("governance team").post(
        ADD, document_form(file=SimpleUploadedFile(name, content))
    )
    assert response.status_code == 200
    assert message in response.content.decode()
    assert not Document.objects.exists()


def test_an_oversized_upload_is_a_form_error(client_as, settings):
    settings.DOCUMENT_MAX_BYTES = 100
    response = client_as("governance team").post(
        ADD, document_form(file=SimpleUploadedFile("plan.pdf", pdf_bytes(1)))
    )
    assert response.status_code == 200
    assert "at most 100 bytes" in response.content.decode()
    assert not Document.objects.exists()


def test_an_original_and_its_alternatives_are_added_together(client_as):
    response = client_as("governance team").post(
        ADD,
        document_form(
            url="https://www.example.org/plan",
            file_format="html",
            **{
                "alternatives-TOTAL_FORMS": "2",
                "alternatives-0-alternative_format": "easy_read",
                "alternatives-0-title": "Joint forward plan: Easy Read",
                "alternatives-0-slug": "joint-forward-plan-easy-read",
                "alternatives-0-file": SimpleUploadedFile("easy.pdf", pdf_bytes(4)),
                "alternatives-1-alternative_format": "language",
                "alternatives-1-language": "Urdu",
                "alternatives-1-title": "Joint forward plan in Urdu",
                "alternatives-1-slug": "joint-forward-plan-urdu",
                "alternatives-1-url": "https://www.example.org/plan-urdu",
            },
        ),
    )
    assert response.status_code == 302, response.content.decode()[:3000]
    original = Document.objects.get(slug="joint-forward-plan")
    versions = {d.slug: d for d in original.alternatives.all()}
    assert set(versions) == {"joint-forward-plan-easy-read", "joint-forward-plan-urdu"}
    assert versions["joint-forward-plan-easy-read"].page_count == 4
    assert versions["joint-forward-plan-urdu"].language == "Urdu"


def test_an_alternative_added_inline_without_its_format_is_a_form_error(client_as):
    response = client_as("governance team").post(
        ADD,
        document_form(
            url="https://www.example.org/plan",
            **{
                "alternatives-TOTAL_FORMS": "1",
                "alternatives-0-title": "Plan, another version",
                "alternatives-0-slug": "plan-other",
                "alternatives-0-url": "https://www.example.org/plan-other",
            },
        ),
    )
    assert response.status_code == 200
    assert "Say which format this version is" in response.content.decode()
    assert not Document.objects.exists()


def test_a_translation_without_its_language_is_a_form_error(client_as):
    original = make_document()
    response = client_as("governance team").post(
        ADD,
        document_form(
            url="https://www.example.org/x",
            alternative_of=str(original.pk),
            alternative_format="language",
        ),
    )
    assert response.status_code == 200
    assert "Name the language of the translation" in response.content.decode()


@pytest.mark.parametrize("role", ["comms team", "partner editor"])
def test_other_staff_cannot_open_or_add_documents(client_as, role):
    document = make_document()
    client = client_as(role)
    for url in [
        reverse("admin:documents_document_changelist"),
        ADD,
        reverse("admin:documents_document_change", args=[document.pk]),
    ]:
        assert client.get(url).status_code == 403, url
    response = client.post(ADD, document_form(url="https://www.example.org/x"))
    assert response.status_code == 403
    assert Document.objects.count() == 1


def autocomplete(client, term: str):
    return client.get(
        reverse("admin:autocomplete"),
        {
            "app_label": "documents",
            "model_name": "document",
            "field_name": "alternative_of",
            "term": term,
        },
    )


def test_the_governance_team_finds_documents_by_autocomplete(client_as):
    make_document(title="Joint forward plan 2025", slug="jfp-2025")
    make_document(title="Annual report", slug="annual-report")
    response = autocomplete(client_as("governance team"), "forward")
    assert response.status_code == 200
    assert [result["text"] for result in response.json()["results"]] == ["Joint forward plan 2025"]
    by_slug = autocomplete(client_as("governance team"), "annual-report").json()["results"]
    assert [result["text"] for result in by_slug] == ["Annual report"]


def test_the_comms_team_gets_no_documents_by_autocomplete(client_as):
    make_document(title="Joint forward plan 2025")
    assert autocomplete(client_as("comms team"), "forward").status_code == 403
