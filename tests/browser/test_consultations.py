"""Have your say in a real browser, at desktop width and 320 px: the list with open and closed
consultations, an open one with every way to take part, and a closed one with its outcome.
No consultation is seeded (none is sourced), so the page-list walk sees only the empty list."""

import datetime

import pytest
from django.utils import timezone

from tests import factories as f
from tests.browser.helpers import (
    DESKTOP,
    MOBILE,
    check_axe,
    describe_violations,
    save_screenshot,
    scrolls_horizontally,
)

# Their pages are standing pages: the comms team's text, loaded as `make run` does.
pytestmark = pytest.mark.usefixtures("standing_pages")


@pytest.mark.browser
def test_consultations_open_and_closed_are_accessible_at_every_width(
    live_server, transactional_db, page, console_errors, failed_requests, subtests
):
    now = timezone.now()
    open_one = f.make_consultation(
        title="Urgent and emergency care in Rotherham: a very long title for a narrow screen",
        survey_url="https://survey.example.org/urgent-care",
        events="- 4 March, 6pm to 8pm, Rotherham Town Hall (book by email)",
        by_contact_form=True,
        run_by=f.make_organisation(name="The Rotherham NHS Foundation Trust"),
    )
    closed_one = f.make_consultation(
        title="Stroke services",
        opens_at=now - datetime.timedelta(days=90),
        closes_at=now - datetime.timedelta(days=30),
        you_said="Travel times worried you.",
        we_did="We added a patient transport service.",
    )
    pages = {
        "get-involved": "/get-involved/",
        "consultation-open": open_one.get_absolute_url(),
        "consultation-closed": closed_one.get_absolute_url(),
    }
    for viewport, size in {"desktop": DESKTOP, "mobile": MOBILE}.items():
        for name, path in pages.items():
            with subtests.test(page=name, viewport=viewport):
                page.set_viewport_size(size)
                response = page.goto(live_server.url + path)
                assert response.status == 200
                save_screenshot(page, f"{name}-{viewport}")
                violations = check_axe(page)
                assert not violations, describe_violations(violations)
                if viewport == "mobile":
                    assert not scrolls_horizontally(page), "wider than a 320px screen"
    assert console_errors == []
    # The survey is a link to example.org: the browser does not fetch it.
    assert failed_requests == []
