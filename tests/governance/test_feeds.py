"""The RSS feed of meeting papers and minutes: a paper or minutes added to a meeting appears,
newest first, titled with its meeting and linking to the meeting's page; bounded, and in a
constant number of queries."""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from documents.models import Document
from governance.models import MeetingPaper, MeetingStatus
from tests import factories as f
from tests.helpers import page

FEED = "/governance/papers/feed/"


def feed_items(client) -> list[dict]:
    response = client.get(FEED)
    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/rss+xml")
    channel = ET.fromstring(response.content).find("channel")  # noqa: S314 (our own feed)
    return [{child.tag: child.text for child in item} for item in channel.findall("item")]


def added(document: Document, days_ago: int) -> Document:
    """Back-date when the document was added (auto_now_add cannot be set on create)."""
    Document.objects.filter(pk=document.pk).update(
        added_at=timezone.now() - datetime.timedelta(days=days_ago)
    )
    return document


@pytest.mark.django_db
def test_new_papers_and_minutes_are_in_the_feed_newest_first(client):
    body = f.make_body(name="Test Board")
    meeting = f.make_meeting(
        body=body, slug="june", date=datetime.date(2025, 6, 4), status=MeetingStatus.HELD
    )
    pack = added(f.make_document(title="Papers pack"), days_ago=30)
    plan = added(f.make_document(title="Winter plan"), days_ago=20)
    minutes = added(f.make_document(title="Minutes"), days_ago=1)
    MeetingPaper.objects.create(meeting=meeting, document=pack)
    item = f.make_agenda_item(meeting=meeting)
    item.papers.add(plan, pack)  # the pack is listed once, though on the agenda too
    meeting.minutes = minutes
    meeting.save()
    f.make_document(title="Not a meeting's document")
    items = feed_items(client)
    assert [entry["title"] for entry in items] == [
        "Test Board: 4 June 2025: Minutes",
        "Test Board: 4 June 2025: Winter plan",
        "Test Board: 4 June 2025: Papers pack",
    ]
    assert items[0]["link"] == "http://testserver/governance/meetings/june/#minutes"
    assert items[1]["link"] == "http://testserver/governance/meetings/june/#papers"
    assert (
        items[0]["description"]
        == "Minutes of the meeting of the Test Board on Wednesday 4 June 2025."
    )
    assert len({entry["guid"] for entry in items}) == 3


@pytest.mark.django_db
def test_the_feed_holds_the_latest_twenty(client):
    meeting = f.make_meeting()
    for n in range(25):
        paper = added(f.make_document(title=f"Paper {n}"), days_ago=n)
        MeetingPaper.objects.create(meeting=meeting, document=paper, order=n + 1)
    titles = [entry["title"].rsplit(": ", 1)[1] for entry in feed_items(client)]
    assert titles == [f"Paper {n}" for n in range(20)]


@pytest.mark.django_db
def test_the_feed_runs_a_constant_number_of_queries(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            feed_items(client)
        return len(captured)

    meeting = f.make_meeting()
    MeetingPaper.objects.create(meeting=meeting, document=f.make_document())
    few = queries()
    for _ in range(10):
        other = f.make_meeting(date=datetime.date(2025, 1, 8), status=MeetingStatus.HELD)
        MeetingPaper.objects.create(meeting=other, document=f.make_document())
        f.make_agenda_item(meeting=other).papers.add(f.make_document())
        other.minutes = f.make_document()
        other.save()
    assert queries() == few


@pytest.mark.django_db
def test_meetings_pages_point_feed_readers_at_the_feed(client):
    meeting = f.make_meeting()
    link = (
        'type="application/rss+xml" title="Meeting papers and minutes (RSS)" '
        'href="/governance/papers/feed/"'
    )
    for url in [
        "/governance/meetings/",
        meeting.get_absolute_url(),
        meeting.body.get_absolute_url(),
    ]:
        assert link in page(client, url)
