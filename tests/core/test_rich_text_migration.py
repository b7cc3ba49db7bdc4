"""The migrations that brought in the rich-text editor turned the site's Markdown into HTML,
once, losing nothing: run here on the real seeded news items, as Markdown in the database."""

import re

import pytest
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.utils.html import strip_tags

from core.richtext import markdown_to_html
from core.seeding import read_toml
from news.seed import DATA_FILE

BEFORE = [("news", "0003_comms_team_permissions"), ("core", "0001_initial")]
AFTER = [("news", "0004_rich_text")]


def migrate(targets):
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def words(text: str) -> list[str]:
    return re.findall(r"\w+", text)


@pytest.mark.django_db(transaction=True)
def test_seeded_markdown_news_becomes_html_with_every_word_link_and_heading_kept():
    seed = read_toml(DATA_FILE)["items"]
    assert len(seed) >= 4
    apps = migrate(BEFORE)
    NewsItem = apps.get_model("news", "NewsItem")
    HistoricalNewsItem = apps.get_model("news", "HistoricalNewsItem")
    LoadedValue = apps.get_model("core", "LoadedValue")
    for row in seed:
        item = NewsItem.objects.create(
            title=row["title"], slug=row["slug"], summary=row["summary"], body=row["body"]
        )
        HistoricalNewsItem.objects.create(
            id=item.pk, title=item.title, slug=item.slug, summary=item.summary, body=row["body"],
            preview_key="k", created_at=item.created_at, updated_at=item.updated_at,
            version=1, history_date=item.created_at, history_type="+",
        )  # fmt: skip
        LoadedValue.objects.create(
            model_label="news.newsitem", record_key=row["slug"], field_name="body",
            value=row["body"],
        )  # fmt: skip

    try:
        apps = migrate(AFTER)
        for row in seed:
            body = apps.get_model("news", "NewsItem").objects.get(slug=row["slug"]).body
            assert body == markdown_to_html(row["body"])
            assert body.startswith("<")
            # Every word, every link and every heading of the Markdown is in the HTML.
            assert words(strip_tags(body)) == words(
                re.sub(r"\]\([^)]*\)|[#*_\[\]]", " ", row["body"])
            )
            for url in re.findall(r"\]\((https?://[^)\s]+)\)", row["body"]):
                assert f'href="{url}"' in body
            for heading in re.findall(r"^## (.+)$", row["body"], re.M):
                assert f"<h2>{heading}</h2>" in body
            history = apps.get_model("news", "HistoricalNewsItem").objects.get(slug=row["slug"])
            assert history.body == body
            loaded = apps.get_model("core", "LoadedValue").objects.get(record_key=row["slug"])
            assert loaded.value == body
    finally:
        migrate(executor_leaf_nodes())


def executor_leaf_nodes():
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
