"""Loads topics and the news items written from the seed documents (news/data/news.toml)."""

from pathlib import Path

from alliances.models import Alliance
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
        row["body"] = row["body"].strip()
        item = upsert(NewsItem, key={"slug": slug}, values=row, report=report)
        for field, (model, slugs) in links.items():
            add_links(getattr(item, field), list(model.objects.filter(slug__in=slugs)))
