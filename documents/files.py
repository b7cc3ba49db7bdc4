"""Uploaded documents are checked by their content, never trusted by their name.

A file passes only if its bytes are one of the formats the portal publishes: PDF (pypdf must
open it, unencrypted, and count its pages), Word .docx and Excel .xlsx (Office Open XML), an
OpenDocument text or spreadsheet, or CSV (UTF-8 text the csv module reads). ZIP-based formats
are sized from their directory before anything is decompressed, so a zip bomb is refused
cheaply. The name's extension must agree with the content, so a PDF called "report.docx" is
refused with a message saying what it really is: staff notice the mistake instead of the
public downloading a file that will not open. The stored file gets a random name with the
extension of its real format (`document_path`).
"""

import csv
import io
import re
import uuid
import zipfile
from dataclasses import dataclass

from django.conf import settings
from django.core.exceptions import ValidationError
from pypdf import PdfReader
from pypdf.errors import PyPdfError

# What each accepted format is called in file names and sent as (the download's Content-Type).
CONTENT_TYPES = {
    "pdf": "application/pdf",
    "docx": "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    "odt": "application/vnd.oasis.opendocument.text",
    "ods": "application/vnd.oasis.opendocument.spreadsheet",
    "csv": "text/csv; charset=utf-8",
}
NAMES = {
    "pdf": "a PDF",
    "docx": "a Word document (.docx)",
    "xlsx": "an Excel spreadsheet (.xlsx)",
    "odt": "an OpenDocument text file (.odt)",
    "ods": "an OpenDocument spreadsheet (.ods)",
    "csv": "a CSV file",
}
ACCEPTED = "Upload a PDF, Word (.docx), Excel (.xlsx), OpenDocument (.odt, .ods) or CSV file."

# Office Open XML: the main part's content type, and the part itself, for each format.
# Macro-enabled and template variants have other content types, so they are refused too.
OOXML = {
    "docx": (
        "application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml",
        "word/document.xml",
    ),
    "xlsx": (
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml",
        "xl/workbook.xml",
    ),
}
ODF = {CONTENT_TYPES["odt"]: "odt", CONTENT_TYPES["ods"]: "ods"}

# A real office file has tens of entries and unpacks to a few times its size; these bounds are
# far above that and far below what would hurt the server that later opens one.
MAX_ZIP_ENTRIES = 2000
MAX_UNPACKED_BYTES = 250 * 1024 * 1024
MAX_UNPACK_RATIO = 200
MAX_XML_PART_BYTES = 2 * 1024 * 1024

# Contents recognised only to say clearly what they are when refusing them.
KNOWN_OTHERS = [
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a Linux program"),
    (b"\xcf\xfa\xed\xfe", "a macOS program"),
    (b"\xca\xfe\xba\xbe", "a macOS or Java program"),
    (b"#!", "a script"),
    (
        b"\xd0\xcf\x11\xe0",
        "an older Microsoft Office file (.doc or .xls): save it as .docx or .xlsx",
    ),
    (b"{\\rtf", "a rich text file (.rtf): save it as .docx or PDF"),
    (b"\x89PNG", "an image"),
    (b"\xff\xd8\xff", "an image"),
    (b"GIF8", "an image"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
    (b"\x1f\x8b", "a gzip archive"),
]
MARKUP = re.compile(rb"<\s*(?:!doctype|html|svg|script|\?xml|body|iframe)\b", re.IGNORECASE)
# A spreadsheet runs a cell starting like this as a formula; with "(" or "|" it can call a
# function or another program (CSV injection), which a published data file never needs.
FORMULA = re.compile(r"^[=+\-@].*[(|]")


@dataclass(frozen=True)
class Inspection:
    """What an accepted upload is: its format (a FileFormat value), size and PDF page count."""

    file_format: str
    size_bytes: int
    page_count: int | None = None


def human_size(size: int | None) -> str:
    """A size as GOV.UK shows an attachment's: "320 KB", "1.2 MB" (1,024-based, three
    significant figures, no trailing zeros)."""
    if size is None:
        return ""
    if size < 1024:
        return "1 byte" if size == 1 else f"{size} bytes"
    value = float(size)
    for unit in ["KB", "MB", "GB", "TB"]:
        value /= 1024
        if value < 1024 or unit == "TB":
            break
    figures = f"{value:.3g}"
    if "e" in figures:  # 3 significant figures of 100s and more: 1000 rather than 1e+03
        figures = f"{value:.0f}"
    return f"{figures} {unit}"


def inspect_document(file, name: str) -> Inspection:
    """Check an uploaded file's content (and that `name`'s extension agrees with it).

    Raises ValidationError with a message for staff when the file is refused.
    """
    limit = settings.DOCUMENT_MAX_BYTES
    size = file.size
    if size > limit:
        raise ValidationError(
            f"The file is {human_size(size)}: at most {human_size(limit)}. "
            "Make it smaller (or split it) and try again.",
            code="too_large",
        )
    if not size:
        raise ValidationError("The file is empty.", code="empty")
    file.seek(0)
    try:
        data = file.read()
    finally:
        file.seek(0)
    found, page_count = _identify(data)
    extension = name.rsplit(".", 1)[1].lower() if "." in name else ""
    if extension != found:
        raise ValidationError(
            f"This file is {NAMES[found]}, but its name ends "
            f"{'.' + extension if extension else 'without an extension'}. "
            f"Check it is the file you meant, then name it .{found} and upload it again.",
            code="wrong_extension",
        )
    return Inspection(file_format=found, size_bytes=size, page_count=page_count)


def _identify(data: bytes) -> tuple[str, int | None]:
    """The accepted format of `data` and its page count, or a ValidationError."""
    if data.startswith(b"%PDF-"):
        return "pdf", _pdf_pages(data)
    if data.startswith(b"PK\x03\x04"):
        return _zip_format(data), None
    for magic, what in KNOWN_OTHERS:
        if data.startswith(magic):
            raise ValidationError(f"This file is {what}, not a document. {ACCEPTED}", code="type")
    _check_csv(data)
    return "csv", None


def _pdf_pages(data: bytes) -> int:
    try:
        reader = PdfReader(io.BytesIO(data))
        if reader.is_encrypted:
            raise ValidationError(
                "This PDF is password-protected or encrypted, so readers may not be able to "
                "open it. Save a copy without a password and upload that.",
                code="encrypted",
            )
        pages = len(reader.pages)
    except ValidationError:
        raise
    except (PyPdfError, ValueError, KeyError, TypeError, AttributeError, IndexError, OSError):
        # pypdf reports a damaged file through several exception types.
        pages = 0
    if not pages:
        raise ValidationError(
            "This PDF is damaged or incomplete and cannot be opened. Save it again from the "
            "program that made it and upload the new copy.",
            code="broken_pdf",
        )
    return pages


def _zip_format(data: bytes) -> str:
    not_office = ValidationError(
        f"This file is a ZIP archive, not a Word, Excel or OpenDocument file. {ACCEPTED}",
        code="type",
    )
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        entries = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, ValueError, OSError):
        raise ValidationError(
            "This file looks like an office document but is damaged and cannot be opened.",
            code="broken_zip",
        ) from None
    with archive:
        # Sized from the archive's directory, before anything is decompressed: zipfile never
        # inflates an entry past the size its directory gives, so these bounds hold.
        unpacked = sum(entry.file_size for entry in entries)
        if (
            len(entries) > MAX_ZIP_ENTRIES
            or unpacked > MAX_UNPACKED_BYTES
            or unpacked > MAX_UNPACK_RATIO * max(len(data), 1)
        ):
            raise ValidationError(
                "This file unpacks to far more than an office document does "
                f"({len(entries)} parts, {human_size(unpacked)}), so it is refused.",
                code="zip_bomb",
            )
        if any(entry.flag_bits & 0x1 for entry in entries):
            raise ValidationError(
                "This document is password-protected. Save a copy without a password and "
                "upload that.",
                code="encrypted",
            )
        names = {entry.filename for entry in entries}
        if any(name.lower().endswith("vbaproject.bin") for name in names):
            raise ValidationError(
                "This document contains macros, which are not published. Save it as a "
                "macro-free .docx or .xlsx and upload that.",
                code="macros",
            )
        if entries[0].filename == "mimetype":
            kind = ODF.get(_read(archive, entries[0]).strip().decode("ascii", "replace"))
            if kind:
                return kind
            raise not_office
        if "[Content_Types].xml" in names:
            types = _read(archive, archive.getinfo("[Content_Types].xml"))
            for kind, (content_type, main_part) in OOXML.items():
                if content_type.encode() in types and main_part in names:
                    return kind
        raise not_office


def _read(archive: zipfile.ZipFile, entry: zipfile.ZipInfo) -> bytes:
    if entry.file_size > MAX_XML_PART_BYTES:
        raise ValidationError("This document's parts are too large to check.", code="zip_bomb")
    try:
        return archive.read(entry)
    except (zipfile.BadZipFile, ValueError, OSError, NotImplementedError):
        raise ValidationError(
            "This file looks like an office document but is damaged and cannot be opened.",
            code="broken_zip",
        ) from None


def _check_csv(data: bytes) -> None:
    not_text = ValidationError(f"This file is not a document that can be published. {ACCEPTED}")
    if b"\x00" in data:
        raise not_text
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ValidationError(
            "This file is not UTF-8 text, so it is not a CSV file that can be published. "
            'Save it from your spreadsheet as "CSV UTF-8". ' + ACCEPTED,
            code="type",
        ) from None
    if MARKUP.search(data):
        raise ValidationError(
            f"This file is a web page or other markup (HTML, SVG or XML), not a document. "
            f"{ACCEPTED}",
            code="type",
        )
    rows = 0
    try:
        for number, row in enumerate(
            csv.reader(io.StringIO(text, newline=""), strict=True), start=1
        ):
            rows += bool(row)
            for cell in row:
                if FORMULA.match(cell.strip()):
                    raise ValidationError(
                        f"Row {number} has a cell that a spreadsheet would run as a formula "
                        f"({cell.strip()[:40]!r}). Publish the values, not formulas.",
                        code="formula",
                    )
    except csv.Error as error:
        raise ValidationError(
            f"This file cannot be read as CSV ({error}). {ACCEPTED}", code="type"
        ) from None
    if not rows:
        raise ValidationError("This CSV file has no rows.", code="empty")


def document_path(instance, filename: str) -> str:
    """A random name with the extension of the file's real format (set by the model's check
    of the upload); the uploaded name is never used."""
    return f"documents/{uuid.uuid4().hex}.{instance.file_format or 'bin'}"
