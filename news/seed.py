"""Loads topics and the news items written from the seed documents (news/data/news.toml).

Through `core.seeding`: what is missing is created, a field is updated only while staff have
not changed it since the loader wrote it, and links the loader added once are not added again
after staff removed them. `publish_at` is written only when an item is created: whether an
item is published, scheduled or a draft is the comms team's decision from then on.
"""

from pathlib import Path

from alliances.models import Alliance
from core.richtext import markdown_to_html
from core.seeding import LoadReport, add_links, read_toml, upsert
from news.models import NewsItem, Topic
from partners.models import Organisation
from places.models import Place

DATA_FILE = Path(__file__).parent / "data" / "news.toml"


def load_news(*, report: LoadReport, path: Path = DATA_FILE) -> None:
    data = read_toml(path)
    for row in data.get("topics", []):
        slug = row.pop("slug")
        upsert(Topic, key={"slug": slug}, values=row, report=report)

    for row in data.get("items", []):
        slug = row.pop("slug")
        links = {
            "topics": (Topic, row.pop("topics", [])),
            "places": (Place, row.pop("places", [])),
            "alliances": (Alliance, row.pop("alliances", [])),
            "organisations": (Organisation, row.pop("organisations", [])),
        }
        publish_at = row.pop("publish_at", None)
        # Written in Markdown in the seed document; stored as the editor's cleaned HTML.
        row["body"] = markdown_to_html(row["body"])
        item = upsert(
            NewsItem,
            key={"slug": slug},
            values=row,
            create_only={"publish_at": publish_at},
            report=report,
        )
        if item is None:
            continue
        for field, (model, slugs) in links.items():
            targets = model.objects.filter(slug__in=slugs)
            add_links(item, field, targets, report=report)
