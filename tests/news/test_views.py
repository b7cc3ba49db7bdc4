"""The public news pages and feeds."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.utils import timezone

from news.models import NewsItem, Topic
from tests.factories import make_news_item


@pytest.mark.django_db
def test_news_is_newest_first_and_linked_as_feeds(client, seeded):
    html = client.get("/news/").content.decode()
    titles = list(NewsItem.objects.published().newest_first().values_list("title", flat=True))
    positions = [html.index(title) for title in titles]
    assert positions == sorted(positions)
    assert '<link rel="alternate" type="application/rss+xml"' in html
    assert '<link rel="alternate" type="application/atom+xml"' in html


@pytest.mark.django_db
def test_news_filters_by_place_and_topic(client, seeded):
    york = client.get("/news/?place=york").content.decode()
    assert "Proposal to establish a new York Health and Care Alliance" in york
    assert "The transition year begins" not in york
    topic = Topic.objects.get(slug="integration")
    integration = client.get(f"/news/?topic={topic.slug}").content.decode()
    assert "The transition year begins" not in integration
    assert "White Paper" in integration


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["place=atlantis", "topic=nothing", "place=%00"])
def test_bad_news_filters_are_a_form_error(client, seeded, query):
    response = client.get(f"/news/?{query}")
    assert response.status_code == 400
    assert "<title>Error: News" in response.content.decode()


@pytest.mark.django_db
def test_news_is_paginated_and_a_bad_page_is_404(client, db):
    now = timezone.now()
    for n in range(12):
        make_news_item(title=f"Item number {n:02}", publish_at=now - datetime.timedelta(hours=n))
    first = client.get("/news/").content.decode()
    assert "Item number 00" in first
    assert "Item number 11" not in first
    assert "Item number 11" in client.get("/news/?page=2").content.decode()
    assert client.get("/news/?page=3").status_code == 404
    assert client.get("/news/?page=-1").status_code == 404


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "item_tag"),
    [("/news/feed/", "item"), ("/news/atom/", "{http://www.w3.org/2005/Atom}entry")],
)
def test_feeds_are_well_formed_and_list_published_items(client, seeded, url, item_tag):
    make_news_item(title="Not yet", publish_at=timezone.now() + datetime.timedelta(days=1))
    response = client.get(url)
    root = ET.fromstring(response.content)  # noqa: S314 (our own feed, in a test)
    entries = list(root.iter(item_tag))
    assert len(entries) == NewsItem.objects.published().count() == 4
    assert b"Not yet" not in response.content


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("url", "item_tag", "title_tag"),
    [
        ("/news/feed/", "item", "title"),
        ("/news/atom/", "{http://www.w3.org/2005/Atom}entry", "{http://www.w3.org/2005/Atom}title"),
    ],
)
def test_feeds_hold_the_latest_ten_items(client, seeded, url, item_tag, title_tag):
    for n in range(12):
        make_news_item(title=f"Recent {n}", publish_at=timezone.now() - datetime.timedelta(hours=n))
    root = ET.fromstring(client.get(url).content)  # noqa: S314 (our own feed, in a test)
    titles = [entry.find(title_tag).text for entry in root.iter(item_tag)]
    assert titles == [f"Recent {n}" for n in range(10)]


@pytest.mark.django_db
def test_a_news_item_page_links_to_what_it_is_about(client, seeded):
    html = client.get("/news/york-health-and-care-alliance-proposed/").content.decode()
    assert 'href="/alliances/york-health-and-care-alliance/"' in html
    assert 'href="/places/york/"' in html
    assert "<h2>What happens next</h2>" in html
