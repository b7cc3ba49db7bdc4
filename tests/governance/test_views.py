"""The governance pages as a visitor sees them: every body linked from /governance/, a body's
page, the meetings list (order, filters, bad values) and a meeting's page (UK time, status
and reason, the question deadline only while questions are open)."""

import datetime
from unittest import mock

import pytest

from governance.models import MeetingStatus
from tests import factories as f
from tests.helpers import page, text


@pytest.mark.django_db
def test_governance_page_links_to_every_body(client, seeded):
    html = page(client, "/governance/")
    for slug in [
        "nhs-south-yorkshire-icb-board",
        "south-yorkshire-integrated-care-partnership",
        "nhs-nottingham-and-nottinghamshire-icb-board",
        "city-of-york-council-executive",
        "york-health-and-care-alliance-board",
    ]:
        assert f'href="/governance/{slug}/"' in html


@pytest.mark.django_db
def test_body_page_shows_members_rule_and_meetings(client, seeded):
    body = text(page(client, "/governance/york-health-and-care-alliance-board/"))
    assert "Cllr Keith Aspden, Leader of City of York Council" in body
    assert "Chair" in body
    assert "York Health and Care Alliance" in body
    assert "Monday 28 February 2022" in body
    assert "No rule for public questions is recorded." in body
    sy = text(page(client, "/governance/nhs-south-yorkshire-icb-board/"))
    assert "Questions by 24 hours before the meeting starts." in sy
    assert "Pearse Butler, Independent chair" in sy
    assert "See all meetings of the NHS South Yorkshire Integrated Care Board" in sy


@pytest.mark.django_db
def test_meetings_list_upcoming_soonest_first_then_past_newest_first(client):
    body = f.make_body(name="Test Board")
    today = datetime.date.today()
    for slug, days in [("past-far", -400), ("soon", 3), ("past-near", -3), ("later", 60)]:
        f.make_meeting(body=body, slug=slug, date=today + datetime.timedelta(days=days))
    html = page(client, "/governance/meetings/")
    positions = [
        html.index(f"/governance/meetings/{slug}/")
        for slug in ["soon", "later", "past-near", "past-far"]
    ]
    assert positions == sorted(positions)


@pytest.mark.django_db
def test_meetings_filter_by_body_and_year(client, seeded):
    html = page(client, "/governance/meetings/?body=york-health-and-care-alliance-board&year=2022")
    assert "/governance/meetings/york-health-and-care-alliance-board-2022-02-28/" in html
    assert "york-health-and-care-alliance-board-2021-11-29" not in html
    assert "nhs-south-yorkshire-icb-board-2025-01-08" not in html


@pytest.mark.django_db
@pytest.mark.parametrize(
    "query", ["body=no-such-body", "year=1066", "year=twenty", "year=2022.5", "body[]=x&year=-1"]
)
def test_bad_filter_values_are_a_form_error_not_a_server_error(client, seeded, query):
    response = client.get(f"/governance/meetings/?{query}")
    assert response.status_code == 400
    assert "<title>Error:" in response.content.decode()


@pytest.mark.django_db
def test_meeting_page_without_a_published_time_says_so(client, seeded):
    body = text(page(client, "/governance/meetings/nhs-south-yorkshire-icb-board-2025-01-08/"))
    assert "Wednesday 8 January 2025" in body
    assert "Time not published" in body
    assert "Venue not published" in body
    assert "Held" in body
    assert "Send your question" not in body


def at(*when):
    """The site's clock stopped at a UTC moment."""
    moment = datetime.datetime(*when, tzinfo=datetime.UTC)
    return mock.patch("django.utils.timezone.now", new=mock.Mock(return_value=moment))


@pytest.mark.django_db
@at(2026, 3, 20, 12)
def test_open_meeting_shows_the_deadline_computed_in_uk_time(client):
    body = f.make_body(question_deadline_hours=24, question_how="Email the board secretary.")
    meeting = f.make_meeting(
        body=body,
        slug="spring-board",
        date=datetime.date(2026, 3, 30),
        start_time=datetime.time(10),
        venue="Town Hall",
        online=True,
        stream_url="https://example.org/live",
    )
    shown = text(page(client, meeting.get_absolute_url()))
    assert "10am (UK time)" in shown
    assert "Send your question by 10am on Sunday 29 March 2026 (UK time)." in shown
    assert "Email the board secretary." in shown
    assert "Town Hall and online" in shown
    assert "Watch the livestream" in shown


@pytest.mark.django_db
@at(2026, 3, 29, 9, 30)
def test_after_the_deadline_no_question_invitation(client):
    body = f.make_body(question_deadline_hours=24)
    meeting = f.make_meeting(
        body=body, slug="late", date=datetime.date(2026, 3, 30), start_time=datetime.time(10)
    )
    shown = text(page(client, meeting.get_absolute_url()))
    assert "Send your question" not in shown
    assert "The deadline for this meeting has passed." in shown


@pytest.mark.django_db
@pytest.mark.parametrize("status", [MeetingStatus.POSTPONED, MeetingStatus.CANCELLED])
@at(2026, 3, 20, 12)
def test_postponed_or_cancelled_meeting_shows_its_reason_and_takes_no_questions(client, status):
    body = f.make_body(question_deadline_hours=24)
    meeting = f.make_meeting(
        body=body,
        date=datetime.date(2026, 3, 30),
        start_time=datetime.time(10),
        status=status,
        status_reason="The meeting would not be quorate.",
    )
    shown = text(page(client, meeting.get_absolute_url()))
    assert f"This meeting was {status.label.lower()}" in shown
    assert "The meeting would not be quorate." in shown
    assert "Send your question" not in shown
    assert "Ask a question" not in shown


@pytest.mark.django_db
def test_governance_shows_each_system_and_alliance(client, seeded):
    body = text(page(client, "/governance/"))
    assert "South Yorkshire Integrated Care System" in body
    assert "Humber and North Yorkshire Integrated Care System" in body
    assert "York Health and Care Alliance" in body
    assert "Barnsley Provider Alliance" in body
