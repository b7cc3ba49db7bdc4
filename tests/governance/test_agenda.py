"""A meeting's agenda, papers and minutes: the database's rules for them, and the meeting's page
showing them (each document with its type, size, pages and other formats) in a constant
number of queries."""

import datetime

import pytest
from django.core.exceptions import ValidationError

from documents.models import AlternativeFormat
from governance.models import AgendaItem, Meeting, MeetingPaper, MeetingStatus
from tests import factories as f
from tests.helpers import assert_database_refuses, count_queries, page, text
from tests.html import parse


def held_meeting(**overrides) -> Meeting:
    return f.make_meeting(date=datetime.date(2025, 6, 4), status=MeetingStatus.HELD, **overrides)


@pytest.mark.django_db
def test_agenda_items_come_in_their_numbered_order():
    meeting = f.make_meeting()
    for order, title in [(3, "Any other business"), (1, "Welcome"), (2, "Finance report")]:
        f.make_agenda_item(meeting=meeting, order=order, title=title)
    assert [item.title for item in meeting.agenda_items.all()] == [
        "Welcome",
        "Finance report",
        "Any other business",
    ]


@pytest.mark.django_db
def test_an_agenda_number_is_used_once_per_meeting():
    meeting = f.make_meeting()
    f.make_agenda_item(meeting=meeting, order=1)
    f.make_agenda_item(meeting=f.make_meeting(), order=1)  # another meeting's item 1 is fine
    assert_database_refuses(lambda: AgendaItem.objects.create(meeting=meeting, order=1, title="x"))
    with pytest.raises(ValidationError, match="already has an item with this number"):
        AgendaItem(meeting=meeting, order=1, title="Again").full_clean()


@pytest.mark.django_db
def test_agenda_numbers_start_at_one():
    meeting = f.make_meeting()
    assert_database_refuses(lambda: AgendaItem.objects.create(meeting=meeting, order=0, title="x"))
    with pytest.raises(ValidationError):
        AgendaItem(meeting=meeting, order=0, title="Zero").full_clean()


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MeetingStatus.UPCOMING, MeetingStatus.CANCELLED])
def test_only_a_held_meeting_has_minutes(status):
    meeting = f.make_meeting(status=status, status_reason="Not quorate.")
    meeting.minutes = f.make_document()
    assert_database_refuses(meeting.save)
    with pytest.raises(ValidationError, match="mark it held first"):
        meeting.full_clean()


@pytest.mark.django_db
def test_minutes_are_not_approved_before_the_meeting():
    meeting = held_meeting(minutes=f.make_document())
    meeting.minutes_approved_on = meeting.date - datetime.timedelta(days=1)
    with pytest.raises(ValidationError, match="approved before the meeting"):
        meeting.full_clean()
    assert_database_refuses(meeting.save)


@pytest.mark.django_db
def test_a_paper_in_use_cannot_be_deleted():
    paper, minutes = f.make_document(), f.make_document()
    meeting = held_meeting(minutes=minutes)
    MeetingPaper.objects.create(meeting=meeting, document=paper)
    for document in (paper, minutes):
        with pytest.raises(Exception, match="protected"):
            document.delete()


@pytest.mark.django_db
def test_papers_list_each_paper_once_standalone_first_then_in_agenda_order():
    meeting = f.make_meeting()
    pack, questions, finance, plan = (
        f.make_document(title=title) for title in ["Pack", "Questions", "Finance", "Plan"]
    )
    MeetingPaper.objects.create(meeting=meeting, document=questions, order=2)
    MeetingPaper.objects.create(meeting=meeting, document=pack, order=1)
    f.make_agenda_item(meeting=meeting, order=2).papers.add(plan, pack)
    f.make_agenda_item(meeting=meeting, order=1).papers.add(finance)
    meeting = Meeting.objects.with_papers().get(pk=meeting.pk)
    assert [paper.title for paper in meeting.papers_in_order] == [
        "Pack",
        "Questions",
        "Finance",
        "Plan",
    ]


@pytest.mark.django_db
def test_meeting_page_shows_the_agenda_with_each_items_papers(client):
    meeting = held_meeting()
    f.make_agenda_item(
        meeting=meeting, order=2, title="Finance report", presenter="Finance director"
    )
    item = f.make_agenda_item(
        meeting=meeting, order=1, title="Winter plan", description="How the winter is planned."
    )
    plan = f.make_document(
        title="Winter plan 2025", url="https://example.org/winter.pdf", file_format="pdf"
    )
    f.make_document(
        title="Winter plan in Easy Read",
        url="https://example.org/winter-easy-read.pdf",
        alternative_of=plan,
        alternative_format=AlternativeFormat.EASY_READ,
    )
    item.papers.add(plan)
    tree = parse(page(client, meeting.get_absolute_url()))
    items = tree.select_one("#agenda-list").select("li[value]")
    assert [li.select_one("h3").text for li in items] == ["Winter plan", "Finance report"]
    assert [li.attrs["value"] for li in items] == ["1", "2"]
    first = " ".join(items[0].text.split())
    assert "How the winter is planned." in first
    assert "Winter plan 2025 PDF on example.org" in first
    assert "Easy Read" in first
    assert "Presented by Finance director" in items[1].text
    links = [a.attrs["href"] for a in items[0].select("a")]
    assert links == ["https://example.org/winter.pdf", "https://example.org/winter-easy-read.pdf"]
    papers = tree.select_one("#papers-list")
    assert "Winter plan 2025" in papers.text


@pytest.mark.django_db
def test_meeting_page_shows_the_minutes_once_published(client):
    minutes = f.make_document(title="Minutes of the June meeting")
    meeting = held_meeting(minutes=minutes, minutes_approved_on=datetime.date(2025, 7, 2))
    shown = text(page(client, meeting.get_absolute_url()))
    assert "Minutes Minutes of the June meeting" in shown
    assert "Approved on 2 July 2025." in shown
    assert "not published on this site yet" not in shown


@pytest.mark.django_db
def test_a_held_meeting_without_minutes_says_so_and_where_to_look(client):
    # Not "will be published after they are approved": the minutes of a meeting held years ago
    # were approved long since, only not put on this site.
    meeting = held_meeting()
    meeting.body.source_url = "https://example.org/board/papers"
    meeting.body.save()
    html = page(client, meeting.get_absolute_url())
    tree = parse(html)
    assert "The minutes are not published on this site yet." in text(html)
    assert "https://example.org/board/papers" in [a.attrs.get("href") for a in tree.select("a")]


@pytest.mark.django_db
def test_an_upcoming_meeting_says_nothing_of_minutes(client):
    shown = text(page(client, f.make_meeting().get_absolute_url()))
    assert "Minutes" not in shown
    assert "The agenda and papers are not published here yet." in shown


def _meeting_with(items: int, papers_each: int) -> Meeting:
    meeting = held_meeting(minutes=f.make_document())
    f.make_document(
        alternative_of=meeting.minutes, alternative_format=AlternativeFormat.LARGE_PRINT
    )
    for _ in range(items):
        item = f.make_agenda_item(meeting=meeting)
        for _ in range(papers_each):
            paper = f.make_document()
            f.make_document(alternative_of=paper, alternative_format=AlternativeFormat.AUDIO)
            item.papers.add(paper)
            MeetingPaper.objects.create(meeting=meeting, document=f.make_document())
    return meeting


@pytest.mark.django_db
def test_meeting_page_queries_do_not_grow_with_its_agenda_and_papers(client):
    counts = [
        count_queries(client, _meeting_with(items, papers_each).get_absolute_url())
        for items, papers_each in [(1, 1), (15, 4)]
    ]
    assert counts[0] == counts[1]
