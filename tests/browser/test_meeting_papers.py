"""A meeting's page with an agenda, papers (with alternative formats) and minutes, in a real
browser at desktop and 320px width: no seeded meeting has them, so the page-list walk
(tests/browser/test_pages.py) cannot see this markup."""

import datetime

import pytest

from documents.models import AlternativeFormat
from governance.models import MeetingPaper, MeetingStatus
from tests import factories as f
from tests.browser.helpers import (
    DESKTOP,
    MOBILE,
    check_axe,
    describe_violations,
    scrolls_horizontally,
)


@pytest.mark.browser
def test_a_meeting_with_agenda_papers_and_minutes_is_accessible_at_every_width(
    live_server, transactional_db, page, console_errors, failed_requests, subtests
):
    minutes = f.make_document(title="Minutes of the meeting on 4 June 2025")
    meeting = f.make_meeting(
        date=datetime.date(2025, 6, 4),
        status=MeetingStatus.HELD,
        minutes=minutes,
        minutes_approved_on=datetime.date(2025, 7, 2),
        venue="Town Hall",
        address="Pinstone Street\nSheffield",
    )
    plan = f.make_document(title="A very long paper title: the winter resilience plan for 2025/26")
    f.make_document(alternative_of=plan, alternative_format=AlternativeFormat.EASY_READ)
    f.make_document(
        alternative_of=plan, alternative_format=AlternativeFormat.OTHER_LANGUAGE, language="Urdu"
    )
    f.make_agenda_item(
        meeting=meeting, order=1, title="Winter plan", presenter="Director", description="Why."
    ).papers.add(plan)
    f.make_agenda_item(meeting=meeting, order=3, title="Any other business")
    MeetingPaper.objects.create(meeting=meeting, document=f.make_document(title="Papers pack"))
    for viewport, size in {"desktop": DESKTOP, "mobile": MOBILE}.items():
        with subtests.test(viewport=viewport):
            page.set_viewport_size(size)
            response = page.goto(live_server.url + meeting.get_absolute_url())
            assert response.status == 200
            assert page.locator("#agenda-list > li").count() == 2
            violations = check_axe(page)
            assert not violations, describe_violations(violations)
            if viewport == "mobile":
                assert not scrolls_horizontally(page), "wider than a 320px screen"
            assert console_errors == []
            # Papers here are links to example.org: the browser does not fetch them.
            assert failed_requests == []
