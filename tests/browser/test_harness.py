"""Controls for the browser checks: each one reports a page that breaks its rule, and passes the
same page put right. Without these, a check wired wrongly would pass everything."""

import pytest

from tests.browser.helpers import (
    MOBILE,
    SCREENSHOTS,
    check_axe,
    focus_is_in,
    save_screenshot,
    scrolls_horizontally,
    uninitialised_components,
)

PIXEL = "data:image/gif;base64,R0lGODlhAQABAAAAACH5BAEKAAEALAAAAAABAAEAAAICTAEAOw=="


def document(body: str) -> str:
    return (
        '<!DOCTYPE html><html lang="en-GB"><head><meta charset="utf-8"><title>Control</title>'
        f"</head><body>{body}</body></html>"
    )


@pytest.mark.browser
def test_axe_reports_an_image_without_alt_and_an_input_without_label(page):
    page.set_content(
        document(f'<main><h1>Control</h1><img src="{PIXEL}"><input type="text"></main>')
    )
    assert {"image-alt", "label"} <= {violation["id"] for violation in check_axe(page)}


@pytest.mark.browser
def test_axe_passes_the_same_page_with_alt_text_and_a_label(page):
    page.set_content(
        document(
            f'<main><h1>Control</h1><img src="{PIXEL}" alt="A dot">'
            '<label for="name">Name</label><input type="text" id="name"></main>'
        )
    )
    assert check_axe(page) == []


@pytest.mark.browser
def test_console_errors_and_uncaught_exceptions_are_recorded(page, console_errors):
    page.set_content(
        document("<script>console.error('logged'); throw new Error('thrown');</script>")
    )
    assert len(console_errors) == 2
    assert console_errors[0].startswith("logged")
    assert console_errors[1] == "uncaught: thrown"


@pytest.mark.browser
def test_failed_requests_and_error_responses_are_recorded(page, failed_requests):
    page.route("http://control.test/missing.png", lambda route: route.fulfill(status=404))
    page.route("http://control.test/broken.png", lambda route: route.abort("connectionrefused"))
    page.set_content(
        document(
            '<img src="http://control.test/missing.png" alt="missing">'
            '<img src="http://control.test/broken.png" alt="broken">'
        )
    )
    assert sorted(failed_requests) == [
        "404 GET http://control.test/missing.png",
        "net::ERR_CONNECTION_REFUSED GET http://control.test/broken.png",
    ]


@pytest.mark.browser
def test_the_nhs_font_host_is_answered_offline(page, failed_requests, console_errors):
    page.set_content(document("<p>Fonts</p>"))
    status = page.evaluate(
        "fetch('https://assets.nhs.uk/fonts/FrutigerLTW01-55Roman.woff2').then(r => r.status)"
    )
    assert status == 204
    assert failed_requests == []
    assert console_errors == []


@pytest.mark.browser
@pytest.mark.parametrize(("width", "expected"), [("400px", True), ("100%", False)])
def test_horizontal_scroll_is_detected_at_mobile_width(page, width, expected):
    page.set_viewport_size(MOBILE)
    page.set_content(document(f'<div style="width: {width}; height: 10px"></div>'))
    assert scrolls_horizontally(page) is expected


SKIP_LINK_PAGE = (
    '<a class="nhsuk-skip-link" href="#{target}">Skip to main content</a>'
    '<a href="#other">Another link</a>'
    '<main id="maincontent" tabindex="-1"><h1>Control</h1><a href="#x">In main</a></main>'
)


@pytest.mark.browser
@pytest.mark.parametrize(("target", "expected"), [("maincontent", True), ("nowhere", False)])
def test_skip_link_check_follows_the_keyboard(page, target, expected):
    page.set_content(document(SKIP_LINK_PAGE.format(target=target)))
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.matches('a.nhsuk-skip-link')")
    page.keyboard.press("Enter")
    assert focus_is_in(page, "maincontent") is expected


@pytest.mark.browser
def test_components_the_script_did_not_start_are_listed(page):
    page.set_content(
        document(
            '<header data-module="nhsuk-header" data-nhsuk-header-init=""></header>'
            '<div data-module="nhsuk-error-summary"></div>'
        )
    )
    assert uninitialised_components(page) == ["nhsuk-error-summary"]


@pytest.mark.browser
def test_screenshots_are_full_page_pngs_named_for_the_page(page):
    page.set_viewport_size(MOBILE)
    page.set_content(document('<div style="height: 2000px">Tall</div>'))
    path = save_screenshot(page, "/control/?tall=1-mobile")
    assert path == SCREENSHOTS / "control-tall-1-mobile.png"
    data = path.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    height = int.from_bytes(data[20:24], "big")  # from the PNG's IHDR chunk
    assert height >= 2000
    path.unlink()
