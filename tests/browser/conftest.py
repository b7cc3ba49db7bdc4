"""Real-browser fixtures: Debian's Chromium driven by Playwright, against pytest-django's
live_server, with axe-core from npm for accessibility checks.

No `playwright install` (it downloads a browser): Playwright launches the system Chromium.

Playwright's sync API keeps an asyncio event loop running in the test thread while the
browser is open, and Django refuses database calls from such a thread unless
DJANGO_ALLOW_ASYNC_UNSAFE is set. The tests here use the database only from that thread and
the live server's, never from async code, so the `browser` fixture sets it, and takes it away
again when it closes the browser: child processes started by later tests (`manage.py check
--deploy`) must not inherit it, and Django's safety check stays on for every other test.
"""

import importlib
import os
import shutil

import pytest
from django.conf import settings
from django.core.management import call_command
from django.db.migrations.loader import MigrationLoader
from playwright.sync_api import sync_playwright

from tests.browser.helpers import DESKTOP

ASYNC_UNSAFE = "DJANGO_ALLOW_ASYNC_UNSAFE"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--headless",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def font_hosts() -> list[str]:
    """The other hosts the CSP lets pages load fonts from (the NHS.UK font host)."""
    return [source for source in settings.SECURE_CSP["font-src"] if source.startswith("https://")]


@pytest.fixture(scope="package")
def browser():
    """Chromium, open for the browser tests (this package) and closed after them."""
    executable = shutil.which("chromium")
    if executable is None:
        pytest.fail("The browser tests need Chromium: apt-get install chromium")
    before = os.environ.get(ASYNC_UNSAFE)
    os.environ[ASYNC_UNSAFE] = "true"
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=executable, args=CHROMIUM_ARGS)
            yield browser
            browser.close()
    finally:
        if before is None:
            del os.environ[ASYNC_UNSAFE]
        else:
            os.environ[ASYNC_UNSAFE] = before


@pytest.fixture
def console_errors() -> list[str]:
    """Console errors and uncaught exceptions in `page`, for the test to assert empty."""
    return []


@pytest.fixture
def failed_requests() -> list[str]:
    """Requests from `page` that failed or were answered 400 or above."""
    return []


@pytest.fixture
def page(browser, console_errors, failed_requests):
    """A fresh page (own cookies and storage) at desktop size, recording what goes wrong.

    The NHS.UK font host cannot be reached from the test machine: its requests are answered
    "204 No Content", so the page falls back to Arial as it would if the font were blocked,
    instead of logging network errors. Any other host outside the live server fails, and so
    shows up in `failed_requests`.
    """
    context = browser.new_context(viewport=DESKTOP)
    for host in font_hosts():
        context.route(f"{host}/**", lambda route: route.fulfill(status=204))
    page = context.new_page()

    def on_console(message):
        if message.type == "error":
            console_errors.append(f"{message.text} ({message.location.get('url')})")

    def on_response(response):
        if response.status >= 400:
            failed_requests.append(f"{response.status} {response.request.method} {response.url}")

    page.on("console", on_console)
    page.on("pageerror", lambda error: console_errors.append(f"uncaught: {error}"))

    def on_request_failed(request):
        # ERR_ABORTED is the browser cancelling a request it no longer needs (a favicon
        # still loading when the viewport changes or the page moves on), not a failure.
        if request.failure != "net::ERR_ABORTED":
            failed_requests.append(f"{request.failure} {request.method} {request.url}")

    page.on("requestfailed", on_request_failed)
    page.on("response", on_response)
    yield page
    context.close()


@pytest.fixture
def live_seeded(live_server, transactional_db):
    """The partnership data (as `make run` loads it) in the database the live server reads.

    live_server needs a transactional database, which is emptied after every test, so the
    data is loaded again for each test that asks for it.
    """
    call_command("load_partnership", verbosity=0)


@pytest.fixture
def comms_team(live_server, transactional_db):
    """The "Comms team" and "Comms approvers" groups with their permissions, as the
    migrations make them.

    live_server's database is emptied after every test, and the groups the migrations made go
    with it, so any browser test that ran before this one has taken them away. Django's
    serialized rollback cannot bring them back here: it keeps the migrated data on the
    connection the test database was made on, and once Playwright's event loop runs in this
    thread, asgiref hands the test a different connection. So the migration's own function
    runs again, on the models as they were at that migration (it is idempotent).
    """
    loader = MigrationLoader(None, ignore_no_migrations=True)
    for app, migration, function in [
        ("news", "0003_comms_team_permissions", "grant"),
        ("pages", "0002_comms_team_pages", "grant"),
        ("images", "0002_comms_team_images", "grant"),
        ("publishing", "0002_comms_approvers", "forwards"),
    ]:
        state = loader.project_state((app, migration))
        getattr(importlib.import_module(f"{app}.migrations.{migration}"), function)(
            state.apps, None
        )
