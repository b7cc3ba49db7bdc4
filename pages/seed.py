"""Loads the standing pages' text from the seed document (pages/data/pages.toml).

Through `core.seeding`, like every other record: missing pages are created (published, as the
site links to them), a field is updated only while staff have not changed it, and the
Markdown of the file is stored as the editor's cleaned HTML.
"""

import datetime
from pathlib import Path

from core.richtext import markdown_to_html
from core.seeding import LoadReport, read_toml, upsert
from pages.models import Page

DATA_FILE = Path(__file__).parent / "data" / "pages.toml"
# When the standing pages were first published: the day their text was written.
FIRST_PUBLISHED = datetime.datetime(2026, 11, 26, tzinfo=datetime.UTC)


def load_pages(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    for row in read_toml(path).get("pages", []):
        key = row.pop("key")
        row["body"] = markdown_to_html(row["body"])
        upsert(
            Page,
            key={"key": key},
            values=row,
            create_only={"publish_at": FIRST_PUBLISHED},
            report=report,
        )
