"""Bodies, members and meetings: the question deadline in UK time across the clock changes,
the reason a postponed or cancelled meeting needs, listing order and the filters."""

import datetime
from zoneinfo import ZoneInfo

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction

from governance.models import Meeting, MeetingStatus
from tests import factories as f

UK = ZoneInfo("Europe/London")


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("date", "time", "deadline_uk", "deadline_utc"),
    [
        # Clocks go forward at 01:00 UTC on Sunday 29 March 2026.
        ("2026-03-30", "10:00", "2026-03-29 10:00 BST", "2026-03-29 09:00"),
        # On the Sunday itself the day before was an hour shorter: 24 real hours back is 09:00 GMT.
        ("2026-03-29", "10:00", "2026-03-28 09:00 GMT", "2026-03-28 09:00"),
        # Clocks go back at 01:00 UTC on Sunday 25 October 2026.
        ("2026-10-26", "10:00", "2026-10-25 10:00 GMT", "2026-10-25 10:00"),
        ("2026-10-25", "10:00", "2026-10-24 11:00 BST", "2026-10-24 10:00"),
    ],
)
def test_question_deadline_counts_real_hours_back_in_uk_time(date, time, deadline_uk, deadline_utc):
    body = f.make_body(question_deadline_hours=24)
    meeting = f.make_meeting(
        body=body,
        date=datetime.date.fromisoformat(date),
        start_time=datetime.time.fromisoformat(time),
    )
    deadline = meeting.question_deadline
    assert deadline.strftime("%Y-%m-%d %H:%M %Z") == deadline_uk
    assert deadline.astimezone(datetime.UTC).strftime("%Y-%m-%d %H:%M") == deadline_utc


@pytest.mark.django_db
def test_no_deadline_without_a_published_time_or_a_rule():
    assert f.make_meeting(body=f.make_body(question_deadline_hours=24)).question_deadline is None
    no_rule = f.make_meeting(start_time=datetime.time(10), body=f.make_body())
    assert no_rule.question_deadline is None


@pytest.mark.django_db
def test_questions_are_open_only_before_the_deadline_of_an_upcoming_meeting():
    body = f.make_body(question_deadline_hours=24)
    meeting = f.make_meeting(
        body=body, date=datetime.date(2026, 3, 30), start_time=datetime.time(10)
    )
    before = datetime.datetime(2026, 3, 29, 9, 59, tzinfo=UK)
    after = datetime.datetime(2026, 3, 29, 10, 0, tzinfo=UK)
    assert meeting.questions_open(before)
    assert not meeting.questions_open(after)
    meeting.status, meeting.status_reason = MeetingStatus.POSTPONED, "The chair is unwell."
    assert not meeting.questions_open(before)


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MeetingStatus.POSTPONED, MeetingStatus.CANCELLED])
def test_the_database_refuses_a_postponed_or_cancelled_meeting_without_a_reason(status):
    with pytest.raises(IntegrityError), transaction.atomic():
        f.make_meeting(status=status)
    with pytest.raises(ValidationError, match="Say why"):
        Meeting(body=f.make_body(), slug="x", date=datetime.date(2026, 1, 1), status=status).clean()
    assert f.make_meeting(status=status, status_reason="Not quorate.").pk


@pytest.mark.django_db
def test_a_body_cannot_take_the_slug_of_another_page():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.make_body(slug="meetings")


@pytest.mark.django_db
def test_listing_puts_upcoming_soonest_first_then_past_newest_first():
    today = datetime.date(2026, 6, 1)
    body = f.make_body()
    dates = ["2026-05-01", "2026-07-01", "2026-06-01", "2025-12-01", "2026-06-15"]
    for n, date in enumerate(dates):
        f.make_meeting(body=body, slug=f"m{n}", date=datetime.date.fromisoformat(date))
    listed = [m.date.isoformat() for m in Meeting.objects.in_listing_order(today)]
    assert listed == ["2026-06-01", "2026-06-15", "2026-07-01", "2026-05-01", "2025-12-01"]
    assert [m.date.isoformat() for m in body.meetings.upcoming(today)] == listed[:3]
    assert [m.date.isoformat() for m in body.meetings.past(today)] == listed[3:]


@pytest.mark.django_db
def test_matching_narrows_by_body_and_year():
    board, other = f.make_body(), f.make_body()
    f.make_meeting(body=board, slug="a", date=datetime.date(2025, 1, 8))
    f.make_meeting(body=board, slug="b", date=datetime.date(2024, 1, 8))
    f.make_meeting(body=other, slug="c", date=datetime.date(2025, 3, 1))
    slugs = lambda qs: sorted(m.slug for m in qs)  # noqa: E731
    assert slugs(Meeting.objects.matching(body=board, year=None)) == ["a", "b"]
    assert slugs(Meeting.objects.matching(body=None, year=2025)) == ["a", "c"]
    assert slugs(Meeting.objects.matching(body=board, year=2025)) == ["a"]
    assert slugs(Meeting.objects.matching()) == ["a", "b", "c"]


@pytest.mark.django_db
def test_a_member_names_a_person_or_an_organisation():
    with pytest.raises(IntegrityError), transaction.atomic():
        f.make_body_member(person_name="")
    assert f.make_body_member(person_name="", organisation=f.make_organisation()).pk
