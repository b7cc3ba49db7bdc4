"""What the browser tests check on a page: axe, screenshots, layout, keyboard, components."""

import re
from functools import cache
from pathlib import Path

from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.helpers import totp_code

ROOT = Path(__file__).resolve().parents[2]
# axe-core from npm (package.json), newer than the copy bundled with axe-playwright-python.
AXE_SCRIPT = ROOT / "node_modules" / "axe-core" / "axe.min.js"
AXE_OPTIONS = {
    "runOnly": {"type": "tag", "values": ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]},
    "resultTypes": ["violations"],
}
SCREENSHOTS = ROOT / "test-artifacts" / "screenshots"

DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 320, "height": 640}


@cache
def _axe() -> Axe:
    if not AXE_SCRIPT.exists():
        raise FileNotFoundError(f"{AXE_SCRIPT} is missing: run `make frontend`")
    return Axe.from_file(AXE_SCRIPT)


def check_axe(page) -> list[dict]:
    """axe-core's WCAG 2.2 A and AA violations on the page as it is now."""
    return _axe().run(page, options=AXE_OPTIONS).response["violations"]


def describe_violations(violations: list[dict]) -> str:
    """One line per violation and element, for an assertion message."""
    return "\n".join(
        f"{violation['id']} ({violation['impact']}): {violation['help']} at {node['target']}"
        for violation in violations
        for node in violation["nodes"]
    )


def save_screenshot(page, name: str) -> Path:
    """A full-page PNG in test-artifacts/screenshots/, for people to look at."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{re.sub(r'[^A-Za-z0-9]+', '-', name).strip('-')}.png"
    page.screenshot(path=path, full_page=True)
    return path


def scrolls_horizontally(page) -> bool:
    """Whether the page is wider than the window (content cut off on a narrow phone)."""
    return page.evaluate("document.documentElement.scrollWidth > window.innerWidth")


def focused_element(page) -> str:
    """The focused element, described as tag#id.class[href], for assertion messages."""
    return page.evaluate(
        """() => {
            const el = document.activeElement;
            if (!el) return "nothing";
            const href = el.getAttribute("href");
            return el.tagName.toLowerCase() + (el.id ? "#" + el.id : "")
                + [...el.classList].map((c) => "." + c).join("")
                + (href ? `[href="${href}"]` : "");
        }"""
    )


def focus_is_in(page, element_id: str) -> bool:
    """Whether the focused element is the element with this id, or inside it."""
    return page.evaluate(
        "(id) => { const el = document.getElementById(id);"
        " return !!el && el.contains(document.activeElement); }",
        element_id,
    )


def uninitialised_components(page) -> list[str]:
    """NHS.UK components (data-module) that its JavaScript did not start.

    Each started component gets a data-<module>-init attribute; none do when the script is
    blocked (say by the CSP) or initAll() refuses to run.
    """
    return page.evaluate(
        """() => [...document.querySelectorAll("[data-module]")]
            .filter((el) => !el.hasAttribute(`data-${el.dataset.module}-init`))
            .map((el) => el.dataset.module)"""
    )


def sign_in(page, base: str, user, app, next_path: str) -> None:
    """Through the admin's own form: the password (tests.factories.make_user's), then a code
    from the authenticator app `app`."""
    page.goto(f"{base}/admin/login/?next={next_path}")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill("correct horse battery")
    page.get_by_role("button", name="Log in").click()
    page.get_by_label("Code").fill(totp_code(app))
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}{next_path}")
