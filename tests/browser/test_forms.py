"""A form with errors, in the site's real CSS and JavaScript, as a browser shows it."""

import pytest
from django.template import engines
from django.test import RequestFactory

from tests.browser.helpers import (
    DESKTOP,
    MOBILE,
    check_axe,
    describe_violations,
    focused_element,
    save_screenshot,
    scrolls_horizontally,
    uninitialised_components,
)
from tests.core.sample_forms import BAD_CONTACT, ContactForm

PAGE = """{% load static crispy_forms_tags %}<!DOCTYPE html>
<html lang="en-GB">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>Error: Contact us</title>
  <link rel="stylesheet" href="{% static 'css/main.css' %}">
  <script type="module" src="{% static 'js/main.mjs' %}"></script>
</head>
<body>
  <div class="nhsuk-width-container">
    <main class="nhsuk-main-wrapper" id="maincontent">
      <h1>Contact us</h1>
      {% crispy form %}
    </main>
  </div>
</body>
</html>"""

RED = "rgb(213, 40, 27)"  # NHS.UK's error colour, #d5281b


@pytest.fixture
def form_page(page, live_server):
    """The invalid contact form served from the live server, with its static files."""
    form = ContactForm(data=BAD_CONTACT)
    form.is_valid()
    request = RequestFactory().post("/contact/")
    html = engines["django"].from_string(PAGE).render({"form": form}, request=request)
    url = f"{live_server.url}/__form__/"
    page.route(url, lambda route: route.fulfill(body=html, content_type="text/html"))
    return page, url


@pytest.mark.browser
@pytest.mark.parametrize("viewport", ["desktop", "mobile"])
def test_form_with_errors_is_accessible_and_styled(
    form_page, viewport, console_errors, failed_requests
):
    page, url = form_page
    page.set_viewport_size({"desktop": DESKTOP, "mobile": MOBILE}[viewport])
    page.goto(url)
    save_screenshot(page, f"form-with-errors-{viewport}")

    assert console_errors == []
    assert failed_requests == []
    assert uninitialised_components(page) == []
    violations = check_axe(page)
    assert not violations, describe_violations(violations)
    assert not scrolls_horizontally(page)
    # The stylesheet is ours, compiled, and the pack's classes reach it.
    field = page.locator("#id_name")
    assert field.evaluate("el => getComputedStyle(el).borderColor") == RED
    error = page.locator("#id_name_error")
    assert error.evaluate("el => getComputedStyle(el).color") == RED
    # What a screen reader reads: the visually hidden prefix, then the message.
    assert error.text_content() == "Error: Ensure this value has at most 20 characters (it has 25)."


@pytest.mark.browser
def test_error_summary_takes_focus_and_its_links_reach_the_fields(form_page):
    page, url = form_page
    page.goto(url)
    # NHS.UK's script moves focus to the summary, so screen readers announce it first.
    on_summary = page.evaluate("document.activeElement.matches('.nhsuk-error-summary')")
    assert on_summary, focused_element(page)
    for href, field_id in [("#id_email", "id_email"), ("#id_reply_by_0", "id_reply_by_0")]:
        page.locator(f'.nhsuk-error-summary a[href="{href}"]').click()
        assert page.evaluate("document.activeElement.id") == field_id
