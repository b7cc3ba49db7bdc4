"""Every public page in a real browser, at desktop and at 320px mobile width."""

import pytest

from icsportal.pages import PUBLIC_PAGES, PublicPage, prepare
from tests.browser.helpers import (
    DESKTOP,
    MOBILE,
    check_axe,
    describe_violations,
    focus_is_in,
    focused_element,
    save_screenshot,
    scrolls_horizontally,
    uninitialised_components,
)

VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}


def test_public_pages_is_a_list_of_site_paths():
    assert isinstance(PUBLIC_PAGES, list)
    for entry in PUBLIC_PAGES:
        assert isinstance(entry, PublicPage), entry
        assert entry.path.startswith("/"), entry


CASES = [pytest.param(entry, id=entry.path) for entry in PUBLIC_PAGES]


@pytest.mark.browser
@pytest.mark.parametrize("public_page", CASES)
def test_public_page_in_a_real_browser(
    public_page, subtests, request, live_server, page, console_errors, failed_requests
):
    # Loading the data takes longer than checking a page: both widths share one load.
    if public_page.seeded:
        request.getfixturevalue("live_seeded")
    prepare([public_page])
    for viewport, size in VIEWPORTS.items():
        with subtests.test(viewport=viewport):
            console_errors.clear()
            failed_requests.clear()
            page.set_viewport_size(size)

            response = page.goto(live_server.url + public_page.path)
            save_screenshot(page, f"{public_page.path.strip('/') or 'home'}-{viewport}")

            assert response.status == public_page.status
            if public_page.status != 200:
                # The page's own error status is expected; Chromium also logs it.
                failed_requests[:] = [r for r in failed_requests if not r.endswith(response.url)]
                console_errors[:] = [
                    e for e in console_errors if f"status of {public_page.status}" not in e
                ]
            assert console_errors == []
            assert failed_requests == []
            assert uninitialised_components(page) == []
            violations = check_axe(page)
            assert not violations, describe_violations(violations)
            if viewport == "mobile":
                assert not scrolls_horizontally(page), "wider than a 320px screen"

            if page.locator(".nhsuk-error-summary").count():
                # A page with errors takes focus to their summary, not the skip link.
                assert page.evaluate("document.activeElement.matches('.nhsuk-error-summary')"), (
                    f"focus is on {focused_element(page)}"
                )
                continue
            if page.locator("[data-focus-on-load]").count():
                # An answer the page was asked for (the postcode finder's) takes focus, so a
                # screen reader reads it first.
                assert page.evaluate("document.activeElement.matches('[data-focus-on-load]')"), (
                    f"focus is on {focused_element(page)}"
                )
                continue
            # A keyboard user's first Tab reaches the skip link; Enter takes them to the
            # main content.
            page.keyboard.press("Tab")
            assert page.evaluate(
                "document.activeElement.matches('a.nhsuk-skip-link[href=\"#maincontent\"]')"
            ), f"first Tab focused {focused_element(page)}"
            page.keyboard.press("Enter")
            assert focus_is_in(page, "maincontent"), f"focus is on {focused_element(page)}"
            assert console_errors == []
