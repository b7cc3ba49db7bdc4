"""Loads the publications and their documents from publications/data/publications.toml.

Through `core.seeding`: what is missing is created, and a field is updated only while staff
have not changed it since the loader wrote it; a publication or document staff deleted stays
deleted. Each document is an external link sharing its publication's source; its alternative
formats (Easy Read) point at their original.

Place plans are made from the place's own plan fields (`Place.plan_url`, `plan_period`,
`plan_source`), so the plan's link and period are written once, in places/data/places.toml.
"""

from pathlib import Path
from typing import Any

from core.seeding import LoadReport, find, read_toml, upsert
from documents.models import Document
from places.models import IntegratedCareSystem, Place
from publications.models import Publication, PublicationDocument, PublicationKind

DATA_FILE = Path(__file__).parent / "data" / "publications.toml"


def load_publications(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    data = read_toml(path)
    for row in data.get("publications", []):
        row = dict(row)
        documents = row.pop("documents", [])
        row["system"] = find(IntegratedCareSystem, row["system"])
        if row["system"] is None:
            continue  # it names a system staff deleted
        _load_one(row, documents, report=report)

    for row in data.get("place_plans", []):
        row = dict(row)
        place = find(Place, row.pop("place"))
        if place is None:
            continue
        document = {
            "slug": row["slug"],
            "title": row.pop("document_title"),
            "url": row.pop("url", "") or place.plan_url,
            "file_format": "html",
        }
        values = {
            **row,
            "kind": PublicationKind.PLAN,
            "system": place.system,
            "place": place,
            "period": place.plan_period,
            "source": place.plan_source or place.source,
        }
        _load_one(values, [document] if document["url"] else [], report=report)


def _load_one(row: dict[str, Any], documents: list[dict], *, report: LoadReport) -> None:
    publication = upsert(
        Publication,
        key={"slug": row.pop("slug")},
        values={"is_published": True, **row},
        report=report,
    )
    if publication is None:
        return
    for order, document in enumerate(documents, start=1):
        original = _load_document(document, publication, report=report)
        if original is None:
            continue
        upsert(
            PublicationDocument,
            key={"publication": publication, "document": original},
            values={"order": order},
            report=report,
        )


def _load_document(
    row: dict[str, Any],
    publication: Publication,
    *,
    report: LoadReport,
    original: Document | None = None,
) -> Document | None:
    row = dict(row)
    alternatives = row.pop("alternatives", [])
    values = {
        **publication.citation(),
        "published_on": publication.published_on,
        "published_on_precision": publication.published_on_precision,
        **row,
    }
    if original is not None:
        values["alternative_of"] = original
    document = upsert(Document, key={"slug": values.pop("slug")}, values=values, report=report)
    if document is not None:
        for alternative in alternatives:
            _load_document(alternative, publication, report=report, original=document)
    return document
