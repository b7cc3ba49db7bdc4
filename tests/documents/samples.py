"""Tiny real files of each accepted format, made in the test run, and hostile ones."""

import io
import zipfile

from pypdf import PdfWriter

DOCX_TYPES = (
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    '<Override PartName="/{part}" ContentType="{content_type}"/>'
    "</Types>"
)
WORD_MAIN = "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"
EXCEL_MAIN = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"


def pdf_bytes(pages: int = 1, *, password: str = "") -> bytes:
    writer = PdfWriter()
    for _ in range(pages):
        writer.add_blank_page(width=595, height=842)
    if password:
        writer.encrypt(password)
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()


def zip_bytes(entries: list[tuple[str, bytes]], *, stored_first: bool = False) -> bytes:
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        for index, (name, data) in enumerate(entries):
            method = zipfile.ZIP_STORED if stored_first and index == 0 else zipfile.ZIP_DEFLATED
            archive.writestr(name, data, compress_type=method)
    return out.getvalue()


def ooxml_bytes(kind: str) -> bytes:
    part, content_type = {
        "docx": ("word/document.xml", WORD_MAIN),
        "xlsx": ("xl/workbook.xml", EXCEL_MAIN),
    }[kind]
    return zip_bytes(
        [
            (
                "[Content_Types].xml",
                DOCX_TYPES.format(part=part, content_type=content_type).encode(),
            ),
            ("_rels/.rels", b'<?xml version="1.0"?><Relationships/>'),
            (part, b'<?xml version="1.0"?><document/>'),
        ]
    )


def odf_bytes(kind: str) -> bytes:
    mimetype = {
        "odt": "application/vnd.oasis.opendocument.text",
        "ods": "application/vnd.oasis.opendocument.spreadsheet",
    }[kind]
    return zip_bytes(
        [
            ("mimetype", mimetype.encode()),
            ("content.xml", b'<?xml version="1.0"?><office:document-content/>'),
            ("META-INF/manifest.xml", b'<?xml version="1.0"?><manifest/>'),
        ],
        stored_first=True,
    )


CSV_BYTES = b"Place,Population\nSheffield,556500\nRotherham,268400\n"

SAMPLES = {
    "pdf": lambda: pdf_bytes(3),
    "docx": lambda: ooxml_bytes("docx"),
    "xlsx": lambda: ooxml_bytes("xlsx"),
    "odt": lambda: odf_bytes("odt"),
    "ods": lambda: odf_bytes("ods"),
    "csv": lambda: CSV_BYTES,
}


def zip_bomb_bytes() -> bytes:
    """A docx-looking archive whose one part unpacks to 40 MB of zeros (about 40 KB)."""
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        archive.writestr(
            "[Content_Types].xml",
            DOCX_TYPES.format(part="word/document.xml", content_type=WORD_MAIN),
        )
        with archive.open("word/document.xml", "w", force_zip64=True) as part:
            chunk = b"\0" * (1024 * 1024)
            for _ in range(40):
                part.write(chunk)
    return out.getvalue()


def many_entries_bytes(count: int) -> bytes:
    return zip_bytes(
        [
            (
                "[Content_Types].xml",
                DOCX_TYPES.format(part="word/document.xml", content_type=WORD_MAIN).encode(),
            ),
            ("word/document.xml", b"<document/>"),
            *[(f"word/media/{n}.xml", b"") for n in range(count)],
        ]
    )
