"""The contact form as a resident meets it in a real browser: a mistake, the error summary, then
a message sent and its reference given, at desktop width and at 320 px."""

import re

import pytest

from engagement.models import ContactMessage
from tests.browser.helpers import (
    DESKTOP,
    MOBILE,
    check_axe,
    describe_violations,
    focused_element,
    save_screenshot,
    scrolls_horizontally,
)


def assert_accessible(page, name: str, viewport: str) -> None:
    save_screenshot(page, f"{name}-{viewport}")
    violations = check_axe(page)
    assert not violations, describe_violations(violations)
    if viewport == "mobile":
        assert not scrolls_horizontally(page), "wider than a 320px screen"


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_a_resident_corrects_a_mistake_and_gets_a_reference(
    live_server, transactional_db, page, viewport, console_errors, failed_requests
):
    page.set_viewport_size({"desktop": DESKTOP, "mobile": MOBILE}[viewport])
    page.goto(f"{live_server.url}/contact/")
    assert_accessible(page, "contact", viewport)
    # The trap for programs is neither seen nor reached by the keyboard.
    trap = page.locator("#id_website")
    assert trap.get_attribute("tabindex") == "-1"
    box = trap.bounding_box()
    assert box is None or box["x"] + box["width"] <= 0

    # Sent with no topic and an address that is not one.
    page.get_by_label("Your message").fill("Where can I find the board papers for March?")
    page.get_by_label("Your email address (optional)").fill("not an address")
    page.get_by_role("button", name="Send message").click()
    assert page.title().startswith("Error: Contact us")
    summary = page.locator(".nhsuk-error-summary")
    # NHS.UK's script moves focus to the summary, so a screen reader announces it first.
    page.wait_for_load_state("load")
    assert page.evaluate("document.activeElement.matches('.nhsuk-error-summary')"), focused_element(
        page
    )
    assert summary.locator("a").all_text_contents() == [
        "Select what your message is about",
        "Enter an email address in the correct format, like name@example.com",
    ]
    assert_accessible(page, "contact-errors", viewport)
    # What was typed is kept; the summary's links take the reader to each field.
    assert page.get_by_label("Your message").input_value().startswith("Where can I find")
    summary.get_by_role("link", name="Select what your message is about").click()
    assert page.evaluate("document.activeElement.name") == "topic"
    assert ContactMessage.objects.count() == 0

    page.get_by_label("A question about the partnership").check()
    page.get_by_label("Your email address (optional)").fill("resident@example.org")
    page.get_by_role("button", name="Send message").click()
    assert page.title().startswith("Message sent")
    reference = page.locator(".nhsuk-panel__body strong").text_content()
    assert re.fullmatch(r"ICS-\d{4}-\d{5}", reference)
    assert_accessible(page, "contact-sent", viewport)

    stored = ContactMessage.objects.get()
    assert (stored.reference, stored.email, stored.topic) == (
        reference,
        "resident@example.org",
        "general",
    )
    # The one failure is the form sent with errors, answered 400 on purpose.
    assert failed_requests == [f"400 POST {live_server.url}/contact/"]
    assert [error for error in console_errors if "status of 400" not in error] == []
