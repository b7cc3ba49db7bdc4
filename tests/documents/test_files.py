"""Uploads are checked by their content: only real PDF, Word, Excel, OpenDocument and CSV
files pass, under names that agree with what they are, and within the size limit."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.uploadedfile import SimpleUploadedFile

from documents.files import MAX_ZIP_ENTRIES, human_size, inspect_document
from tests.documents.samples import (
    CSV_BYTES,
    SAMPLES,
    many_entries_bytes,
    ooxml_bytes,
    pdf_bytes,
    zip_bomb_bytes,
    zip_bytes,
)


def inspect(name: str, content: bytes):
    return inspect_document(SimpleUploadedFile(name, content), name)


@pytest.mark.parametrize("kind", sorted(SAMPLES))
def test_each_accepted_format_is_recognised_by_its_content(kind):
    content = SAMPLES[kind]()
    found = inspect(f"Annual report.{kind.upper()}", content)
    assert found.file_format == kind
    assert found.size_bytes == len(content)


@pytest.mark.parametrize("pages", [1, 14])
def test_a_pdf_has_its_pages_counted(pages):
    assert inspect("plan.pdf", pdf_bytes(pages)).page_count == pages


def test_a_csv_with_a_byte_order_mark_and_negative_numbers_is_accepted():
    found = inspect("figures.csv", "\ufeffYear,Change\n2024,-3\n2025,-\n".encode())
    assert found.file_format == "csv"
    assert found.page_count is None


MZ = b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\0" * 64
ELF = b"\x7fELF\x02\x01\x01" + b"\0" * 64


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("report.pdf", MZ, "This file is a Windows program, not a document"),
        ("report.pdf", ELF, "This file is a Linux program"),
        ("data.csv", b"#!/bin/sh\nrm -rf /\n", "This file is a script"),
        ("data.csv", b"<!DOCTYPE html><html><body>Hi</body></html>", "a web page or other markup"),
        ("data.csv", b"Name,Link\nx,<script>alert(1)</script>\n", "a web page or other markup"),
        ("chart.csv", b'<svg xmlns="http://www.w3.org/2000/svg"></svg>', "a web page or other"),
        ("report.docx", pdf_bytes(2), "This file is a PDF, but its name ends .docx"),
        ("report.pdf", ooxml_bytes("docx"), r"a Word document \(.docx\), but its name ends .pdf"),
        ("report.xlsx", CSV_BYTES, "This file is a CSV file, but its name ends .xlsx"),
        ("report", pdf_bytes(1), "its name ends without an extension"),
        ("report.exe", pdf_bytes(1), "name it .pdf"),
        ("report.pdf", b"%PDF-1.7\nnot really a pdf\n", "This PDF is damaged or incomplete"),
        ("report.pdf", pdf_bytes(3)[:400], "This PDF is damaged or incomplete"),
        ("report.pdf", pdf_bytes(1, password="secret"), "password-protected or encrypted"),
        ("report.docx", zip_bomb_bytes(), "unpacks to far more than an office document"),
        (
            "report.docx",
            many_entries_bytes(MAX_ZIP_ENTRIES + 1),
            "unpacks to far more than an office document",
        ),
        ("report.docx", zip_bytes([("notes.txt", b"hello")]), "a ZIP archive, not a Word"),
        ("report.docx", b"PK\x03\x04 truncated", "damaged and cannot be opened"),
        (
            "report.docx",
            zip_bytes([("[Content_Types].xml", b"<Types/>"), ("word/vbaProject.bin", b"x")]),
            "contains macros",
        ),
        ("report.doc", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 64, "older Microsoft Office"),
        ("photo.csv", b"\x89PNG\r\n\x1a\n" + b"\0" * 32, "This file is an image"),
        ("data.csv", "caf\xe9,1\n".encode("latin-1"), "not UTF-8 text"),
        ("data.csv", b"a,b\x00c\n", "not a document that can be published"),
        ("data.csv", b"\n\n", "This CSV file has no rows"),
        ("data.csv", b"", "The file is empty"),
        (
            "data.csv",
            b'a,b\n=cmd|" /C calc"!A0,1\n',
            "Row 2 has a cell that a spreadsheet would run",
        ),
        ("data.csv", b'a,"b\n', "cannot be read as CSV"),
    ],
)
def test_uploads_that_are_refused(name, content, message):
    with pytest.raises(ValidationError, match=message):
        inspect(name, content)


def test_a_file_over_the_size_limit_is_refused_before_it_is_read(settings):
    settings.DOCUMENT_MAX_BYTES = 1024
    with pytest.raises(ValidationError, match=r"The file is 1.62 KB: at most 1 KB"):
        inspect("plan.pdf", b"%PDF-" + b"x" * 1654)
    assert inspect("plan.pdf", pdf_bytes(1)).file_format == "pdf"  # 400-odd bytes: fine


def test_the_size_limit_defaults_to_20_mb():
    from django.conf import settings

    assert settings.DOCUMENT_MAX_BYTES == 20 * 1024 * 1024


@pytest.mark.parametrize(
    ("size", "shown"),
    [
        (None, ""),
        (0, "0 bytes"),
        (1, "1 byte"),
        (900, "900 bytes"),
        (1024, "1 KB"),
        (327_680, "320 KB"),
        (1_258_291, "1.2 MB"),
        (1_234_567, "1.18 MB"),
        (20 * 1024 * 1024, "20 MB"),
        (1023 * 1024, "1023 KB"),
        (3 * 1024**3, "3 GB"),
    ],
)
def test_sizes_are_shown_as_gov_uk_shows_them(size, shown):
    assert human_size(size) == shown
