"""Meetings as iCalendar files, read back with the `icalendar` package: the right UTC instant
in winter, in summer and on the days the clocks change; all-day events when the time is not
published; cancelled and postponed meetings; what the subscribable calendar holds."""

import datetime

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from icalendar import Calendar

from governance.models import MeetingStatus
from tests import factories as f
from tests.helpers import page, text

UTC = datetime.UTC


def download(client, url: str) -> Calendar:
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def only_event(calendar: Calendar):
    [event] = calendar.events
    return event


def calendar_url(meeting) -> str:
    return f"/governance/meetings/{meeting.slug}/calendar.ics"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("day", "uk_time", "utc_instant"),
    [
        # Winter: GMT, UK time is UTC.
        (
            datetime.date(2026, 1, 14),
            datetime.time(10),
            datetime.datetime(2026, 1, 14, 10, tzinfo=UTC),
        ),
        # Summer: BST, an hour ahead of UTC.
        (
            datetime.date(2026, 7, 8),
            datetime.time(10),
            datetime.datetime(2026, 7, 8, 9, tzinfo=UTC),
        ),
        # The clocks go forward at 1am UTC on 29 March 2026: 10am that day is BST.
        (
            datetime.date(2026, 3, 29),
            datetime.time(10),
            datetime.datetime(2026, 3, 29, 9, tzinfo=UTC),
        ),
        # ...and back at 1am UTC on 25 October 2026: 10am that day is GMT again.
        (
            datetime.date(2026, 10, 25),
            datetime.time(10),
            datetime.datetime(2026, 10, 25, 10, tzinfo=UTC),
        ),
    ],
)
def test_a_meetings_file_gives_the_right_instant_across_the_clock_changes(
    client, day, uk_time, utc_instant
):
    meeting = f.make_meeting(date=day, start_time=uk_time)
    calendar = download(client, calendar_url(meeting))
    event = only_event(calendar)
    start = event.decoded("dtstart")
    assert start.astimezone(UTC) == utc_instant
    assert event["dtstart"].params["TZID"] == "Europe/London"
    # The time zone travels with the file, so a client need not know Europe/London itself.
    [zone] = calendar.timezones
    assert zone["tzid"] == "Europe/London"
    assert zone.to_tz().utcoffset(start.replace(tzinfo=None)) == start.utcoffset()
    assert "DTEND" not in event  # no source gives how long a meeting lasts


@pytest.mark.django_db
def test_a_meetings_file_is_a_download_naming_the_meeting(client):
    body = f.make_body(name="Sheffield Place Committee", question_deadline_hours=24)
    meeting = f.make_meeting(
        body=body,
        slug="sheffield-2026-07-08",
        date=datetime.date(2026, 7, 8),
        start_time=datetime.time(14, 30),
        venue="Town Hall",
        address="Pinstone Street\nSheffield",
        online=True,
    )
    response = client.get(calendar_url(meeting))
    assert response["Content-Disposition"] == 'attachment; filename="sheffield-2026-07-08.ics"'
    calendar = Calendar.from_ical(response.content)
    assert calendar["version"] == "2.0"
    assert calendar["prodid"]
    event = only_event(calendar)
    assert event["uid"] == "sheffield-2026-07-08@meetings.governance.icsportal"
    assert event.decoded("dtstamp").tzinfo is not None
    assert event["summary"] == "Sheffield Place Committee meeting"
    assert event["location"] == "Town Hall, Pinstone Street, Sheffield (and online)"
    assert event["url"] == "http://testserver/governance/meetings/sheffield-2026-07-08/"
    assert event["status"] == "CONFIRMED"
    assert "Status: Upcoming." in event["description"]
    assert "Send your question by 2:30pm on Tuesday 7 July 2026 (UK time)." in event["description"]


@pytest.mark.django_db
def test_the_uid_is_the_same_on_every_download(client):
    meeting = f.make_meeting(start_time=datetime.time(9))
    first = only_event(download(client, calendar_url(meeting)))
    second = only_event(download(client, calendar_url(meeting)))
    assert first["uid"] == second["uid"]


@pytest.mark.django_db
def test_a_meeting_without_a_published_time_is_an_all_day_event(client):
    meeting = f.make_meeting(date=datetime.date(2026, 9, 2), online=True)
    event = only_event(download(client, calendar_url(meeting)))
    assert event.decoded("dtstart") == datetime.date(2026, 9, 2)
    assert event["dtstart"].params.get("VALUE") == "DATE"
    assert event["location"] == "Online"
    assert "The time is not published yet." in event["description"]


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MeetingStatus.CANCELLED, MeetingStatus.POSTPONED])
def test_a_called_off_meeting_is_cancelled_in_calendars_with_its_reason(client, status):
    meeting = f.make_meeting(
        start_time=datetime.time(10), status=status, status_reason="It would not be quorate."
    )
    event = only_event(download(client, calendar_url(meeting)))
    assert event["status"] == "CANCELLED"
    assert event["summary"].startswith(f"{status.label}: ")
    assert "Reason: It would not be quorate." in event["description"]


@pytest.mark.django_db
def test_an_unknown_meeting_has_no_file(client):
    assert client.get("/governance/meetings/no-such-meeting/calendar.ics").status_code == 404


@pytest.mark.django_db
def test_the_calendar_holds_upcoming_meetings_and_the_past_twelve_months(client):
    today = datetime.date.today()
    body = f.make_body()
    for slug, days in [("next-month", 30), ("next-year", 400), ("last-month", -30), ("old", -400)]:
        f.make_meeting(body=body, slug=slug, date=today + datetime.timedelta(days=days))
    calendar = download(client, "/governance/meetings.ics")
    uids = {str(event["uid"]).split("@")[0] for event in calendar.events}
    assert uids == {"next-month", "next-year", "last-month"}
    assert "Content-Disposition" not in client.get("/governance/meetings.ics")
    assert calendar["x-wr-calname"].endswith(": meetings")


@pytest.mark.django_db
def test_a_calendar_with_no_meetings_in_its_window_is_still_valid(client):
    # RFC 5545 needs at least one component: an empty window still carries the UK time zone.
    f.make_meeting(date=datetime.date.today() - datetime.timedelta(days=400))
    calendar = download(client, "/governance/meetings.ics")
    assert calendar.events == []
    [zone] = calendar.timezones
    assert zone["tzid"] == "Europe/London"


@pytest.mark.django_db
def test_the_calendar_narrows_to_one_body(client):
    ours = f.make_body(name="Our Board", slug="our-board")
    f.make_meeting(body=ours, slug="ours")
    f.make_meeting(slug="theirs")
    calendar = download(client, "/governance/meetings.ics?body=our-board")
    assert [str(event["uid"]).split("@")[0] for event in calendar.events] == ["ours"]
    assert calendar["x-wr-calname"] == "Our Board: meetings"


@pytest.mark.django_db
@pytest.mark.parametrize("query", ["body=no-such-body", "body=%00", "body=../x"])
def test_an_unknown_body_is_not_found(client, query):
    assert client.get(f"/governance/meetings.ics?{query}").status_code == 404


@pytest.mark.django_db
def test_the_calendar_runs_a_constant_number_of_queries(client):
    def queries() -> int:
        with CaptureQueriesContext(connection) as captured:
            download(client, "/governance/meetings.ics")
        return len(captured)

    f.make_meeting(start_time=datetime.time(10))
    few = queries()
    for n in range(20):
        f.make_meeting(
            start_time=datetime.time(10), date=datetime.date.today() + datetime.timedelta(days=n)
        )
    assert queries() == few


@pytest.mark.django_db
def test_meeting_pages_link_their_calendars(client):
    body = f.make_body(slug="our-board")
    meeting = f.make_meeting(body=body)
    assert f'href="{calendar_url(meeting)}"' in page(client, meeting.get_absolute_url())
    assert 'href="/governance/meetings.ics?body=our-board"' in page(client, body.get_absolute_url())
    assert 'href="/governance/meetings.ics"' in page(client, "/governance/meetings/")
    filtered = page(client, "/governance/meetings/?body=our-board")
    assert 'href="/governance/meetings.ics?body=our-board"' in filtered


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("ahead", "behind", "kept_ahead", "kept_behind"),
    [
        # More than the limit: every upcoming meeting, then the most recent past ones.
        (130, 120, 130, 70),
        # More upcoming than the limit: the soonest ones, and none of the past.
        (230, 20, 200, 0),
        # Within the limit: all of them.
        (50, 40, 50, 40),
    ],
)
def test_the_calendar_holds_at_most_200_meetings_the_upcoming_first(
    client, ahead, behind, kept_ahead, kept_behind
):
    def slug(days: int) -> str:
        return f"in-{days}-days" if days > 0 else f"{-days}-days-ago"

    today = datetime.date.today()
    body = f.make_body(slug="our-board")
    for days in [*range(1, ahead + 1), *range(-1, -behind - 1, -1)]:
        f.make_meeting(body=body, slug=slug(days), date=today + datetime.timedelta(days))
    expected = [slug(days) for days in range(-kept_behind, kept_ahead + 1) if days]
    for url in ["/governance/meetings.ics", "/governance/meetings.ics?body=our-board"]:
        events = download(client, url).events
        # Oldest first, as a calendar file reads.
        assert [str(event["uid"]).split("@")[0] for event in events] == expected
    # Where the calendar is offered, the page says what it holds.
    assert "it holds up to 200 meetings from the past 12 months onward" in text(
        page(client, body.get_absolute_url())
    )


@pytest.mark.django_db
def test_the_calendar_lists_a_days_meetings_untimed_first_then_by_time(client):
    day = datetime.date.today() + datetime.timedelta(days=7)
    for slug, start in [("afternoon", datetime.time(14)), ("untimed", None)]:
        f.make_meeting(slug=slug, date=day, start_time=start)
    f.make_meeting(slug="morning", date=day, start_time=datetime.time(10))
    events = download(client, "/governance/meetings.ics").events
    assert [str(event["uid"]).split("@")[0] for event in events] == [
        "untimed",
        "morning",
        "afternoon",
    ]
