"""The newsroom from end to end, in a real browser: a writer (Comms team) writes a news item
in the admin's editor, previews it, shares it with a reviewer and submits it; an approver
(Comms approvers) previews it, approves it and schedules it; it appears on the public site at
its time with nothing having to run; the approver withdraws it again.

The writer works in `page` (logged in through the real login form, by keyboard), the approver
in a browser context of their own; the public and the reviewer are separate contexts with no
cookies, so what they see is what anyone on the internet sees.
"""

import datetime
import re
import xml.etree.ElementTree as ET
from zoneinfo import ZoneInfo

import pytest
from django_otp.plugins.otp_totp.models import TOTPDevice
from playwright.sync_api import Error as PlaywrightError
from playwright.sync_api import expect

from news.models import NewsItem
from tests.browser.conftest import font_hosts
from tests.browser.helpers import DESKTOP, focused_element, save_screenshot, sign_in
from tests.factories import make_image, make_user
from tests.helpers import totp_code

UK = ZoneInfo("Europe/London")
PASSWORD = "correct horse battery"  # tests.factories.make_user's

TITLE = "Winter vaccination clinics open in Sheffield"
SLUG = "winter-vaccination-clinics-open-in-sheffield"
SUMMARY = "Walk-in clinics for flu and COVID-19 vaccines open across the city this winter."
HEADING = "Where the clinics are"
IMAGE_TITLE = "Darnall Health Centre"
IMAGE_ALT = "The front of Darnall Health Centre, with the clinic's sign"
ATOM = "{http://www.w3.org/2005/Atom}"


@pytest.fixture
def anonymous(browser):
    """Opens pages in a new browser context of their own: no cookies, nobody logged in."""
    contexts = []

    def open_context():
        context = browser.new_context(viewport=DESKTOP)
        for host in font_hosts():
            context.route(f"{host}/**", lambda route: route.fulfill(status=204))
        contexts.append(context)
        return context.new_page()

    yield open_context
    for context in contexts:
        context.close()


def feed_titles(public, url: str) -> list[str]:
    """The item titles in the RSS or Atom feed at `url`, as a feed reader reads them."""
    response = public.request.get(url)
    assert response.ok, f"{url}: {response.status}"
    root = ET.fromstring(response.body())  # noqa: S314 (our own feed, from the test server)
    return [
        element.text
        for element in [
            *root.iterfind("channel/item/title"),
            *root.iterfind(f"{ATOM}entry/{ATOM}title"),
        ]
    ]


def listed_titles(public, url: str) -> list[str]:
    """The news item titles linked from the news list on the page at `url`."""
    response = public.goto(url)
    assert response.status == 200, f"{url}: {response.status}"
    return public.locator("main .nhsuk-list--border h3 a").all_inner_texts()


def assert_nowhere_public(public, base: str) -> None:
    assert TITLE not in listed_titles(public, f"{base}/news/")
    assert TITLE not in listed_titles(public, f"{base}/places/sheffield/")
    assert TITLE not in listed_titles(public, f"{base}/")
    assert TITLE not in feed_titles(public, f"{base}/news/feed/")
    assert TITLE not in feed_titles(public, f"{base}/news/atom/")
    assert public.goto(f"{base}/news/{SLUG}/").status == 404


def write_body_in_the_editor(page) -> None:
    """The body, written as a writer would, from the keyboard: a heading and a list with the
    editor's shortcuts, then a paragraph."""
    editor = page.get_by_role("textbox", name="Body")
    editor.click()
    save_screenshot(page, "newsroom-editor-empty")
    page.keyboard.type(HEADING)
    page.keyboard.press("Control+Alt+2")
    page.keyboard.press("Enter")
    page.keyboard.type("Sheffield city centre")
    page.keyboard.press("Control+Shift+8")
    page.keyboard.press("Enter")
    page.keyboard.type("Darnall Health Centre")
    page.keyboard.press("Enter")
    page.keyboard.press("Enter")
    page.keyboard.type("No appointment needed.")
    save_screenshot(page, "newsroom-editor")


def choose_the_image_from_the_library(page, image) -> None:
    """The image, chosen from the media library's thumbnails in the window the magnifier
    beside "Image" opens, from the keyboard; the window closes and the field holds it."""
    with page.expect_popup() as opened:
        page.locator("#lookup_id_picture").focus()
        page.keyboard.press("Enter")
    library = opened.value
    library.wait_for_load_state("load")
    expect(library.locator("img.app-thumbnail")).to_have_count(2)
    expect(library.get_by_role("img", name=IMAGE_ALT)).to_be_visible()
    save_screenshot(library, "newsroom-image-chooser")
    library.get_by_role("link", name=IMAGE_TITLE, exact=True).focus()
    try:
        library.keyboard.press("Enter")
    except PlaywrightError:
        # The window closes itself as it hands back the choice, at times before the key's
        # acknowledgement reaches the test; any other failure is still one.
        if not library.is_closed():
            raise
    expect(page.locator("#id_picture")).to_have_value(str(image.pk))
    assert library.is_closed()


def expect_success(page, text: str) -> None:
    """The admin's green message after an action; waits for the page the action led to."""
    expect(page.locator(".messagelist .success")).to_contain_text(text)


@pytest.mark.browser
def test_a_writer_drafts_and_submits_an_approver_approves_and_schedules_and_it_appears(
    live_server, live_seeded, comms_team, page, anonymous, console_errors, failed_requests
):
    base = live_server.url
    user = make_user(groups=("Comms team",))
    public = anonymous()
    make_image(title="Flu clinic", alt_text="A nurse gives a flu vaccine")  # another in the list
    image = make_image(title=IMAGE_TITLE, alt_text=IMAGE_ALT, credit="Sheffield Place")

    # 1. Sign in through the admin's own form, by keyboard: the password, then a code from
    # the authenticator app the user set up before.
    app = TOTPDevice.objects.create(user=user, name="Authenticator app", confirmed=True)
    page.goto(f"{base}/admin/login/?next=/admin/news/newsitem/add/")
    page.get_by_label("Username").focus()
    page.keyboard.type(user.username)
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_password", focused_element(page)
    page.keyboard.type(PASSWORD)
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(r"/admin/second-factor/\?next="))
    expect(page.get_by_label("Code")).to_be_focused()
    page.keyboard.type(totp_code(app))
    page.keyboard.press("Enter")
    expect(page).to_have_url(f"{base}/admin/news/newsitem/add/")
    # The URL changes as soon as the new page commits, before its scripts have run. The admin's
    # focus script runs later (async): typing before it has run is a race, which CI once lost
    # when focus still moved to the "Save" button above the form and a typed space pressed it.
    page.wait_for_load_state("load")
    expect(page.get_by_role("heading", name="Add news item")).to_be_visible()

    # 2. Write the item: title (the admin fills in the slug from it), summary, Markdown body,
    # and the place it is about, ticked from the keyboard. Saved with no "Publish at": a draft.
    # The add page puts focus in its first field, so staff can start typing straight away.
    assert page.evaluate("document.activeElement.id") == "id_title", focused_element(page)
    page.keyboard.type(TITLE)
    expect(page.get_by_label("Title")).to_have_value(TITLE)
    expect(page.get_by_label("Slug")).to_have_value(SLUG)
    page.get_by_label("Summary").fill(SUMMARY)
    write_body_in_the_editor(page)
    choose_the_image_from_the_library(page, image)
    sheffield = page.get_by_role("checkbox", name="Sheffield", exact=True)
    sheffield.focus()
    page.keyboard.press("Space")
    expect(sheffield).to_be_checked()
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect_success(page, "was added successfully")
    change_url = page.url
    item = NewsItem.objects.get(slug=SLUG)
    assert item.publish_at is None
    assert [place.slug for place in item.places.all()] == ["sheffield"]
    assert item.picture == image
    expect(page.get_by_role("heading", name="Status: Draft")).to_be_visible()
    save_screenshot(page, "newsroom-draft-saved")

    # 3. A draft is nowhere on the public site.
    assert_nowhere_public(public, base)

    # 4. Preview: the item as the public will see it, Markdown rendered.
    page.get_by_role("link", name="Preview", exact=True).click()
    main = page.locator("main")
    expect(main.get_by_role("heading", level=1)).to_have_text(TITLE)
    expect(main.get_by_role("heading", level=2, name=HEADING)).to_be_visible()
    expect(main.get_by_role("listitem").filter(has_text="Darnall Health Centre")).to_be_visible()
    expect(main).to_contain_text("This is a preview. Status: Draft.")
    save_screenshot(page, "newsroom-preview")
    page.go_back()

    # 5. A preview link for a reviewer, opened where nobody is logged in.
    page.get_by_role("button", name="Make a preview link for a reviewer").click()
    expect_success(page, "Preview link for a reviewer")
    share_link = page.locator(".messagelist .success a").get_attribute("href")
    assert share_link.startswith(f"{base}/news/preview/")
    reviewer = anonymous()
    response = reviewer.goto(share_link)
    assert response.status == 200
    assert "noindex" in response.headers["x-robots-tag"]
    expect(reviewer.locator("main h1")).to_have_text(TITLE)
    expect(reviewer.locator("main").get_by_role("heading", level=2, name=HEADING)).to_be_visible()
    assert reviewer.context.cookies() == []  # no session: the link alone let them in

    # 6. The writer submits it for approval: it is in review, still nowhere public, and the
    # writer has no button to publish it.
    page.get_by_role("button", name="Submit for approval").click()
    expect_success(page, "It is submitted")
    expect(page.get_by_role("heading", name="Status: In review")).to_be_visible()
    expect(page.get_by_role("button", name="Publish now")).to_have_count(0)
    expect(page.get_by_role("button", name="Approve")).to_have_count(0)
    assert_nowhere_public(public, base)
    save_screenshot(page, "newsroom-submitted")

    # 7. The approver signs in, reads the preview, and approves it.
    approver = make_user(groups=("Comms team", "Comms approvers"))
    approver_app = TOTPDevice.objects.create(user=approver, name="App", confirmed=True)
    desk = anonymous()
    sign_in(desk, base, approver, approver_app, change_url.removeprefix(base))
    desk.get_by_role("link", name="Preview", exact=True).click()
    expect(desk.locator("main h1")).to_have_text(TITLE)
    expect(desk.locator("main")).to_contain_text("Status: In review")
    desk.go_back()
    desk.get_by_role("button", name="Approve").click()
    expect_success(desk, "It is approved")
    expect(desk.get_by_role("heading", name="Status: Approved")).to_be_visible()

    # 8. The approver schedules it a few seconds ahead, typed as UK time: it is stored as that
    # moment, is not public before it, and appears at it with nothing having to run.
    at = (datetime.datetime.now(UK) + datetime.timedelta(seconds=20)).replace(microsecond=0)
    desk.get_by_label("Date").fill(at.strftime("%d/%m/%Y"))
    desk.get_by_label("Time").fill(at.strftime("%H:%M:%S"))
    desk.get_by_role("button", name="Schedule").click()
    expect_success(desk, "is scheduled for")
    item.refresh_from_db()
    assert item.publish_at == at
    expect(desk.get_by_role("heading", name="Status: Scheduled")).to_have_text(
        f"Status: Scheduled ({at.day} {at:%B %Y, %H:%M} UK time)"
    )
    save_screenshot(desk, "newsroom-scheduled")
    if datetime.datetime.now(UK) < at - datetime.timedelta(seconds=2):
        assert_nowhere_public(public, base)
    while datetime.datetime.now(UK) <= at:
        public.wait_for_timeout(500)
    assert TITLE in listed_titles(public, f"{base}/news/")
    assert TITLE in listed_titles(public, f"{base}/places/sheffield/")
    assert TITLE in feed_titles(public, f"{base}/news/feed/")
    assert TITLE in feed_titles(public, f"{base}/news/atom/")
    public.get_by_role("link", name=TITLE).click()
    expect(public).to_have_url(f"{base}/news/{SLUG}/")
    article = public.locator("main")
    expect(article.locator("h1")).to_have_text(TITLE)
    expect(article.locator(".nhsuk-lede-text")).to_have_text(SUMMARY)
    expect(article.get_by_role("heading", level=2, name=HEADING)).to_be_visible()
    # The library image, as a responsive picture the browser chose a WebP rendition from.
    photo = article.get_by_role("img", name=IMAGE_ALT)
    expect(photo).to_be_visible()
    assert photo.evaluate("img => img.naturalWidth") > 0, "the image did not load"
    assert ".webp" in photo.evaluate("img => img.currentSrc")
    expect(article.locator("figcaption")).to_contain_text("Sheffield Place")
    assert article.locator(f"h2:text-is('{HEADING}') + ul > li").all_inner_texts() == [
        "Sheffield city centre",
        "Darnall Health Centre",
    ]
    assert article.get_by_role("link", name="Sheffield", exact=True).get_attribute("href") == (
        "/places/sheffield/"
    )
    save_screenshot(public, "newsroom-published")

    # 9. The writer edits the published item: the edit is a draft, the public keeps the
    # published version, and the approver compares the two before approving and publishing.
    page.goto(change_url)
    page.get_by_label("Title").fill(f"{TITLE} all winter")
    page.get_by_role("button", name="Save and continue editing").first.click()
    expect(page.locator(".messagelist")).to_contain_text("Saved as draft changes")
    expect(
        page.get_by_role("heading", name="Status: Published, with draft changes (draft)")
    ).to_be_visible()
    assert f"{TITLE} all winter" not in listed_titles(public, f"{base}/news/")
    assert public.goto(f"{base}/news/{SLUG}/").status == 200
    expect(public.locator("main h1")).to_have_text(TITLE)
    page.get_by_role("button", name="Submit for approval").click()
    expect_success(page, "It is submitted")
    desk.goto(change_url)
    desk.get_by_role("link", name="Compare them with the published version").click()
    expect(desk.locator(".app-compare ins")).to_have_text(["all winter"])
    save_screenshot(desk, "newsroom-compare")
    desk.goto(change_url)
    desk.get_by_role("button", name="Approve").click()
    expect_success(desk, "It is approved")
    desk.get_by_role("button", name="Publish now").click()
    expect_success(desk, "is published")
    public.goto(f"{base}/news/{SLUG}/")
    expect(public.locator("main h1")).to_have_text(f"{TITLE} all winter")

    # 10. The history shows who did each step, and when.
    desk.goto(f"{change_url}history/".replace("/change/history/", "/history/"))
    signoff = desk.locator("#content-main")
    for step in ("Submitted for approval", "Approved", "Scheduled for"):
        expect(signoff).to_contain_text(step)
    expect(signoff).to_contain_text(user.username)
    expect(signoff).to_contain_text(approver.username)
    desk.goto(change_url)

    # 11. Withdrawn: off the site, and the link given to the reviewer no longer opens it.
    desk.get_by_role("button", name="Withdraw (unpublish) and revoke preview links").click()
    expect_success(desk, "is withdrawn")
    expect(desk.get_by_role("heading", name="Status: Withdrawn")).to_be_visible()
    assert reviewer.goto(share_link).status == 404
    assert_nowhere_public(public, base)

    # The admin worked throughout with its scripts and styles under the site's CSP.
    assert console_errors == []
    assert failed_requests == []
    assert page.url == change_url
