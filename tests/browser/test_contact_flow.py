"""The contact form as a resident meets it in a real browser: a mistake, the error summary, then
a message sent and its reference given, at desktop width and at 320 px."""

import re
from urllib.parse import urlsplit

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from core import pagecache
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


@pytest.mark.browser
def test_a_kept_contact_page_sends_with_each_visitors_own_token(
    live_server, transactional_db, browser, page, settings, failed_requests
):
    """With the page cache on, the second visitor is served the page kept when the first
    visited, with a token of their own, and their message is sent with it."""
    settings.PAGE_CACHE = True
    page.goto(f"{live_server.url}/contact/")  # the first visitor: rendered, then kept
    first_token = page.locator("[name=csrfmiddlewaretoken]").input_value()
    # The kept page, marked so that serving it shows: the second visitor must get this one.
    address = urlsplit(live_server.url)
    request = RequestFactory().get("/contact/", HTTP_HOST=address.netloc)
    key = pagecache.PageCacheMiddleware.key(request, pagecache.generation(), "form")
    entry = cache.get(key)
    assert pagecache.TOKEN_PLACEHOLDER.encode() in entry["content"]
    entry["content"] = entry["content"].replace(b"Contact us</h1>", b"Contact us (kept)</h1>")
    cache.set(key, entry, timeout=60)

    second = browser.new_context().new_page()
    second.goto(f"{live_server.url}/contact/")
    assert second.locator("h1").text_content() == "Contact us (kept)"
    token = second.locator("[name=csrfmiddlewaretoken]").input_value()
    assert re.fullmatch(r"[A-Za-z0-9]{64}", token)
    assert token != first_token
    second.get_by_label("A question about the partnership").check()
    second.get_by_label("Your message").fill("Is the kept page's form sent?")
    second.get_by_role("button", name="Send message").click()
    assert second.title().startswith("Message sent")
    assert ContactMessage.objects.get().message == "Is the kept page's form sent?"
    assert failed_requests == []
    second.context.close()
