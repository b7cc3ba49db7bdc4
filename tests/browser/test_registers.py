"""A register of interests with entries, in a real browser: the five-column table passes axe
and fits a 320px screen (the seeded registers in icsportal/pages.py are all empty)."""

import datetime

import pytest

from governance.models import InterestKind
from tests import factories as f
from tests.browser.helpers import (
    DESKTOP,
    MOBILE,
    check_axe,
    describe_violations,
    save_screenshot,
    scrolls_horizontally,
)


@pytest.mark.browser
@pytest.mark.parametrize("size", [DESKTOP, MOBILE], ids=["desktop", "mobile"])
def test_a_filled_register_passes_axe_and_fits_a_narrow_screen(
    size, live_server, transactional_db, page, console_errors
):
    body = f.make_body(name="Barnsley Place Committee", slug="barnsley-place-committee")
    f.make_interest_register(body=body, source="The committee's register")
    for n in range(3):
        f.make_declared_interest(
            body=body,
            person_name=f"Dr Ann Other {n}",
            position="Clinical lead for urgent and emergency care",
            description="Partner in a GP practice holding a contract with the integrated care "
            "board, and shareholder in a company that provides out-of-hours services",
            kind=InterestKind.NON_FINANCIAL_PROFESSIONAL,
            declared_on=datetime.date(2024, 3, 20),
            started_on=datetime.date(2015, 6, 1),
            ended_on=datetime.date(2026, 3, 31),
            action_taken="Leaves the meeting for any decision on GP contracts.",
            source="The committee's register",
        )
    page.set_viewport_size(size)
    for path in ["/governance/registers/", "/governance/barnsley-place-committee/interests/"]:
        response = page.goto(live_server.url + path)
        save_screenshot(page, f"{path.strip('/')}-filled-{size['width']}")
        assert response.status == 200
        assert page.locator("tbody tr").count() == 3
        violations = check_axe(page)
        assert not violations, describe_violations(violations)
        assert not scrolls_horizontally(page), "wider than the screen"
    assert console_errors == []
